/// A range in a text document, `start` inclusive and `end` exclusive, as LSP's `Range`.
public struct TextRange: Codable, Sendable, Hashable {
    /// Where the range starts.
    public var start: TextPosition
    /// Where it ends (exclusive); equal to `start` for an empty range (an insertion point).
    public var end: TextPosition

    /// A range.
    public init(start: TextPosition, end: TextPosition) {
        self.start = start
        self.end = end
    }

    /// The empty range at the very start of a document: where whole-document diagnostics and
    /// the code lens go.
    public static let documentStart = TextRange(start: TextPosition(line: 0, character: 0),
                                                end: TextPosition(line: 0, character: 0))
}
