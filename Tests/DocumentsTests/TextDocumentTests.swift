import Documents
import Testing

/// Edits in each position encoding land on the same characters: non-BMP scalars (an emoji, a
/// CJK Extension B ideograph) count 4 bytes, 2 UTF-16 units or 1 scalar, and lines end at
/// `\n`, `\r\n` or `\r`.
@Suite struct TextDocumentTests {
    /// "a😀b𠀀c" on line 1 of a CRLF text: the position just after 𠀀 in each encoding.
    static let text = "first line\r\na😀b𠀀c\r\nlast\n"

    static func position(ofCharacterAfter prefix: String, line: Int, encoding: PositionEncoding) -> TextPosition {
        let character: Int
        switch encoding {
        case .utf8: character = prefix.utf8.count
        case .utf16: character = prefix.utf16.count
        case .utf32: character = prefix.unicodeScalars.count
        }
        return TextPosition(line: line, character: character)
    }

    @Test(arguments: PositionEncoding.allCases)
    func replacesAfterNonBMPCharactersInEveryEncoding(encoding: PositionEncoding) throws {
        var document = TextDocument(uri: "file:///p.prompt", languageId: "prompt", version: 1, text: Self.text)
        #expect(document.lineCount == 4)
        let start = Self.position(ofCharacterAfter: "a😀b𠀀", line: 1, encoding: encoding)
        let end = Self.position(ofCharacterAfter: "a😀b𠀀c", line: 1, encoding: encoding)
        try document.replace(TextRange(start: start, end: end), with: "Ç🎉", encoding: encoding)
        #expect(document.text == "first line\r\na😀b𠀀Ç🎉\r\nlast\n")
        // Replace the emoji itself (one character, whatever the encoding counts it as).
        let emojiStart = Self.position(ofCharacterAfter: "a", line: 1, encoding: encoding)
        let emojiEnd = Self.position(ofCharacterAfter: "a😀", line: 1, encoding: encoding)
        try document.replace(TextRange(start: emojiStart, end: emojiEnd), with: "", encoding: encoding)
        #expect(document.text == "first line\r\nab𠀀Ç🎉\r\nlast\n")
        #expect(document.position(ofByte: Array("first line\r\nab𠀀".utf8).count, encoding: encoding)
                == Self.position(ofCharacterAfter: "ab𠀀", line: 1, encoding: encoding))
    }

    @Test func crlfAndLoneCRAreOneLineBreakEach() throws {
        var document = TextDocument(uri: "u", languageId: "p", version: 1, text: "one\r\ntwo\rthree\nfour")
        #expect(document.lineCount == 4)
        #expect(document.lineStarts == [0, 5, 9, 15])
        // A character past the end of line 0 is the end of that line (before its \r\n).
        try document.replace(TextRange(start: TextPosition(line: 0, character: 99), end: TextPosition(line: 1, character: 0)),
                             with: " ", encoding: .utf16)
        #expect(document.text == "one two\rthree\nfour")
        #expect(document.lineCount == 3)
        // Inserting \n after a lone \r makes one CRLF line break, not two.
        try document.replace(TextRange(start: TextPosition(line: 1, character: 0), end: TextPosition(line: 1, character: 0)),
                             with: "\n", encoding: .utf8)
        #expect(document.text == "one two\r\nthree\nfour")
        #expect(document.lineStarts == [0, 9, 15])
    }

    @Test func insertingAndDeletingLinesKeepsLineStarts() throws {
        var document = TextDocument(uri: "u", languageId: "p", version: 1, text: "a\nb\nc")
        try document.replace(TextRange(start: TextPosition(line: 1, character: 1), end: TextPosition(line: 1, character: 1)),
                             with: "\nx\ny", encoding: .utf16)
        #expect(document.text == "a\nb\nx\ny\nc")
        #expect(document.lineStarts == [0, 2, 4, 6, 8])
        try document.replace(TextRange(start: TextPosition(line: 0, character: 1), end: TextPosition(line: 4, character: 0)),
                             with: "", encoding: .utf16)
        #expect(document.text == "ac")
        #expect(document.lineStarts == [0])
    }

    @Test func refusesEditsThatDoNotFit() {
        var document = TextDocument(uri: "u", languageId: "p", version: 1, text: "a😀\nb")
        let past = TextRange(start: TextPosition(line: 3, character: 0), end: TextPosition(line: 3, character: 0))
        #expect(throws: DocumentEditError.lineOutsideDocument(line: 3, lineCount: 2)) {
            try document.replace(past, with: "x", encoding: .utf16)
        }
        let inside = TextRange(start: TextPosition(line: 0, character: 2), end: TextPosition(line: 0, character: 2))
        #expect(throws: DocumentEditError.splitsCharacter(TextPosition(line: 0, character: 2), .utf16)) {
            try document.replace(inside, with: "x", encoding: .utf16)
        }
        #expect(throws: DocumentEditError.splitsCharacter(TextPosition(line: 0, character: 2), .utf8)) {
            try document.replace(inside, with: "x", encoding: .utf8)
        }
        let inverted = TextRange(start: TextPosition(line: 1, character: 0), end: TextPosition(line: 0, character: 0))
        #expect(throws: DocumentEditError.invertedRange(inverted)) {
            try document.replace(inverted, with: "x", encoding: .utf32)
        }
        #expect(document.text == "a😀\nb")
    }

    /// A hostile `character` (Int.max) is the end of the line in every encoding, not an overflow.
    @Test(arguments: PositionEncoding.allCases)
    func hugeCharacterIsTheEndOfTheLine(encoding: PositionEncoding) throws {
        let document = TextDocument(uri: "u", languageId: "p", version: 1, text: "ab😀\ncd")
        let offset = try document.byteOffset(of: TextPosition(line: 0, character: Int.max), encoding: encoding)
        #expect(offset == 6)
        let last = try document.byteOffset(of: TextPosition(line: 1, character: Int.max), encoding: encoding)
        #expect(last == 9)
    }

    /// Deleting the last line with its ending: the range ends at the start of the line after the
    /// last, as LSP's Position documentation describes (and vscode-languageserver clamps).
    @Test func rangeEndingAfterTheLastLineIsTheEndOfTheDocument() throws {
        var document = TextDocument(uri: "u", languageId: "p", version: 1, text: "a\nb")
        try document.replace(TextRange(start: TextPosition(line: 0, character: 1), end: TextPosition(line: 2, character: 0)),
                             with: "", encoding: .utf16)
        #expect(document.text == "a")
        #expect(throws: DocumentEditError.lineOutsideDocument(line: 1, lineCount: 1)) {
            try document.replace(TextRange(start: TextPosition(line: 1, character: 1), end: TextPosition(line: 1, character: 1)),
                                 with: "x", encoding: .utf16)
        }
    }

    /// Line starts after an edit equal those of the same text indexed from scratch, over many
    /// random edits with every kind of line break (the re-indexing shifts the untouched tail).
    @Test func lineStartsMatchAFreshIndexAfterRandomEdits() throws {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "bc", "\n", "\r", "\r\n", "😀", "é", " ", "\n\n", "\r\r\n"]
        for seed in 0..<300 {
            var text = (0..<(seed % 17)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            var document = TextDocument(uri: "u", languageId: "p", version: 1, text: text)
            for _ in 0..<8 {
                let bytes = Array(text.utf8)
                // Pick byte offsets on character boundaries and turn them into positions.
                let boundaries = [0] + text.indices.dropFirst().map { text.utf8.distance(from: text.utf8.startIndex, to: $0) } + [bytes.count]
                var a = boundaries.randomElement(using: &generator)!, b = boundaries.randomElement(using: &generator)!
                if a > b { swap(&a, &b) }
                // Keep \r\n pairs whole: a position between them is not addressable in LSP.
                if a > 0 && a < bytes.count && bytes[a - 1] == 0x0D && bytes[a] == 0x0A { a -= 1 }
                if b > 0 && b < bytes.count && bytes[b - 1] == 0x0D && bytes[b] == 0x0A { b += 1 }
                let insert = (0..<Int.random(in: 0...3, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
                let range = document.range(ofBytes: a..<b, encoding: .utf16)
                try document.replace(range, with: insert, encoding: .utf16)
                text = String(decoding: bytes[0..<a] + Array(insert.utf8) + bytes[b...], as: UTF8.self)
                #expect(document.text == text)
                let fresh = TextDocument(uri: "u", languageId: "p", version: 1, text: text)
                #expect(document.lineStarts == fresh.lineStarts, "after replacing \(a)..<\(b) with \(insert.debugDescription) in \(text.debugDescription)")
            }
        }
    }

    @Test func paragraphIsTheBlockBetweenBlankLines() {
        let document = TextDocument(uri: "u", languageId: "p", version: 1, text: "intro\n\nfirst\nsecond\n  \nlast")
        #expect(document.text(ofBytes: document.paragraph(aroundLine: 3)) == "first\nsecond")
        #expect(document.text(ofBytes: document.paragraph(aroundLine: 0)) == "intro")
        #expect(document.paragraph(aroundLine: 1).isEmpty)
        #expect(document.text(ofBytes: document.paragraph(aroundLine: 5)) == "last")
    }
}

@Suite struct DocumentStoreTests {
    @Test func outOfSyncUntilAFullChange() {
        let store = DocumentStore()
        store.open(uri: "u", languageId: "p", version: 1, text: "hello")
        let bad = TextChange(range: TextRange(start: TextPosition(line: 5, character: 0), end: TextPosition(line: 5, character: 0)), text: "x")
        let outcome = store.change(uri: "u", version: 2, changes: [bad], encoding: .utf16)
        guard case .wentOutOfSync = outcome else {
            Issue.record("expected out of sync, got \(outcome)")
            return
        }
        // Later incremental edits are not applied on top of a text known to be wrong.
        let good = TextChange(range: TextRange(start: TextPosition(line: 0, character: 0), end: TextPosition(line: 0, character: 0)), text: "x")
        #expect(store.change(uri: "u", version: 3, changes: [good], encoding: .utf16) == .stillOutOfSync)
        #expect(store["u"]?.document.text == "hello")
        #expect(store["u"]?.document.version == 3)
        #expect(store.change(uri: "u", version: 4, changes: [TextChange(range: nil, text: "fresh")], encoding: .utf16) == .applied)
        #expect(store["u"]?.state == .inSync)
        #expect(store["u"]?.document.text == "fresh")
        #expect(store.change(uri: "nope", version: 1, changes: [good], encoding: .utf16) == .notOpen)
    }
}
