/// One open document's text as the server keeps it: UTF-8 bytes and where each line starts.
///
/// Edits arrive as LSP ranges in the negotiated `PositionEncoding`; they are mapped to byte
/// offsets by walking only the lines they touch, so an edit costs the length of its lines, a
/// copy of the text and a rescan of the edited span (microseconds for the 20 KB prompts the
/// server is tuned for). Lines end at `\n`, `\r\n` or `\r`, as LSP defines them; a `character`
/// past the end of its line means the end of the line (LSP's rule), and the start of the line
/// after the last means the end of the document; a line further on, an inverted range, or an
/// offset inside a character is refused (`DocumentEditError`).
public struct TextDocument: Sendable {
    /// The document's URI as the client sent it.
    public let uri: String
    /// The client's language id (the server treats every language as a prompt).
    public let languageId: String
    /// The version of the latest change applied (or of `didOpen`).
    public internal(set) var version: Int
    /// The text, UTF-8.
    public private(set) var utf8: [UInt8]
    /// Byte offset where each line starts; the first is 0, and a text ending with a line break
    /// has a last, empty line.
    public private(set) var lineStarts: [Int]

    /// A document with `text` at `version`.
    public init(uri: String, languageId: String, version: Int, text: String) {
        self.uri = uri
        self.languageId = languageId
        self.version = version
        self.utf8 = Array(text.utf8)
        self.lineStarts = TextDocument.lineStarts(of: utf8)
    }

    /// The text as a string.
    public var text: String { String(decoding: utf8, as: UTF8.self) }

    /// Number of lines (at least 1).
    public var lineCount: Int { lineStarts.count }

    /// Replaces the whole text (a full-sync change).
    public mutating func replaceAll(with text: String) {
        utf8 = Array(text.utf8)
        lineStarts = TextDocument.lineStarts(of: utf8)
    }

    /// Replaces `range` (in `encoding`) with `text`; throws, changing nothing, when the range
    /// does not fit the document.
    ///
    /// Line starts are recomputed only around the edit: from the start of the line before it
    /// (a `\r` there may now pair with an inserted `\n`) to one byte past the inserted text;
    /// the starts after that are the old ones shifted by the change in length, since the bytes
    /// that produce them did not change. So a change costs a copy of the text plus the edited
    /// span, not a rescan of the rest of the document.
    public mutating func replace(_ range: TextRange, with text: String, encoding: PositionEncoding) throws(DocumentEditError) {
        let start = try byteOffset(of: range.start, encoding: encoding)
        let end = try byteOffset(of: range.end, encoding: encoding)
        guard start <= end else { throw .invertedRange(range) }
        let inserted = Array(text.utf8)
        let delta = inserted.count - (end - start)
        let firstLine = max(0, line(containingByte: start) - 1)
        // Old starts produced by terminators at or after old byte `end + 1` are unchanged.
        let keptFrom = firstIndex(ofStartAtLeast: end + 2)
        let kept = lineStarts[keptFrom...]
        utf8.replaceSubrange(start..<end, with: inserted)
        var starts = Array(lineStarts[0...firstLine])
        let scanEnd = min(utf8.count, start + inserted.count + 1)
        var index = starts[firstLine]
        while index < scanEnd {
            let byte = utf8[index]
            if byte == 0x0A {
                starts.append(index + 1)
            } else if byte == 0x0D {
                if index + 1 < utf8.count && utf8[index + 1] == 0x0A { index += 1 }
                starts.append(index + 1)
            }
            index += 1
        }
        let last = starts[starts.count - 1]
        for old in kept where old + delta > last { starts.append(old + delta) }
        lineStarts = starts
    }

