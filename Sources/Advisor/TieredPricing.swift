import Foundation

/// A model's prices by input size: the tier is chosen by the request's input token count, and
/// that tier's prices apply to every token of the request.
///
/// The selection is LiteLLM's (1.109.1, `select_tier_for_input`), so a LiteLLM file prices the
/// same here as in LiteLLM: tiers ordered by their lower bound; the first whose range
/// `(above, upTo]` holds the input wins (a request of exactly `upTo` tokens stays in the lower
/// tier, as providers' "0 < tokens ≤ 32K" reads); an input above every range — or in a gap
/// between ranges — is priced by the last, most expensive tier. An input of 0 tokens (which
/// LiteLLM leaves to the flat prices) takes the first tier: it is the smallest request there is.
public struct TieredPricing: Sendable, Equatable {
    /// The tiers, ordered by `above` (stable for equal bounds, so file order breaks ties).
    public let tiers: [InputSizeTier]

    /// Orders `tiers` by their lower bound; `nil` for an empty table (no tier to price with).
    public init?(_ tiers: [InputSizeTier]) {
        guard !tiers.isEmpty else { return nil }
        self.tiers = tiers.enumerated()
            .sorted { ($0.element.above, $0.offset) < ($1.element.above, $1.offset) }
            .map(\.element)
    }

    /// The tier that prices a request of `inputTokens` input tokens.
    public func tier(forInput inputTokens: Int) -> InputSizeTier {
        if inputTokens <= 0 { return tiers[0] }
        return tiers.first { $0.contains(inputTokens) } ?? tiers[tiers.count - 1]
    }

    /// The first (smallest-input) tier: the model's headline prices in listings and price bands.
    public var first: InputSizeTier { tiers[0] }
}
