import Foundation

/// A tier as the catalog declares it: its name and, for the price-band fallback, the highest
/// blended price per 1K tokens it admits.
public struct TierDefinition: Sendable, Equatable {
    /// The tier.
    public let tier: Tier
    /// Inclusive upper bound of the blended price per 1K tokens; `nil` for the open top band.
    public let maxPer1K: Decimal?

    /// Creates a tier definition.
    public init(tier: Tier, maxPer1K: Decimal?) {
        self.tier = tier
        self.maxPer1K = maxPer1K
    }
}
