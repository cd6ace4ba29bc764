import Foundation

/// The prices a model charges once a request's input passes a length threshold.
///
/// Providers such as Google, OpenAI and xAI charge more per token for long prompts; the higher
/// prices then apply to the whole request (all input and all output), not just the tokens above
/// the threshold.
public struct LongContextPricing: Sendable, Equatable {
    /// The threshold: the prices apply when the input has strictly more tokens than this.
    public let above: Int
    /// Input price per million tokens above the threshold.
    public let inputPerMillion: Decimal
    /// Output price per million tokens above the threshold.
    public let outputPerMillion: Decimal
    /// Cache-read price above the threshold; `nil` falls back to `inputPerMillion`.
    public let cachedInputPerMillion: Decimal?
    /// Cache-write price above the threshold; `nil` falls back to `inputPerMillion`.
    public let cacheWritePerMillion: Decimal?

    /// Creates long-context prices; the catalog decoder validates that they are non-negative.
    public init(above: Int, inputPerMillion: Decimal, outputPerMillion: Decimal,
                cachedInputPerMillion: Decimal? = nil, cacheWritePerMillion: Decimal? = nil) {
        self.above = above
        self.inputPerMillion = inputPerMillion
        self.outputPerMillion = outputPerMillion
        self.cachedInputPerMillion = cachedInputPerMillion
        self.cacheWritePerMillion = cacheWritePerMillion
    }
}
