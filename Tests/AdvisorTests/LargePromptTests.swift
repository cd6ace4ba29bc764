import Foundation
import Testing
import Tokenizers
@testable import Advisor

/// What keeps a long prompt's estimate bounded (issue 12): the scorer's window and its offsets,
/// the single-pass cue readers, the shared counts. Timings are benchmarks (bench/large-prompts.sh),
/// never tests; these check that the bounded readers say what the whole-text ones said.
@Suite struct LargePromptTests {
    /// A scorer that quotes every "MARKER" in what it is given, with UTF-8 and UTF-16 offsets.
    struct MarkerScorer: ComplexityScoring {
        func assess(_ text: String, inputTokens: Int) -> ComplexityAssessment {
            var signals: [ComplexitySignal] = []
            var search = text.startIndex
            while let range = text.range(of: "MARKER", range: search..<text.endIndex) {
                let utf8 = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
                let utf16 = text.utf16.distance(from: text.startIndex, to: range.lowerBound)
                signals.append(ComplexitySignal(dimension: .reasoning, evidence: "MARKER", weight: 0.5,
                                                utf8: utf8..<(utf8 + 6), utf16: utf16..<(utf16 + 6)))
                search = range.upperBound
            }
            signals.append(ComplexitySignal(dimension: .contextLength, evidence: "\(text.utf8.count / 4) estimated tokens",
                                            weight: 1))
            return ComplexityAssessment(score: 0.5, dimensions: [:], signals: signals, suggestedTier: .standard,
                                        confidence: 1, rationale: "markers")
        }
    }

    @Test func aShortPromptIsScoredWhole() {
        let window = ScoringWindow("MARKER in a short prompt")
        #expect(!window.isSampled && window.text == "MARKER in a short prompt" && window.note == nil)
        let assessment = window.assess(with: MarkerScorer(), inputTokens: 5)
        #expect(assessment.signals[0].utf8 == 0..<6)
    }

    @Test func aLongPromptIsScoredOnItsHeadAndTailWithOffsetsInTheWholePrompt() throws {
        // Non-BMP scalars in the skipped middle shift UTF-16 offsets by two units each.
        let head = "MARKER " + String(repeating: "a", count: 100)
        let middle = String(repeating: "😀 é ", count: 200_000)
        let tail = String(repeating: "b", count: 100) + " MARKER end"
        let prompt = head + middle + tail
        let window = ScoringWindow(prompt)
        #expect(window.isSampled)
        #expect(window.text.utf8.count <= ScoringWindow.headBytes + ScoringWindow.tailBytes + 1)
        #expect(window.note?.contains("\(prompt.utf8.count)-byte prompt") == true)
        let signals = window.assess(with: MarkerScorer(), inputTokens: 123_456).signals
        let quoted = signals.filter { $0.utf8 != nil }
        #expect(quoted.count == 2)
        let bytes = Array(prompt.utf8)
        let units = Array(prompt.utf16)
        for signal in quoted {
            let utf8 = try #require(signal.utf8), utf16 = try #require(signal.utf16)
            #expect(String(decoding: bytes[utf8], as: UTF8.self) == "MARKER")
            #expect(String(decoding: units[utf16], as: UTF16.self) == "MARKER")
        }
        #expect(quoted[1].utf8!.lowerBound == prompt.utf8.count - " MARKER end".utf8.count + 1)
        // The measured context length is restated with the whole prompt's count.
        #expect(signals.contains { $0.dimension == .contextLength && $0.evidence == "123456 tokens (o200k_base)" })
    }