    /// The index of the first line start at or after byte `offset` (binary search).
    private func firstIndex(ofStartAtLeast offset: Int) -> Int {
        var low = 0, high = lineStarts.count
        while low < high {
            let middle = (low + high) / 2
            if lineStarts[middle] < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The byte offset of `position`; a `character` past the end of the line is the end of the
    /// line (LSP 3.17), a line past the last one is an error.
    public func byteOffset(of position: TextPosition, encoding: PositionEncoding) throws(DocumentEditError) -> Int {
        // The start of the line after the last is the end of the document: how LSP says "up to
        // and including the last line's end" (a client deleting the last line sends it).
        if position.line == lineStarts.count && position.character == 0 { return utf8.count }
        guard position.line < lineStarts.count else {
            throw .lineOutsideDocument(line: position.line, lineCount: lineStarts.count)
        }
        let start = lineStarts[position.line]
        let end = contentEnd(ofLine: position.line)
        if encoding == .utf8 {
            // Compared before adding, so a huge `character` cannot overflow.
            let offset = position.character >= end - start ? end : start + position.character
            // A UTF-8 offset must not fall on a continuation byte.
            if offset < end && utf8[offset] & 0xC0 == 0x80 { throw .splitsCharacter(position, encoding) }
            return offset
        }
        var offset = start
        var units = 0
        while offset < end && units < position.character {
            let (scalar, length) = TextDocument.decodeScalar(utf8, at: offset)
            units += encoding.width(of: scalar)
            offset += length
        }
        if units > position.character { throw .splitsCharacter(position, encoding) }
        return offset
    }

    /// The position of byte `offset` (clamped to the text) in `encoding`.
    public func position(ofByte offset: Int, encoding: PositionEncoding) -> TextPosition {
        let clamped = max(0, min(offset, utf8.count))
        let line = line(containingByte: clamped)
        let start = lineStarts[line]
        let target = min(clamped, contentEnd(ofLine: line))
        if encoding == .utf8 { return TextPosition(line: line, character: target - start) }
        var units = 0
        var cursor = start
        while cursor < target {
            let (scalar, length) = TextDocument.decodeScalar(utf8, at: cursor)
            units += encoding.width(of: scalar)
            cursor += length
        }
        return TextPosition(line: line, character: units)
    }

    /// The range of the whole text in `encoding`.
    public func fullRange(encoding: PositionEncoding) -> TextRange {
        TextRange(start: TextPosition(line: 0, character: 0), end: position(ofByte: utf8.count, encoding: encoding))
    }

    /// The range of bytes `bytes` in `encoding`.
    public func range(ofBytes bytes: Range<Int>, encoding: PositionEncoding) -> TextRange {
        TextRange(start: position(ofByte: bytes.lowerBound, encoding: encoding),
                  end: position(ofByte: bytes.upperBound, encoding: encoding))
    }

    /// The text of `bytes`.
    public func text(ofBytes bytes: Range<Int>) -> String {
        String(decoding: utf8[bytes], as: UTF8.self)
    }

    /// The bytes of the paragraph around `line`: the lines between the nearest blank lines (a
    /// blank line is empty or whitespace only). On a blank line, the empty range there.
    public func paragraph(aroundLine line: Int) -> Range<Int> {
        let line = max(0, min(line, lineStarts.count - 1))
        if isBlank(line: line) { return lineStarts[line]..<lineStarts[line] }
        var first = line
        while first > 0 && !isBlank(line: first - 1) { first -= 1 }
        var last = line
        while last + 1 < lineStarts.count && !isBlank(line: last + 1) { last += 1 }
        return lineStarts[first]..<contentEnd(ofLine: last)
    }

    /// Where line `line`'s content ends (before its line break).
    public func contentEnd(ofLine line: Int) -> Int {
        guard line + 1 < lineStarts.count else { return utf8.count }
        let next = lineStarts[line + 1]
        if next >= 2 && utf8[next - 2] == 0x0D && utf8[next - 1] == 0x0A { return next - 2 }
        return next - 1
    }

    private func isBlank(line: Int) -> Bool {
        var offset = lineStarts[line]
        let end = contentEnd(ofLine: line)
        while offset < end {
            let byte = utf8[offset]
            if byte != 0x20 && byte != 0x09 { return false }
            offset += 1
        }
        return true
    }

    /// The line whose span holds byte `offset` (binary search over `lineStarts`).
    public func line(containingByte offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    static func lineStarts(of bytes: [UInt8]) -> [Int] {
        var starts = [0]
        appendLineStarts(of: bytes, from: 0, to: &starts)
        return starts
    }

    /// Appends the starts of the lines after the one starting at `from`.
    static func appendLineStarts(of bytes: [UInt8], from: Int, to starts: inout [Int]) {
        var index = from
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == 0x0A {
                starts.append(index + 1)
            } else if byte == 0x0D {
                if index + 1 < count && bytes[index + 1] == 0x0A { index += 1 }
                starts.append(index + 1)
            }
            index += 1
        }
    }

    /// Decodes the scalar at `offset` of valid UTF-8 (the bytes came from a Swift `String`).
    @inline(__always)
    static func decodeScalar(_ bytes: [UInt8], at offset: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[offset]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for index in 1..<length { value = value << 6 | UInt32(bytes[offset + index] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}
