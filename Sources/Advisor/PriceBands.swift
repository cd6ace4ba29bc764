import Foundation

/// The credits guide's price bands, used only to place models that carry no explicit tier
/// (for instance every model of a LiteLLM file loaded as-is).
///
/// A model falls in the first band, cheapest first, whose inclusive upper bound is at least its
/// blended price (3 input : 1 output) per 1K tokens; comparisons are exact `Decimal` ones, so a
/// price of exactly $0.001 per 1K is economy and $0.0010000001 is standard.
public struct PriceBands: Sendable, Equatable {
    /// Bands in capability order; the last normally has no upper bound.
    public let bands: [TierDefinition]

    /// The guide's bands: economy ≤ $0.001, standard ≤ $0.01, premium ≤ $0.15 per 1K, frontier above.
    public static let creditsGuide = PriceBands(bands: [
        TierDefinition(tier: .economy, maxPer1K: Decimal(string: "0.001", locale: nil)!),
        TierDefinition(tier: .standard, maxPer1K: Decimal(string: "0.01", locale: nil)!),
        TierDefinition(tier: .premium, maxPer1K: Decimal(string: "0.15", locale: nil)!),
        TierDefinition(tier: .frontier, maxPer1K: nil),
    ])

    /// Creates bands from tier definitions, sorted into capability order.
    public init(bands: [TierDefinition]) {
        self.bands = bands.sorted { $0.tier < $1.tier }
    }

    /// The tier whose band holds `blendedPer1K`; above every bound, the most capable tier.
    public func tier(forBlendedPer1K blendedPer1K: Decimal) -> Tier {
        for band in bands {
            guard let bound = band.maxPer1K else { return band.tier }
            if blendedPer1K <= bound { return band.tier }
        }
        return bands.last?.tier ?? .frontier
    }

    /// The tier for `model`'s blended price.
    ///
    /// Compares `3·input + output ≤ bound × 4,000` (both sides per million), which is the
    /// blended-per-1K comparison multiplied out: exact all the same, and without the two
    /// `Decimal` divisions that dominated loading a LiteLLM file of thousands of models.
    public func tier(for model: CatalogModel) -> Tier {
        let weighted = model.inputPerMillion * 3 + model.outputPerMillion
        for band in bands {
            guard let bound = band.maxPer1K else { return band.tier }
            if weighted <= bound * 4000 { return band.tier }
        }
        return bands.last?.tier ?? .frontier
    }
}
