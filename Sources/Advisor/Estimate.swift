import Foundation
import Tokenizers

/// The input side of an estimate, as `tokens` reports it.
public struct InputTokens: Sendable, Equatable {
    /// Input tokens, chat overhead included.
    public let input: Int
    /// What counted them (the model's encoding, or its family's estimator).
    public let tokenizer: TokenizerID
    /// Whether the model's own tokenizer counted them exactly.
    public let exact: Bool
    /// `input` split over scripts (sums to `input`).
    public let byScript: [UnicodeScript: Int]
    /// The interval when not exact (equal to `input` at both ends when exact).
    public let low: Int, high: Int
    /// Chat framing tokens included in `input` (0 for a plain prompt).
    public let messageOverhead: Int
    /// Content parts that were not counted (`messages[1].content[0] (image_url)`).
    public let uncountedParts: [String]
    /// What an estimated count was made from (exact encoding and factor); `nil` when exact.
    public let basis: EstimateBasis?

    /// Creates the input report.
    public init(input: Int, tokenizer: TokenizerID, exact: Bool, byScript: [UnicodeScript: Int], low: Int,
                high: Int, messageOverhead: Int, uncountedParts: [String], basis: EstimateBasis? = nil) {
        self.basis = exact ? nil : basis
        self.input = input
        self.tokenizer = tokenizer
        self.exact = exact
        self.byScript = byScript
        self.low = low
        self.high = high
        self.messageOverhead = messageOverhead
        self.uncountedParts = uncountedParts
    }
}

/// The model the advisor recommends (or the one requested), as `recommendation`.
public struct Recommendation: Sendable, Equatable, Codable {
    /// The model's tier.
    public let tier: Tier
    /// The model's catalog id.
    public let model: String
    /// How sure the advisor is that this tier is adequate, 0…1.
    public let confidence: Double
    /// Why this model, in a sentence.
    public let reason: String

    /// Creates a recommendation.
    public init(tier: Tier, model: String, confidence: Double, reason: String) {
        self.tier = tier
        self.model = model
        self.confidence = confidence
        self.reason = reason
    }
}

/// What a tier's cheapest fitting model would charge for this request, one entry of `tiers`.
public struct TierQuote: Sendable, Equatable {
    /// The tier.
    public let tier: Tier
    /// Its cheapest model that fits and passes the provider/reasoning constraints, if any.
    public let model: String?
    /// That model's point estimate, priced with its own tokenizer's count.
    public let credits: Decimal?
    /// The input tokens under that model's tokenizer.
    public let inputTokens: Int?
    /// That count in full: exact, or an estimate with its range and basis — a family's estimate,
    /// or a bound from the `o200k_base` count for a model whose tier was settled without loading
    /// its vocabulary.
    public let inputCount: TokenCount?
    /// Why there is no model, when there is none.
    public let reason: String?

    /// Creates a quote; `inputTokens` is `inputCount`'s tokens.
    public init(tier: Tier, model: String?, credits: Decimal?, inputCount: TokenCount?, reason: String?) {
        self.tier = tier
        self.model = model
        self.credits = credits
        self.inputTokens = inputCount?.tokens
        self.inputCount = inputCount
        self.reason = reason
    }
}

/// Everything `preflight/estimate` returns, before JSON.
public struct Estimate: Sendable, Equatable {
    /// Input tokens under the chosen model's tokenizer.
    public let tokens: InputTokens
    /// How much the text's scripts inflate its token count relative to English.
    public let inflation: InflationEstimate
    /// How demanding the prompt is.
    public let complexity: ComplexityAssessment
    /// The chosen model and why; `nil` when no model the request may use can hold the input
    /// (`noFit` says why).
    public let recommendation: Recommendation?
    /// Why the priced model cannot take the request, when it cannot.
    public let noFit: NoFit?
    /// The priced model's tier.
    public let tier: Tier
    /// The chosen model's cost, with its range.
    public let cost: CostBreakdown
    /// One quote per tier, cheapest fitting model each.
    public let tiers: [TierQuote]
    /// The output projection used (nil when the caller gave `expectedOutputTokens`).
    public let outputProjection: OutputProjection?
    /// The chosen model's catalog entry.
    public let model: CatalogModel
    /// Things to tell the user (context window exceeded, deprecated model, fallbacks).
    public let warnings: [String]

    /// Creates an estimate; `EstimatePlanner` is the producer.
    public init(tokens: InputTokens, inflation: InflationEstimate, complexity: ComplexityAssessment,
                recommendation: Recommendation?, noFit: NoFit? = nil, tier: Tier, cost: CostBreakdown,
                tiers: [TierQuote], outputProjection: OutputProjection?, model: CatalogModel, warnings: [String]) {
        self.tokens = tokens
        self.inflation = inflation
        self.complexity = complexity
        self.recommendation = recommendation
        self.noFit = noFit
        self.tier = tier
        self.cost = cost
        self.tiers = tiers
        self.outputProjection = outputProjection
        self.model = model
        self.warnings = warnings
    }
}
