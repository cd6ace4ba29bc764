/// `preflight/tokenize`'s result: `{tokenizer, tokens: [{id, start, end}]}` with UTF-8 byte
/// offsets into the text, so an editor can show where each token falls.
public struct TokenizeResult: Codable, Sendable, Equatable {
    /// One token: its id and its byte range.
    public struct Token: Codable, Sendable, Equatable {
        /// The token id.
        public let id: Int
        /// First byte.
        public let start: Int
        /// One past the last byte.
        public let end: Int

        /// Creates a token.
        public init(id: Int, start: Int, end: Int) {
            self.id = id
            self.start = start
            self.end = end
        }
    }

    /// The tokenizer used.
    public let tokenizer: String
    /// The tokens in order.
    public let tokens: [Token]

    /// Creates a result.
    public init(tokenizer: String, tokens: [Token]) {
        self.tokenizer = tokenizer
        self.tokens = tokens
    }
}
