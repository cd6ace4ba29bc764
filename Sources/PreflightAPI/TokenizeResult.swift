import Tokenizers

/// `preflight/tokenize`'s result: `{tokenizer, tokens: [{id, start, end}], warnings}` with UTF-8
/// byte offsets into the text, so an editor can show where each token falls.
public struct TokenizeResult: Codable, Sendable, Equatable, WarningCarrying {
    /// The tokenizer used.
    public let tokenizer: String
    /// The tokens in order, each `{id, start, end}` (the encoder's own spans).
    public let tokens: [TokenSpan]
    /// Parameters the server ignored.
    public var warnings: [ResultWarning]

    /// Creates a result.
    public init(tokenizer: String, tokens: [TokenSpan], warnings: [ResultWarning] = []) {
        self.tokenizer = tokenizer
        self.tokens = tokens
        self.warnings = warnings
    }
}
