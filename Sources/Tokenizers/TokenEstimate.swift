/// A token count that is not exact: the point estimate and the interval it is expected to lie in.
///
/// Returned by estimators for tokenizers without a public vocabulary, and by the exact encodings'
/// fallback when their vocabulary file is missing, so callers always get a number and an honest
/// error bar instead of a failure.
public struct TokenEstimate: Sendable, Equatable {
    /// The point estimate.
    public let tokens: Int
    /// The low end of the expected interval (inclusive).
    public let low: Int
    /// The high end of the expected interval (inclusive).
    public let high: Int

    /// Creates an estimate; `low <= tokens <= high` is the caller's promise.
    public init(tokens: Int, low: Int, high: Int) {
        self.tokens = tokens
        self.low = low
        self.high = high
    }
}
