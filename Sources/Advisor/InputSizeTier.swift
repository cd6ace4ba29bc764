import Foundation

/// One row of a model's tiered pricing: the prices of a request whose input size falls in
/// `(above, upTo]` tokens.
///
/// Providers such as Alibaba (Dashscope, Qwen Cloud) and Volcengine price a whole request by
/// the band its input size falls in — all-or-nothing, not sliced like income tax — so every
/// token of the request, input and output, is billed at the one tier's prices. LiteLLM writes
/// this as `tiered_pricing`; Preflight's catalog as `tieredPricing` (docs/COSTS.md).
public struct InputSizeTier: Sendable, Equatable {
    /// The tier applies when the input has strictly more tokens than this.
    public let above: Int
    /// … and at most this many.
    public let upTo: Int
    /// Input price per million tokens in this tier.
    public let inputPerMillion: Decimal
    /// Output price per million tokens in this tier; `nil` keeps the model's own output price
    /// (a table that lists only input prices must not serve output for free).
    public let outputPerMillion: Decimal?
    /// Cache-read price per million in this tier; `nil` falls back to this tier's input price.
    public let cachedInputPerMillion: Decimal?
    /// Cache-write price per million in this tier; `nil` falls back to this tier's input price.
    public let cacheWritePerMillion: Decimal?
    /// Reasoning price per million in this tier; `nil` bills reasoning as this tier's output.
    public let reasoningPerMillion: Decimal?

    /// Creates a tier; the catalog decoder validates the range and that prices are non-negative.
    public init(above: Int, upTo: Int, inputPerMillion: Decimal, outputPerMillion: Decimal?,
                cachedInputPerMillion: Decimal? = nil, cacheWritePerMillion: Decimal? = nil,
                reasoningPerMillion: Decimal? = nil) {
        self.above = above
        self.upTo = upTo
        self.inputPerMillion = inputPerMillion
        self.outputPerMillion = outputPerMillion
        self.cachedInputPerMillion = cachedInputPerMillion
        self.cacheWritePerMillion = cacheWritePerMillion
        self.reasoningPerMillion = reasoningPerMillion
    }

    /// Whether a request of `inputTokens` falls in this tier's range.
    public func contains(_ inputTokens: Int) -> Bool {
        above < inputTokens && inputTokens <= upTo
    }
}
