// preflight-tokenizer-bench: measurements and parity checks for the Tokenizers module.
//
//   preflight-tokenizer-bench count ENCODING FILE [THREADS]
//                                                          print the token count of FILE (on
//                                                          THREADS threads, default 1)
//   preflight-tokenizer-bench lines ENCODING FILE          print one count per line (no newline)
//   preflight-tokenizer-bench throughput ENCODING FILE [SECONDS [THREADS]]
//                                                          in-process count throughput: the best
//                                                          of repeated counts of the whole file
//                                                          for SECONDS (default 3), MB/s, on
//                                                          THREADS threads (default 1)
//   preflight-tokenizer-bench estimate-vs-exact ENCODING FILE [SECONDS]
//                                                          the vocabulary-free estimator (calibrated
//                                                          for ENCODING) against the exact count of
//                                                          the same text, alternating, best of each
//   preflight-tokenizer-bench load [ENCODING...]           time to load each vocabulary, and peak
//                                                          RSS with both loaded
//   preflight-tokenizer-bench parity SHARED_DIR            FLORES-200 parity with tiktoken
//   preflight-tokenizer-bench family-parity SHARED_DIR [ENCODING...]
//                                                          FLORES-200 parity of qwen2, qwen3.5,
//                                                          deepseek-v4 and tekken with their
//                                                          libraries (flores200-dev-family-counts.tsv)
//
// The vocabulary directory is $PREFLIGHT_MODELS/vocab, else models/vocab of this checkout.
import Foundation
import Tokenizers
#if canImport(Glibc)
import Glibc
#endif

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func readFile(_ path: String) -> [UInt8] {
    guard let f = fopen(path, "rb") else { fatalError("cannot open \(path)") }
    defer { fclose(f) }
    var bytes = [UInt8]()
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
        let n = fread(&chunk, 1, chunk.count, f)
        if n <= 0 { break }
        bytes.append(contentsOf: chunk[0..<n])
    }
    return bytes
}

func vocabularyDirectory() -> String {
    if let models = getenv("PREFLIGHT_MODELS") { return String(cString: models) + "/vocab" }
    let source = #filePath  // .../bench/tokenizers-bench/main.swift
    var parts = source.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/") + "/models/vocab"
}

/// The registered tokenizer `name`, measured through the `Tokenizer` protocol as the server uses it.
func encoding(_ name: String, _ registry: TokenizerRegistry) -> any Tokenizer {
    do {
        guard let tokenizer = try registry.load(TokenizerID(name)) else { fatalError("unknown tokenizer \(name)") }
        return tokenizer
    } catch { fatalError("\(error)") }
}

func peakRSSKiB() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss
}

let args = CommandLine.arguments
guard args.count >= 2 else {
    print("usage: preflight-tokenizer-bench count|lines|throughput|load|parity|family-parity ...")
    exit(64)
}
let registry = TokenizerRegistry(vocabularyDirectory: vocabularyDirectory())
switch args[1] {
case "count":
    let enc = encoding(args[2], registry)
    let text = String(decoding: readFile(args[3]), as: UTF8.self)
    let threads = args.count > 4 ? Int(args[4])! : 1
    print(enc.count(text, allowedSpecial: .none, threads: threads).tokens)
case "lines":
    let enc = encoding(args[2], registry)
    let text = String(decoding: readFile(args[3]), as: UTF8.self)
    var out = ""
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        out += "\(enc.count(String(line)).tokens)\n"
    }
    print(out, terminator: "")
case "throughput":
    let enc = encoding(args[2], registry)
    let bytes = readFile(args[3])
    let text = String(decoding: bytes, as: UTF8.self)
    let budget = args.count > 4 ? Double(args[4])! : 3.0
    let threads = args.count > 5 ? Int(args[5])! : 1
    var best = Double.infinity
    var tokens = 0
    let start = now()
    var runs = 0
    while runs < 3 || now() - start < budget {
        let t0 = now()
        tokens = enc.count(text, allowedSpecial: .none, threads: threads).tokens
        best = min(best, now() - t0)
        runs += 1
    }
    let mb = Double(bytes.count) / 1e6
    print("tokens=\(tokens) bytes=\(bytes.count) runs=\(runs) best_ms=\(String(format: "%.2f", best * 1000)) "
        + "mbps=\(String(format: "%.1f", mb / best)) rss_mib=\(peakRSSKiB() / 1024)")
case "estimate-vs-exact":
    let enc = encoding(args[2], registry)
    let estimator = registry.estimator(for: TokenizerID(args[2]), note: "vocabulary-free estimate")
    let bytes = readFile(args[3])
    let text = String(decoding: bytes, as: UTF8.self)
    let budget = args.count > 4 ? Double(args[4])! : 3.0
    let setup = now()
    _ = estimator.count("Hello, world!")  // builds the estimator's tables (once per process)
    let setupMs = (now() - setup) * 1000
    var bestExact = Double.infinity, bestEstimate = Double.infinity
    var exact = 0, estimate = 0, runs = 0
    let start = now()
    while runs < 3 || now() - start < budget {
        let t0 = now()
        exact = enc.count(text).tokens
        let t1 = now()
        estimate = estimator.count(text).tokens
        let t2 = now()
        bestExact = min(bestExact, t1 - t0)
        bestEstimate = min(bestEstimate, t2 - t1)
        runs += 1
    }
    print("exact=\(exact) estimate=\(estimate) error=\(String(format: "%+.1f%%", 100 * Double(estimate - exact) / Double(max(exact, 1)))) "
        + "runs=\(runs) exact_ms=\(String(format: "%.2f", bestExact * 1000)) estimate_ms=\(String(format: "%.2f", bestEstimate * 1000)) "
        + "ratio=\(String(format: "%.3f", bestEstimate / bestExact)) table_build_ms=\(String(format: "%.1f", setupMs))")
