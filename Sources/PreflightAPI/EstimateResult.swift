import Advisor
import JSON

/// `preflight/estimate`'s result: tokens, inflation, complexity, recommendation, cost and the
/// other tiers' quotes — the one definition the server writes, `preflight estimate --json`
/// prints, the text report reads and the tests decode.
public struct EstimateResult: Codable, Sendable, Equatable, WarningCarrying {
    /// The input side.
    public let tokens: InputTokensResult
    /// How the text's scripts inflate its count relative to English.
    public let inflation: InflationEstimate
    /// How demanding the prompt is, with the evidence.
    public let complexity: Complexity
    /// The chosen model and why; `null` when no model the request may use can hold the input
    /// (`noFit` says why, naming the largest context window).
    @EncodedAsNull public var recommendation: Recommendation?
    /// Present when the priced model cannot take the request (the input does not fit its
    /// context window): why, the model, its window and the input's count in its tokenizer.
    /// `preflight/check` refuses such a request with `noFit.reason`.
    public let noFit: NoFit?
    /// The chosen model's cost with its range (for a `noFit` request, what it would cost if the
    /// model took it).
    public let cost: Cost
    /// One quote per tier.
    public let tiers: [TierQuoteResult]
    /// The output projection used (absent when the caller gave `expectedOutputTokens`); its
    /// `reasoning` is the default reasoning projected for a reasoning model (`default: true`).
    public let outputProjection: OutputProjection?
    /// The chosen model's catalog entry, briefly.
    public let model: Model
    /// The catalog priced from.
    public let catalog: CatalogVersion
    /// Where the price came from when the request named a model: the layer, the entry used and
    /// the rule the name matched by (absent for a recommendation, always from the curated layer).
    public var priceSource: PriceSource?
    /// Things to tell the user: ignored parameters first (with their `field`), then the
    /// advisor's notes on the estimate.
    public var warnings: [ResultWarning]

    /// `complexity`: score, per-dimension values, signals, suggested tier and rationale.
    public struct Complexity: Codable, Sendable, Equatable {
        /// 0 (trivial) … 1 (research-grade).
        public let score: Double
        /// Every dimension's value, in the dimensions' declared order.
        public let dimensions: OrderedObject<Double>
        /// The evidence, strongest first.
        public let signals: [Signal]
        /// The cheapest tier the scorer considers adequate.
        public let suggestedTier: Tier
        /// How the tier was reached.
        public let rationale: String
    }

    /// One piece of complexity evidence.
    public struct Signal: Codable, Sendable, Equatable {
        /// The dimension it raised.
        public let dimension: String
        /// The quoted words or the measured structure.
        public let evidence: String
        /// How much it added, 0…1.
        public let weight: Double
        /// What kind of cue it is (`proof`, `expression`, `code line`, …), so a quote in any
        /// language still says why it counts.
        public let cue: String?
        /// The quoted span in UTF-8 bytes of the scored text; absent for a measured structure.
        public let utf8: Span?
        /// The same span in UTF-16 code units (LSP positions); absent likewise.
        public let utf16: Span?
    }

    /// `{start, end}` offsets, end exclusive, so an editor can underline the evidence.
    public struct Span: Codable, Sendable, Equatable {
        /// First unit of the span.
        public let start: Int
        /// The unit after the span.
        public let end: Int

        /// The span of `range`.
        public init(_ range: Range<Int>) {
            start = range.lowerBound
            end = range.upperBound
        }
    }

    /// `cost`: the point estimate split by kind of token, with its range.
    public struct Cost: Codable, Sendable, Equatable {
        /// Total credits.
        public let credits: CreditAmount
        /// Uncached input.
        public let input: CreditAmount
        /// Cache reads.
        public let cachedInput: CreditAmount
        /// Cache writes.
        public let cacheWrite: CreditAmount
        /// Visible output.
        public let output: CreditAmount
        /// Reasoning output.
        public let reasoning: CreditAmount
        /// Output tokens priced.
        public let outputTokens: Int
        /// Reasoning tokens priced.
        public let reasoningTokens: Int
        /// Low and high credits.
        public let range: Interval<CreditAmount>
        /// The service tier priced.
        public let serviceTier: ServiceTier
        /// Whether long-context prices applied.
        public let longContext: Bool
    }

    /// One entry of `tiers`.
    public struct TierQuoteResult: Codable, Sendable, Equatable {
        /// The tier.
        public let tier: Tier
        /// Its cheapest fitting model, `null` when none.
        @EncodedAsNull public var model: String?
        /// That model's point estimate, `null` when none.
        @EncodedAsNull public var credits: CreditAmount?
        /// Input tokens under that model's tokenizer.
        public let inputTokens: Int?
        /// What counted them (the model's encoding or family), with a model.
        public let tokenizer: String?
        /// Whether they are that tokenizer's exact count, with a model: `false` for a family's
        /// estimate, and for a bound from the `o200k_base` count when the tier was settled
        /// without loading the model's vocabulary.
        public let exact: Bool?
        /// The interval, only when not exact.
        public let range: Interval<Int>?
        /// What the estimate was made from, only when not exact.
        public let basis: EstimateBasisResult?
        /// Why there is no model.
        public let reason: String?
    }