    @Test func theCodePhraseScanFindsWhatSearchingTheLowerCasedTextFound() {
        let cases: [(String, String?)] = [
            ("Please Write A Function that adds", "write a function"),
            ("x\nDEF main():\n", "def "),
            ("notes: import os, then ```python", "```"),       // list order, not text order
            ("日本語のテキスト、コードなし", nil),
            ("naïve SQL QUERY écrit", "sql query"),
            ("refactorisation", "refactor"),
        ]
        for (text, expected) in cases {
            let reference = TaskKind.codePhrases.first { text.lowercased().contains($0) }
            #expect(TaskKind.firstCodePhrase(in: text) == expected, "\(text)")
            #expect(reference == expected, "\(text)")
        }
        // The instruction phrases are still read from both ends of a long prompt.
        let long = "Summarize the following.\n" + String(repeating: "filler text ", count: 10_000)
        #expect(TaskKind.detect(in: long).kind == .summary)
        #expect(TaskKind.detect(in: String(repeating: "filler text ", count: 10_000) + "\nTranslate this").kind
                == .transformation)
    }

    @Test func theExplicitWordCountIsReadFromTheBytes() {
        #expect(OutputProjection.explicitWordCount(in: "Answer In 300 WORDS please") == 300)
        #expect(OutputProjection.explicitWordCount(in: "a 1,500-word essay") == 1_500)
        #expect(OutputProjection.explicitWordCount(in: "日本語 under 100 words") == 100)
        #expect(OutputProjection.explicitWordCount(in: "2024 was a year; 12 apples") == nil)
        #expect(OutputProjection.explicitWordCount(in: "0 words") == nil)
        #expect(OutputProjection.explicitWordCount(in: "ends with 12 wor") == nil)
    }

    @Test func theEnglishCheckReadsAtMostItsSampleOfWords() {
        // 30,000 German-looking words, then English: only the first 20,000 words are read.
        let german = String(repeating: "der Hund und die Katze ", count: 6_000)
        let english = String(repeating: "the dog and the cat ", count: 6_000)
        #expect(!InflationEstimate.readsAsEnglish([Substring(german), Substring(english)]))
        #expect(InflationEstimate.readsAsEnglish([Substring(english), Substring(german)]))
        #expect(InflationEstimate.readsAsEnglish("Please write the summary of this report for me today."))
        // One "word" megabytes long is one word of a few kept letters, not a string that long.
        let run = Substring(String(repeating: "a", count: 3_000_000))
        #expect(InflationEstimate.readsAsEnglish([run]))
        #expect(!InflationEstimate.readsAsEnglish([Substring(String(repeating: "xq zv ", count: 10)), run]))
    }

    /// Counts how often each tokenizer is asked, to show a text is counted once per tokenizer.
    final class CountingCounter: TokenCounting, @unchecked Sendable {
        let lock = NSLock()
        var calls: [TokenizerID: Int] = [:]
        var batchCalls = 0
        func count(_ text: String, tokenizer: TokenizerID) -> TokenCount {
            lock.withLock { calls[tokenizer, default: 0] += 1 }
            return WordCounter().count(text, tokenizer: tokenizer)
        }
        func counts(_ text: String, tokenizers: [TokenizerID], profile: UnicodeScriptProfile?) -> [TokenizerID: TokenCount] {
            lock.withLock { batchCalls += 1 }
            var result: [TokenizerID: TokenCount] = [:]
            for tokenizer in tokenizers { result[tokenizer] = WordCounter().count(text, tokenizer: tokenizer) }
            return result
        }
    }

    @Test func eachTokenizerCountsTheTextOnceAndTheOthersInOneBatch() throws {
        let catalog = try Catalog(version: CalendarDay("2026-11-20")!, source: "test", models: [
            model("a", tier: .economy, input: "0.1", output: "0.4"),
            model("b", tier: .standard, tokenizer: "fam", input: "1", output: "4"),
            model("c", tier: .premium, tokenizer: "other", input: "3", output: "15"),
        ])
        let counter = CountingCounter()
        let planner = EstimatePlanner(catalog: catalog, counter: counter, scorer: FixedScorer())
        // One script: the split needs no per-run counts.
        _ = try planner.estimate(EstimateRequest(input: .prompt("Capital of France, please"), expectedOutputTokens: 5))
        #expect(counter.calls[.o200kBase] == 1)      // the reference count, reused for model a
        #expect(counter.batchCalls == 1)             // fam and other together
        #expect(counter.calls["fam"] == nil && counter.calls["other"] == nil)
    }
}
