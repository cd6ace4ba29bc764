/// A token count as a tokenizer reports it: exact, or an estimate with its interval.
///
/// Named `CountedTokens` (not `TokenCount`) so it cannot clash with the tokenizer layer's own
/// types in modules that import both.
public struct CountedTokens: Sendable, Equatable {
    /// The count (the point estimate when not exact).
    public let tokens: Int
    /// Whether the model's real tokenizer produced it.
    public let exact: Bool
    /// What counted: the encoding (`o200k_base`) or the family (`claude`).
    public let tokenizer: String
    /// Low end of the interval when not exact.
    public let low: Int?
    /// High end of the interval when not exact.
    public let high: Int?

    /// Creates a count.
    public init(tokens: Int, exact: Bool, tokenizer: String, low: Int? = nil, high: Int? = nil) {
        self.tokens = tokens
        self.exact = exact
        self.tokenizer = tokenizer
        self.low = low
        self.high = high
    }
}

/// Something that counts tokens of a text under a named tokenizer.
///
/// The advisor prices with each model's own tokenizer but owns none: the server implements this
/// with the exact encodings and the calibrated estimators, and tests inject simple counters.
/// Implementations must be deterministic and should count `text` as ordinary text (special
/// tokens are not recognised).
public protocol TokenCounting: Sendable {
    /// Counts `text` under `tokenizer` (an encoding name or a family name; an unknown name should
    /// fall back to an estimator and say so in `CountedTokens.tokenizer`).
    func count(_ text: String, tokenizer: String) -> CountedTokens
}