    /// `model`: the chosen model briefly.
    public struct Model: Codable, Sendable, Equatable {
        /// Catalog id.
        public let id: String
        /// Provider.
        public let provider: String
        /// Effective tier.
        public let tier: Tier
        /// Tokenizer name.
        public let tokenizer: String
        /// Context window in tokens; `null` when the catalog entry gives none (LiteLLM lists some
        /// per-token entries without one): the fit check was skipped, and a warning says so.
        @EncodedAsNull public var contextWindow: Int?
        /// Output cap, `null` when the catalog has none.
        @EncodedAsNull public var maxOutputTokens: Int?
    }

    /// `catalog`: `{version}`.
    public struct CatalogVersion: Codable, Sendable, Equatable {
        /// The catalog's version.
        public let version: String
    }

    /// `priceSource`: `{layer, entry, rule, catalogVersion, pricesAsOf}`.
    public struct PriceSource: Codable, Sendable, Equatable {
        /// `curated` or `reference`.
        public let layer: CatalogLayer
        /// The entry's id (for the reference, LiteLLM's key).
        public let entry: String
        /// How the name matched it: `exact`, `caseInsensitive`, `providerPrefix`, `firstParty`,
        /// `sameModel`.
        public let rule: String
        /// The version of the layer's catalog.
        public let catalogVersion: String
        /// The date of its prices, `null` when unknown.
        @EncodedAsNull public var pricesAsOf: String?

        /// Where `resolution`'s price came from, in `catalog` (its layer's).
        public init(_ resolution: ModelResolution, catalog: Catalog) {
            layer = resolution.layer
            entry = resolution.model.id
            rule = resolution.rule.rawValue
            catalogVersion = catalog.version
            pricesAsOf = catalog.pricesAsOf?.description
        }
    }
}

extension EstimateResult {
    /// The result for `estimate`, priced from `catalog`.
    public init(_ estimate: Estimate, catalog: Catalog) {
        tokens = InputTokensResult(estimate.tokens)
        inflation = estimate.inflation
        let assessment = estimate.complexity
        complexity = Complexity(
            score: assessment.score,
            dimensions: OrderedObject(ComplexityDimension.allCases.map { ($0.rawValue, assessment.dimensions[$0] ?? 0) }),
            signals: assessment.signals.map {
                Signal(dimension: $0.dimension.rawValue, evidence: $0.evidence, weight: $0.weight, cue: $0.cue,
                       utf8: $0.utf8.map(Span.init), utf16: $0.utf16.map(Span.init))
            },
            suggestedTier: assessment.suggestedTier, rationale: assessment.rationale)
        recommendation = estimate.recommendation
        noFit = estimate.noFit
        let breakdown = estimate.cost
        cost = Cost(credits: CreditAmount(breakdown.credits), input: CreditAmount(breakdown.input),
                    cachedInput: CreditAmount(breakdown.cachedInput), cacheWrite: CreditAmount(breakdown.cacheWrite),
                    output: CreditAmount(breakdown.output), reasoning: CreditAmount(breakdown.reasoning),
                    outputTokens: breakdown.outputTokens, reasoningTokens: breakdown.usage.reasoning,
                    range: Interval(low: CreditAmount(breakdown.range.low), high: CreditAmount(breakdown.range.high)),
                    serviceTier: breakdown.serviceTier, longContext: breakdown.longContext)
        tiers = estimate.tiers.map { quote in
            let count = quote.inputCount
            return TierQuoteResult(tier: quote.tier, model: quote.model, credits: quote.credits.map(CreditAmount.init),
                                   inputTokens: quote.inputTokens, tokenizer: count?.tokenizer.name, exact: count?.isExact,
                                   range: count.flatMap { $0.isExact ? nil : Interval(low: $0.low, high: $0.high) },
                                   basis: count?.basis.map(EstimateBasisResult.init), reason: quote.reason)
        }
        outputProjection = estimate.outputProjection
        model = Model(id: estimate.model.id, provider: estimate.model.provider, tier: catalog.tier(of: estimate.model),
                      tokenizer: estimate.model.tokenizer.name,
                      contextWindow: estimate.model.contextWindowIsKnown ? estimate.model.contextWindow : nil,
                      maxOutputTokens: estimate.model.maxOutputTokens)
        self.catalog = CatalogVersion(version: catalog.version.description)
        warnings = estimate.warnings.map { ResultWarning(message: $0) }
    }
}
