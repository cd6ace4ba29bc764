@testable import Tokenizers
import Testing

/// Cutting a text where `LineStartSplitRule` allows (after a line feed followed by neither white
/// space nor `/`) gives the pieces, hence the count, of the whole text: checked piece by piece on
/// random texts built from the fragments the patterns treat specially, and end to end through
/// the parallel count.
@Suite("Split points for parallel counting")
struct SplitPointTests {
    /// Fragments that stress the patterns around line starts: white-space runs with and without
    /// line feeds, CR LF, `/` after a line feed (o200k's symbol tail), contractions, the letter
    /// prefix of words, case classes, marks, digits, Unicode white space, special-token text.
    static let fragments: [String] = [
        "\n", "\n", "\n", "\n\n", "\r\n", "\r", " \n", "\n ", "\n\t", "\n/", "/", "!\n", "?\n\n", "a", "Word",
        "word", "'s", "'LL", "'", " ", "  ", "   ", "\t", "中文", "こんにちは", "١٢٣", "123", "4", "😀", "\u{3000}",
        "\u{85}", "\u{2028}", "\u{A0}", "é", "x\u{301}", "\u{301}", "<|endoftext|>", "\"", "ß", "ǅ", "McDONALD", "ſ",
        ".", "...", "-", "#", "\u{E01}\u{E48}", "क्ष", "\n'", "\n's", "\n1", "\n\u{301}", "\n中", "\nA", "\n!",
    ]

    static func randomText(fragments count: Int, using generator: inout some RandomNumberGenerator) -> String {
        var text = ""
        for _ in 0..<count { text += fragments.randomElement(using: &generator)! }
        return text
    }

    /// The pieces of `text[start..<end]` as its own haystack, as byte ranges of `text`.
    static func pieces<P: PreTokenizer>(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int, _ preTokenizer: P) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var position = start
        while position < end {
            let next = preTokenizer.pieceEnd(base, from: position, to: end)
            pieces.append(position..<next)
            position = next
        }
        return pieces
    }

    /// Every split point the rule finds in `text` cuts it into two haystacks whose pieces are
    /// the whole's; returns how many split points were checked.
    static func checkEverySplitPoint<P: PreTokenizer>(_ text: String, _ preTokenizer: P) -> Int {
        var text = text
        return text.withUTF8 { buffer in
            let base = buffer.baseAddress!, n = buffer.count
            let whole = pieces(base, 0, n, preTokenizer)
            var checked = 0
            var from = 0
            while let p = preTokenizer.splitPoint(base, from: from, to: n) {
                #expect(p > from && p < n)
                let cut = pieces(base, 0, p, preTokenizer) + pieces(base, p, n, preTokenizer)
                #expect(cut == whole, "cut at \(p) of \(String(decoding: buffer, as: UTF8.self).debugDescription)")
                if cut != whole { return checked }
                checked += 1
                from = p
            }
            return checked
        }
    }

    @Test("Random texts: every split point keeps the pieces (o200k_base)")
    func o200kRandomTexts() {
        var generator = SystemRandomNumberGenerator()
        var checked = 0
        for _ in 0..<300 {
            checked += Self.checkEverySplitPoint(Self.randomText(fragments: 200, using: &generator), O200kPreTokenizer())
        }
        #expect(checked > 1000)
    }

    @Test("Random texts: every split point keeps the pieces (cl100k_base)")
    func cl100kRandomTexts() {
        var generator = SystemRandomNumberGenerator()
        var checked = 0
        for _ in 0..<300 {
            checked += Self.checkEverySplitPoint(Self.randomText(fragments: 200, using: &generator), Cl100kPreTokenizer())
        }
        #expect(checked > 1000)
    }

    /// The cuts the rule refuses would change the pieces: the check above can fail.
    @Test("Cuts the rule refuses change the pieces", arguments: [
        ("a b", 2), ("x  y", 3), ("x\n \ny", 2), ("!\n/x", 2), ("it's", 2), ("ab\n\ncd", 3),
    ])
    func refusedCutsMatter(_ example: (String, Int)) {
        var text = example.0
        let p = example.1
        text.withUTF8 { buffer in
            let base = buffer.baseAddress!, n = buffer.count
            let o200k = O200kPreTokenizer()
            let whole = Self.pieces(base, 0, n, o200k)
            #expect(Self.pieces(base, 0, p, o200k) + Self.pieces(base, p, n, o200k) != whole)
            #expect(o200k.splitPoint(base, from: p - 1, to: n) != p)
            #expect(Cl100kPreTokenizer().splitPoint(base, from: p - 1, to: n) != p)
        }
    }

    @Test func splitPointsAreLineStarts() {
        var text = "one\ntwo\n\nthree\n four\n/five\n中\n"
        text.withUTF8 { buffer in
            let base = buffer.baseAddress!
            var found: [Int] = []
            var from = 0
            while let p = O200kPreTokenizer().splitPoint(base, from: from, to: buffer.count) { found.append(p); from = p }
            // Before "two", "three", "中"; not before " four", "/five" or the second "\n", nor at the end.
            #expect(found == [4, 9, 27])
        }
    }

    @Test("Counting on several threads equals counting on one", arguments: TestEnvironment.encodings)
    func parallelCountEqualsSerial(_ name: TokenizerID) throws {
        let encoding = try TestEnvironment.encoding(name)
        var generator = SystemRandomNumberGenerator()
        var text = ""
        while text.utf8.count < BPEEncoding.parallelMinimumLength + 200_000 {
            text += Self.randomText(fragments: 1000, using: &generator)
        }
        let serial = encoding.tokenCount(of: text)
        for threads in [2, 3, 8] {
            #expect(encoding.tokenCount(of: text, threads: threads) == serial, "\(threads) threads")
        }
        for policy in [SpecialTokenPolicy.all, .only(["<|endoftext|>"])] {
            #expect(encoding.tokenCount(of: text, allowedSpecial: policy, threads: 2)
                == encoding.tokenCount(of: text, allowedSpecial: policy))
        }
        // The parallel path was taken: the text has split points.
        var copy = text
        let parallel = copy.withUTF8 { buffer in
            encoding.countInParallel(buffer.baseAddress!, buffer.count, specials: SpecialTokenMatcher([]),
                                     encoding.preTokenizer, threads: 2)
        }
        #expect(parallel != nil)
    }

    @Test("A text with no split point is counted whole", arguments: TestEnvironment.encodings)
    func unsplittableText(_ name: TokenizerID) throws {
        let encoding = try TestEnvironment.encoding(name)
        let text = String(repeating: "word ", count: 120_000)
        #expect(encoding.tokenCount(of: text, threads: 2) == encoding.tokenCount(of: text))
        var copy = text
        let parallel = copy.withUTF8 { buffer in
            encoding.countInParallel(buffer.baseAddress!, buffer.count, specials: SpecialTokenMatcher([]),
                                     encoding.preTokenizer, threads: 2)
        }
        #expect(parallel == nil)
    }
}
