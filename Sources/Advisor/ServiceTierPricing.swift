import Foundation

/// A model's prices under a non-standard service tier (`batch`, `flex`, `priority`).
///
/// Reasoning tokens are billed at `reasoningPerMillion` when given, else at this tier's output
/// price: providers discount (or surcharge) all output alike, so the standard reasoning price
/// would misprice a batch request.
public struct ServiceTierPricing: Sendable, Equatable {
    /// Input price per million tokens in this tier.
    public let inputPerMillion: Decimal
    /// Output price per million tokens in this tier.
    public let outputPerMillion: Decimal
    /// Cache-read price in this tier; `nil` falls back to this tier's input price.
    public let cachedInputPerMillion: Decimal?
    /// Cache-write price in this tier; `nil` falls back to this tier's input price.
    public let cacheWritePerMillion: Decimal?
    /// Reasoning-token price in this tier; `nil` falls back to this tier's output price.
    public let reasoningPerMillion: Decimal?
    /// Long-context prices in this tier, where the provider publishes them.
    public let longContext: LongContextPricing?

    /// Creates a tier's prices.
    public init(inputPerMillion: Decimal, outputPerMillion: Decimal,
                cachedInputPerMillion: Decimal? = nil, cacheWritePerMillion: Decimal? = nil,
                reasoningPerMillion: Decimal? = nil, longContext: LongContextPricing? = nil) {
        self.inputPerMillion = inputPerMillion
        self.outputPerMillion = outputPerMillion
        self.cachedInputPerMillion = cachedInputPerMillion
        self.cacheWritePerMillion = cacheWritePerMillion
        self.reasoningPerMillion = reasoningPerMillion
        self.longContext = longContext
    }
}
