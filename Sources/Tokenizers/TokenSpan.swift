/// One token of an encoded text: its id and where its bytes lie in the text.
///
/// Offsets are UTF-8 byte offsets (end exclusive) rather than character indices because
/// tokens may split a character; an editor converts them to its own position encoding.
/// Encodings that normalise the text first (Qwen's NFC) report offsets into the caller's text;
/// a token whose edge falls inside a stretch the normalisation rewrote (a letter composed with
/// its accent, say) cannot be placed exactly, so its span covers that whole stretch and is
/// marked `approximate`.
public struct TokenSpan: Sendable, Equatable, Codable {
    /// The token id (the model's id: tiktoken's rank, plus the offset of encodings whose
    /// special tokens come first, such as Tekken).
    public let id: Int
    /// UTF-8 byte offset of the token's first byte.
    public let start: Int
    /// UTF-8 byte offset just past the token's last byte.
    public let end: Int
    /// `true` when the token's bytes come from a normalised stretch of the text that it shares
    /// with a neighbouring token, so `start..<end` is the whole stretch rather than the token's
    /// exact part (absent otherwise: on the wire the member is left out).
    public let approximate: Bool?

    /// Creates a span; used by the encoder and by tests that state expected tokens.
    public init(id: Int, start: Int, end: Int, approximate: Bool? = nil) {
        self.id = id
        self.start = start
        self.end = end
        self.approximate = approximate
    }
}
