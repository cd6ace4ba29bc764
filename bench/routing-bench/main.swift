// preflight-routing-bench: what complexity scoring costs next to counting, and how long the
// routing file takes to load.
//
//   preflight-routing-bench [ROUTING_FILE] [PROMPTS.jsonl...]
//
// For every prompt (the regression suite, plus any JSONL files given, e.g. the development
// rows) it times, in the same run and interleaved, (a) an exact o200k_base count and (b) the
// count plus a full assessment (features, score, tier, signals). It reports the median extra
// microseconds per KB of prompt (goal: at most 20) and per prompt, and the routing file's load
// time (goal: under 5 ms) and size (goal: at most 5 MB).
import Foundation
import JSON
import Routing
import Tokenizers
#if canImport(Glibc)
import Glibc
#endif

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

let root: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/")
}()
let args = Array(CommandLine.arguments.dropFirst())

// `--snapshots ROUTING_FILE PROMPTS.jsonl...`: one `{"prompt", "expected"}` line per prompt with
// `ScoringSnapshot.line` (the pinned-score fixture); `--digests ...`: one FNV-64 digest of that
// line per prompt (the development-row check). Both only score; nothing is timed.
if let mode = args.first, mode == "--snapshots" || mode == "--digests" {
    let model = try! RoutingModel.load(path: args[1])
    let router = ComplexityRouter(model: model)
    for file in args.dropFirst(2) {
        let text = try! String(contentsOfFile: file, encoding: .utf8)
        for line in text.split(separator: "\n") where !line.isEmpty {
            guard let prompt = (try? JSONValue.parse(String(line)))?["prompt"]?.stringValue else { continue }
            let snapshot = ScoringSnapshot.line(router, prompt: prompt)
            if mode == "--digests" {
                print(ScoringSnapshot.digest(snapshot))
            } else {
                print(JSONValue.object(["prompt": .string(prompt), "expected": .string(snapshot)]).serializedString)
            }
        }
    }
    exit(0)
}
let routingPath = args.first ?? root + "/models/routing/routing.json"
var promptFiles = Array(args.dropFirst())
if promptFiles.isEmpty { promptFiles = [root + "/Tests/RoutingTests/Fixtures/regression-prompts.jsonl"] }

// Load time: median of 9 loads.
var loads: [Double] = []
var model: RoutingModel? = nil
for _ in 0..<9 {
    let start = now()
    model = try! RoutingModel.load(path: routingPath)
    loads.append((now() - start) * 1000)
}
loads.sort()
let size = (try! FileManager.default.attributesOfItem(atPath: routingPath)[.size] as! Int)
let router = ComplexityRouter(model: model!)
let registry = TokenizerRegistry(vocabularyDirectory: root + "/models/vocab")
let o200k = try! registry.load(.o200kBase)!

var prompts: [String] = []
for file in promptFiles {
    let text = try! String(contentsOfFile: file, encoding: .utf8)
    for line in text.split(separator: "\n") where !line.isEmpty {
        if let prompt = (try? JSONValue.parse(String(line)))?["prompt"]?.stringValue { prompts.append(prompt) }
    }
}
let totalBytes = prompts.reduce(0) { $0 + $1.utf8.count }

// Interleaved rounds; per round, total time of each variant over all prompts.
var countOnly: [Double] = [], countAndScore: [Double] = []
var sink = 0
let rounds = max(5, min(41, 4_000_000 / max(1, totalBytes)))
for _ in 0..<rounds {
    var start = now()
    for prompt in prompts { sink &+= o200k.count(prompt, allowedSpecial: .none).tokens }
    countOnly.append(now() - start)
    start = now()
    for prompt in prompts {
        let tokens = o200k.count(prompt, allowedSpecial: .none).tokens
        sink &+= router.assess(prompt, inputTokens: tokens).signals.count
    }
    countAndScore.append(now() - start)
}
countOnly.sort()
countAndScore.sort()
let kb = Double(totalBytes) / 1024
let countPerKB = countOnly[rounds / 2] / kb * 1e6
let bothPerKB = countAndScore[rounds / 2] / kb * 1e6
print("prompts: \(prompts.count), \(totalBytes) bytes, \(rounds) interleaved rounds (median)")
print(String(format: "count only:        %8.2f µs/KB", countPerKB))
print(String(format: "count + assess:    %8.2f µs/KB", bothPerKB))
print(String(format: "scoring adds:      %8.2f µs/KB  (goal ≤ 20)", bothPerKB - countPerKB))
// Per prompt as well: short prompts are dominated by the fixed cost (signals, rationale), which
// µs/KB divides by a fraction of a KB.
let perPrompt = (countAndScore[rounds / 2] - countOnly[rounds / 2]) / Double(prompts.count) * 1e6
print(String(format: "scoring adds:      %8.2f µs per prompt (mean %d bytes)", perPrompt, totalBytes / max(1, prompts.count)))
print(String(format: "routing file load: %8.2f ms median of 9 (min %.2f, max %.2f; goal < 5)", loads[4], loads[0], loads[8]))
print("routing file size: \(size) bytes (goal ≤ 5,242,880)")
if sink == 42 { print("") }
