import JSON

/// `preflight/tokenize`'s params: `{text, tokenizer?, allowedSpecial?}`.
public struct TokenizeParams: Decodable, Sendable, Equatable {
    /// The text to split into tokens.
    public var text: String
    /// The tokenizer's name (default `o200k_base`); exact encodings only.
    public var tokenizer: String?
    /// Special tokens to count as such.
    public var allowedSpecial: SpecialTokenParams?
}
