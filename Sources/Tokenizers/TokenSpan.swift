/// One token of an encoded text: its id and where its bytes lie in the text.
///
/// Offsets are UTF-8 byte offsets (end exclusive) rather than character indices because
/// tokens may split a character; an editor converts them to its own position encoding.
public struct TokenSpan: Sendable, Equatable, Codable {
    /// The token id (tiktoken's rank).
    public let id: Int
    /// UTF-8 byte offset of the token's first byte.
    public let start: Int
    /// UTF-8 byte offset just past the token's last byte.
    public let end: Int

    /// Creates a span; used by the encoder and by tests that state expected tokens.
    public init(id: Int, start: Int, end: Int) {
        self.id = id
        self.start = start
        self.end = end
    }
}