case "load":
    // Each named encoding (default: both) is loaded and counts one short text.
    let names = args.count > 2 ? Array(args[2...]) : registry.registrations.filter(\.isExact).map(\.id.name)
    for name in names {
        let t0 = now()
        let enc = encoding(name, registry)
        let t1 = now()
        let n = enc.count("Hello, world!").tokens
        let t2 = now()
        print("encoding=\(name) load_ms=\(String(format: "%.1f", (t1 - t0) * 1000)) "
            + "first_count_ms=\(String(format: "%.3f", (t2 - t1) * 1000)) tokens=\(n)")
    }
    print("rss_mib=\(peakRSSKiB() / 1024)")
case "parity":
    let shared = args[2]
    let tsv = String(decoding: readFile(shared + "/corpora/flores200-dev-counts.tsv"), as: UTF8.self)
    var expected: [String: [(Int, Int)]] = [:]
    var header = true
    var cl = 0, o2 = 0
    for line in tsv.split(separator: "\n") {
        let f = line.split(separator: "\t")
        if header { cl = f.firstIndex(of: "cl100k_base")!; o2 = f.firstIndex(of: "o200k_base")!; header = false; continue }
        expected[String(f[0]), default: []].append((Int(f[cl])!, Int(f[o2])!))
    }
    let o200k = encoding("o200k_base", registry), cl100k = encoding("cl100k_base", registry)
    var checked = 0, mismatches = 0
    let t0 = now()
    for language in expected.keys.sorted() {
        let text = String(decoding: readFile(shared + "/corpora/flores200-dev/\(language).dev"), as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        let want = expected[language]!
        if lines.count != want.count { print("\(language): \(lines.count) lines, TSV has \(want.count)"); mismatches += 1; continue }
        for (i, line) in lines.enumerated() {
            let s = String(line)
            let a = cl100k.count(s).tokens, b = o200k.count(s).tokens
            checked += 2
            if a != want[i].0 { mismatches += 1; if mismatches < 40 { print("MISMATCH cl100k \(language):\(i) got \(a) want \(want[i].0)") } }
            if b != want[i].1 { mismatches += 1; if mismatches < 40 { print("MISMATCH o200k \(language):\(i) got \(b) want \(want[i].1)") } }
        }
    }
    print("parity: \(checked) counts checked, \(mismatches) mismatches, \(String(format: "%.2f", now() - t0)) s")
    exit(mismatches == 0 ? 0 : 1)
case "family-parity":
    let shared = args[2]
    let tsv = String(decoding: readFile(shared + "/corpora/flores200-dev-family-counts.tsv"), as: UTF8.self)
    var rows = tsv.split(separator: "\n")
    let header = rows.removeFirst().split(separator: "\t").map(String.init)
    let names = args.count > 3 ? Array(args[3...]) : Array(header[2...])
    let columns = names.map { name -> Int in
        guard let column = header.firstIndex(of: name) else { fatalError("no column \(name) in the TSV") }
        return column
    }
    let tokenizers = names.map { encoding($0, registry) }
    var expected: [String: [[Int]]] = [:]
    var order: [String] = []
    for row in rows {
        let f = row.split(separator: "\t")
        let language = String(f[0])
        if expected[language] == nil { order.append(language) }
        expected[language, default: []].append(columns.map { Int(f[$0])! })
    }
    var checked = 0, mismatches = 0
    var perEncoding = [Int](repeating: 0, count: names.count)
    let t0 = now()
    for language in order {
        let text = String(decoding: readFile(shared + "/corpora/flores200-dev/\(language).dev"), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        let want = expected[language]!
        if lines.count != want.count { print("\(language): \(lines.count) lines, TSV has \(want.count)"); mismatches += 1; continue }
        for (i, line) in lines.enumerated() {
            let s = String(line)
            for (k, tokenizer) in tokenizers.enumerated() {
                let got = tokenizer.count(s).tokens
                checked += 1
                if got != want[i][k] {
                    mismatches += 1
                    perEncoding[k] += 1
                    if mismatches < 40 { print("MISMATCH \(names[k]) \(language):\(i) got \(got) want \(want[i][k])") }
                }
            }
        }
    }
    for (k, name) in names.enumerated() { print("\(name): \(perEncoding[k]) mismatches") }
    print("family-parity: \(checked) counts checked, \(mismatches) mismatches, \(String(format: "%.2f", now() - t0)) s")
    exit(mismatches == 0 ? 0 : 1)
default:
    print("unknown command \(args[1])")
    exit(64)
}
