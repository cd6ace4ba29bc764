/// Why a position or an edit does not fit the document as the server has it — which means the
/// client's copy and the server's differ, so the document is marked out of sync rather than
/// edited at a guessed place.
public enum DocumentEditError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The line is past the document's last line.
    case lineOutsideDocument(line: Int, lineCount: Int)
    /// The range ends before it starts.
    case invertedRange(TextRange)
    /// The offset falls inside one character (e.g. between the two UTF-16 units of an emoji).
    case splitsCharacter(TextPosition, PositionEncoding)

    /// A sentence for the log and the out-of-sync diagnostic.
    public var description: String {
        switch self {
        case .lineOutsideDocument(let line, let count):
            return "line \(line) is outside the document, which has \(count) line\(count == 1 ? "" : "s") (0…\(count - 1))"
        case .invertedRange(let range):
            return "the range ends (\(range.end.line):\(range.end.character)) before it starts (\(range.start.line):\(range.start.character))"
        case .splitsCharacter(let position, let encoding):
            return "position \(position.line):\(position.character) falls inside a character in \(encoding.rawValue)"
        }
    }
}
