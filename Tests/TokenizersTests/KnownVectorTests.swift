import Testing
import Tokenizers

@Suite("Known vectors")
struct KnownVectorTests {
    @Test("The issue's mixed-script sentence: 11 tokens in o200k_base, 16 in cl100k_base")
    func mixedScriptSentence() throws {
        let text = "Hello, 世界! Привет, мир. こんにちは"
        #expect(try TestEnvironment.encoding(.o200kBase).tokenCount(of: text) == 11)
        #expect(try TestEnvironment.encoding(.cl100kBase).tokenCount(of: text) == 16)
    }

    @Test("Empty text has no tokens", arguments: TestEnvironment.encodings)
    func emptyText(_ name: TokenizerID) throws {
        let encoding = try TestEnvironment.encoding(name)
        #expect(encoding.tokenCount(of: "") == 0)
        #expect(encoding.spans(of: "").isEmpty)
    }

    @Test("Single tokens have tiktoken's ids", arguments: [
        (TokenizerID.o200kBase, "Hello", 13225), (.o200kBase, "!", 0), (.o200kBase, " ", 220),
        (.cl100kBase, "Hello", 9906), (.cl100kBase, "!", 0), (.cl100kBase, " ", 220),
    ])
    func singleTokenIds(_ name: TokenizerID, _ text: String, _ id: Int) throws {
        #expect(try TestEnvironment.encoding(name).spans(of: text) == [TokenSpan(id: id, start: 0, end: text.utf8.count)])
    }

    @Test("count equals encode().count and spans tile the text", arguments: TestEnvironment.encodings)
    func countMatchesEncode(_ name: TokenizerID) throws {
        let encoding = try TestEnvironment.encoding(name)
        for row in TiktokenFixture.shared.rows {
            let spans = encoding.spans(of: row.text)
            #expect(spans.count == encoding.tokenCount(of: row.text), "\(row.source): \(row.text.debugDescription)")
            var offset = 0
            for span in spans {
                #expect(span.start == offset && span.end > span.start)
                offset = span.end
            }
            #expect(offset == row.text.utf8.count)
        }
    }

    @Test("Long runs of one character stay near-linear and match tiktoken", arguments: [
        // Counts from tiktoken 0.14.0: len(enc.encode_ordinary("a" * 1_000_000)) and so on.
        (TokenizerID.o200kBase, "a", 1_000_000, 125_000), (.cl100kBase, "a", 1_000_000, 125_000),
        (.o200kBase, " ", 100_000, 782), (.cl100kBase, " ", 100_000, 782),
        (.o200kBase, "ab", 50_000, 25_000), (.cl100kBase, "ab", 50_000, 50_000),
    ])
    func longRepeatedRuns(_ name: TokenizerID, _ unit: String, _ repeats: Int, _ expected: Int) throws {
        let encoding = try TestEnvironment.encoding(name)
        let text = String(repeating: unit, count: repeats)
        let clock = ContinuousClock()
        var counted = 0
        let elapsed = clock.measure { counted = encoding.tokenCount(of: text) }
        #expect(counted == expected)
        // Quadratic merging of a 1 MB piece takes minutes even optimised; n log n is well under this.
        #expect(elapsed < .seconds(20), "counting \(repeats) × \(unit.debugDescription) took \(elapsed)")
    }
}
