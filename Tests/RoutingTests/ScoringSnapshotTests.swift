import Foundation
import JSON
import Testing
@testable import Routing

/// Scores are pinned: speed work on the scorer must not move a single bit of any output.
///
/// `Fixtures/scoring-snapshots.jsonl` holds `ScoringSnapshot.line` for 400 prompts (the
/// regression suite, the everyday set, the reference-parity prompts, every 100th development
/// row and a few edge cases), written by the scorer code before the speed work (958c41b's, with
/// the bench's `--snapshots` mode) reading the bundled routing file as refitted for the
/// short-answer cue (3c866db) with
/// `preflight-routing-bench --snapshots models/routing/routing.json PROMPTS...`;
/// `Fixtures/development-digests.txt` holds the FNV-64 digest of that line for each of the
/// 10,706 development rows (`--digests`, same code and file). A deliberate change of scores
/// regenerates both with the code before the change (docs/ROUTING.md). The first test compares every fixture
/// line exactly; the second checks every 10th development row (all of them:
/// `bench/routing-snapshots.sh`) and skips without `../shared/eval`.
@Suite struct ScoringSnapshotTests {
    static let router = ComplexityRouter(model: RoutingTestSupport.bundledModel)

    /// The development files, in the order the digests were written.
    static let developmentFiles = ["routellm-dev.jsonl", "routerbench-train.jsonl", "alpacaeval-mixtral-gpt4.jsonl"]

    @Test func everyPinnedPromptScoresBitIdentically() throws {
        let rows = try RoutingTestSupport.jsonLines(RoutingTestSupport.fixtures + "/scoring-snapshots.jsonl")
        #expect(rows.count >= 400)
        var mismatches = 0
        for (index, row) in rows.enumerated() {
            let prompt = try #require(row["prompt"]?.stringValue)
            let expected = try #require(row["expected"]?.stringValue)
            let got = ScoringSnapshot.line(ScoringSnapshotTests.router, prompt: prompt)
            if got != expected {
                mismatches += 1
                if mismatches <= 5 { Issue.record("row \(index): \(prompt.prefix(60))…\ngot      \(got)\nexpected \(expected)") }
            }
        }
        #expect(mismatches == 0)
    }

    @Test func developmentRowsScoreBitIdentically() throws {
        let eval = RoutingTestSupport.sharedEval
        guard FileManager.default.fileExists(atPath: eval + "/" + ScoringSnapshotTests.developmentFiles[0]) else {
            print("ScoringSnapshotTests: \(eval) is absent; the development-row check is skipped")
            return
        }
        let digests = try String(contentsOfFile: RoutingTestSupport.fixtures + "/development-digests.txt", encoding: .utf8)
            .split(separator: "\n").map(String.init)
        var prompts: [String] = []
        for file in ScoringSnapshotTests.developmentFiles {
            for row in try RoutingTestSupport.jsonLines(eval + "/" + file) {
                if let prompt = row["prompt"]?.stringValue { prompts.append(prompt) }
            }
        }
        #expect(prompts.count == digests.count)
        var mismatches = 0
        for index in stride(from: 0, to: min(prompts.count, digests.count), by: 10) {
            let got = ScoringSnapshot.digest(ScoringSnapshot.line(ScoringSnapshotTests.router, prompt: prompts[index]))
            if got != digests[index] {
                mismatches += 1
                if mismatches <= 5 { Issue.record("development row \(index) scores differently: \(prompts[index].prefix(60))…") }
            }
        }
        #expect(mismatches == 0)
    }
}
