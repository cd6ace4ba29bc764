@testable import Tokenizers
import Testing

/// Pre-tokenizer splits, checked against tiktoken's patterns run by Python's `regex` module
/// (which implements the same backtracking semantics, possessive quantifiers included).
@Suite("Pre-tokenizer splits")
struct PreTokenizerSplitTests {
    /// Splits `text` into pieces with `preTokenizer`, the way the encoder walks it.
    static func pieces<P: PreTokenizer>(_ text: String, _ preTokenizer: P) -> [String] {
        var text = text
        return text.withUTF8 { buffer -> [String] in
            guard let base = buffer.baseAddress else { return [] }
            var pieces: [String] = []
            var position = 0
            while position < buffer.count {
                let end = preTokenizer.pieceEnd(base, from: position, to: buffer.count)
                pieces.append(String(decoding: UnsafeBufferPointer(rebasing: buffer[position..<end]), as: UTF8.self))
                position = end
            }
            return pieces
        }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let text: String
        let o200k: [String]
        let cl100k: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "latin", text: "Hello, world! It's a TEST of HelloWorld.",
            o200k: ["Hello", ",", " world", "!", " It's", " a", " TEST", " of", " Hello", "World", "."],
            cl100k: ["Hello", ",", " world", "!", " It", "'s", " a", " TEST", " of", " HelloWorld", "."]),
        Case(
            name: "latinCase", text: "McDONALD's iPhone XMLHttpRequest ÉCOLE école",
            o200k: ["Mc", "DONALD's", " i", "Phone", " XMLHttp", "Request", " ÉCOLE", " école"],
            cl100k: ["McDONALD", "'s", " iPhone", " XMLHttpRequest", " ÉCOLE", " école"]),
        Case(
            name: "cjk", text: "我们今天去公园散步。東京タワー",
            o200k: ["我们今天去公园散步", "。東京タワー"],
            cl100k: ["我们今天去公园散步", "。東京タワー"]),
        Case(
            name: "devanagari", text: "नमस्ते दुनिया, आप कैसे हैं?",
            o200k: ["नमस्ते", " दुनिया", ",", " आप", " कैसे", " हैं", "?"],
            cl100k: ["नमस", "्त", "े", " द", "ुन", "िय", "ा,", " आप", " क", "ैस", "े", " ह", "ैं?"]),
        Case(
            name: "thai", text: "สวัสดีครับ ยินดีที่ได้รู้จัก",
            o200k: ["สวัสดีครับ", " ยินดีที่ได้รู้จัก"],
            cl100k: ["สว", "ัสด", "ีคร", "ับ", " ย", "ินด", "ีท", "ี่", "ได", "้ร", "ู้", "จ", "ัก"]),
        Case(
            name: "arabic", text: "مرحبا بالعالم! كيف حالك؟",
            o200k: ["مرحبا", " بالعالم", "!", " كيف", " حالك", "؟"],
            cl100k: ["مرحبا", " بالعالم", "!", " كيف", " حالك", "؟"]),
        Case(
            name: "emoji", text: "I ❤\u{FE0F} 👍🏽 and 👨\u{200D}👩\u{200D}👧!",
            o200k: ["I", " ❤\u{FE0F}", " 👍🏽", " and", " 👨\u{200D}👩\u{200D}👧!"],
            cl100k: ["I", " ❤\u{FE0F}", " 👍🏽", " and", " 👨\u{200D}👩\u{200D}👧!"]),
        Case(
            name: "digits", text: "1234567 x12ab 3.14159 ١٢٣٤",
            o200k: ["123", "456", "7", " x", "12", "ab", " ", "3", ".", "141", "59", " ", "١٢٣", "٤"],
            cl100k: ["123", "456", "7", " x", "12", "ab", " ", "3", ".", "141", "59", " ", "١٢٣", "٤"]),
        Case(
            name: "whitespace", text: "a  b   c\t\td \n\n  e   ",
            o200k: ["a", " ", " b", "  ", " c", "\t", "\td", " \n\n", " ", " e", "   "],
            cl100k: ["a", " ", " b", "  ", " c", "\t", "\td", " \n\n", " ", " e", "   "]),
        Case(
            name: "newlines", text: "x\r\n\r\ny \n z\n",
            o200k: ["x", "\r\n\r\n", "y", " \n", " z", "\n"],
            cl100k: ["x", "\r\n\r\n", "y", " \n", " z", "\n"]),
        Case(
            name: "contractions", text: "I'm sure you'll see they've done it; DON'T 'sam we'd",
            o200k: ["I'm", " sure", " you'll", " see", " they've", " done", " it", ";", " DON'T", " '", "sam", " we'd"],
            cl100k: ["I", "'m", " sure", " you", "'ll", " see", " they", "'ve", " done", " it", ";", " DON", "'T", " '", "sam", " we", "'d"]),
        Case(
            name: "slash", text: "a/b //\n/ x!\n/y",
            o200k: ["a", "/b", " //\n/", " x", "!\n/", "y"],
            cl100k: ["a", "/b", " //\n", "/", " x", "!\n", "/y"]),
        Case(
            name: "marks", text: "\u{301}ABC e\u{301}cole ABC\u{301}DEF",
            o200k: ["\u{301}", "ABC", " e\u{301}cole", " ABC\u{301}", "DEF"],
            cl100k: ["\u{301}ABC", " e", "\u{301}cole", " ABC", "\u{301}DEF"]),
    ]

    @Test("o200k_base splits", arguments: cases)
    func o200k(_ testCase: Case) {
        #expect(Self.pieces(testCase.text, O200kPreTokenizer()) == testCase.o200k)
    }

    @Test("cl100k_base splits", arguments: cases)
    func cl100k(_ testCase: Case) {
        #expect(Self.pieces(testCase.text, Cl100kPreTokenizer()) == testCase.cl100k)
    }

    @Test("Special-token text is ordinary text to the pre-tokenizers")
    func specialTokenText() {
        #expect(Self.pieces("<|endoftext|>", O200kPreTokenizer()) == ["<|", "endoftext", "|>"])
        #expect(Self.pieces("<|endoftext|>", Cl100kPreTokenizer()) == ["<|", "endoftext", "|>"])
    }

    @Test("A haystack end acts as end of text for `\\s++$` and `(?!\\S)`")
    func haystackEnd() {
        // Same bytes, but the haystack stops after the spaces: cl100k takes the whole run.
        var text = "a   b"
        let pieces = text.withUTF8 { buffer -> [Int] in
            let pre = Cl100kPreTokenizer()
            return [pre.pieceEnd(buffer.baseAddress!, from: 1, to: 4), pre.pieceEnd(buffer.baseAddress!, from: 1, to: 5)]
        }
        #expect(pieces == [4, 3])
    }
}
