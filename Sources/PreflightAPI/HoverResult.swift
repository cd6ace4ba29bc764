import Documents

/// `textDocument/hover`'s result: Markdown (or plain text, for a client that asks for it) and
/// the range it is about.
public struct HoverResult: Codable, Sendable, Equatable {
    /// LSP's `MarkupContent`.
    public struct Content: Codable, Sendable, Equatable {
        /// `markdown` or `plaintext`.
        public let kind: String
        /// The text.
        public let value: String

        /// Content of `kind`.
        public init(kind: String, value: String) {
            self.kind = kind
            self.value = value
        }
    }

    /// What to show.
    public let contents: Content
    /// The range hovered (the paragraph under the cursor).
    public let range: TextRange?

    /// A hover.
    public init(contents: Content, range: TextRange?) {
        self.contents = contents
        self.range = range
    }
}
