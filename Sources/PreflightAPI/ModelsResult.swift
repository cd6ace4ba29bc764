import Advisor
import JSON

/// `preflight/models`'s result: the catalog's identity, its tier bands and its models.
public struct ModelsResult: Codable, Sendable, Equatable, WarningCarrying {
    /// Which catalog, how old.
    public let catalog: CatalogSummary
    /// The price bands that place models without a tier.
    public let tiers: [TierBand]
    /// The models listed (one tier's when filtered).
    public let models: [ModelEntry]
    /// Ignored parameters, then notes on the catalog (dated in the future, not the file asked for).
    public var warnings: [ResultWarning]

    /// `catalog`: version, source, format, currency, size and age.
    public struct CatalogSummary: Codable, Sendable, Equatable {
        /// The catalog's version.
        public let version: String
        /// Where it was loaded from.
        public let source: String
        /// `preflight` or `litellm`, when known.
        public let format: String?
        /// Always `credits`-compatible currency code.
        public let currency: String
        /// How many models it has (all tiers).
        public let models: Int
        /// Days since its version date.
        public let ageInDays: Int
        /// Older than 90 days.
        public let stale: Bool
    }

    /// One price band.
    public struct TierBand: Codable, Sendable, Equatable {
        /// The tier.
        public let name: Tier
        /// Upper bound per 1K blended tokens; absent for the top tier.
        public let maxPer1K: CreditAmount?
    }

    /// One catalog entry in the bundled catalog's format, plus where its tier came from.
    public struct ModelEntry: Codable, Sendable, Equatable {
        /// Catalog id.
        public let id: String
        /// Provider.
        public let provider: String
        /// Effective tier.
        public let tier: Tier
        /// `catalog` or `priceBands`.
        public let tierSource: String
        /// Tokenizer name.
        public let tokenizer: String
        /// Context window.
        public let contextWindow: Int
        /// Output cap or `null`.
        @EncodedAsNull public var maxOutputTokens: Int?
        /// Input price per million tokens.
        public let inputPerMillion: CreditAmount
        /// Output price per million tokens.
        public let outputPerMillion: CreditAmount
        /// Cache-read price or `null`.
        @EncodedAsNull public var cachedInputPerMillion: CreditAmount?
        /// Cache-write price or `null`.
        @EncodedAsNull public var cacheWritePerMillion: CreditAmount?
        /// Reasoning price or `null`.
        @EncodedAsNull public var reasoningPerMillion: CreditAmount?
        /// Whether it reasons.
        public let reasoning: Bool
        /// Long-context prices or `null`.
        @EncodedAsNull public var longContext: LongContext?
        /// Service-tier prices or `null`.
        @EncodedAsNull public var serviceTiers: OrderedObject<ServiceTierPrices>?
        /// Deprecation date or `null`.
        @EncodedAsNull public var deprecationDate: String?
        /// Prices by input size (the catalog's `tieredPricing`); absent for flat-priced models.
        public var tieredPricing: [InputSizeTierPrices]?
    }

    /// One row of a model's tiered pricing: the prices of a request whose input has more than
    /// `above` and at most `upTo` tokens.
    public struct InputSizeTierPrices: Codable, Sendable, Equatable {
        /// Lower bound (exclusive), in input tokens.
        public let above: Int
        /// Upper bound (inclusive), in input tokens.
        public let upTo: Int
        /// Input price.
        public let inputPerMillion: CreditAmount
        /// Output price (`nil`: the model's own).
        public let outputPerMillion: CreditAmount?
        /// Cache-read price.
        public let cachedInputPerMillion: CreditAmount?
        /// Cache-write price.
        public let cacheWritePerMillion: CreditAmount?
        /// Reasoning price.
        public let reasoningPerMillion: CreditAmount?

        init(_ tier: InputSizeTier) {
            above = tier.above
            upTo = tier.upTo
            inputPerMillion = CreditAmount(tier.inputPerMillion)
            outputPerMillion = tier.outputPerMillion.map(CreditAmount.init)
            cachedInputPerMillion = tier.cachedInputPerMillion.map(CreditAmount.init)
            cacheWritePerMillion = tier.cacheWritePerMillion.map(CreditAmount.init)
            reasoningPerMillion = tier.reasoningPerMillion.map(CreditAmount.init)
        }
    }

    /// Long-context prices.
    public struct LongContext: Codable, Sendable, Equatable {
        /// Threshold in input tokens.
        public let above: Int
        /// Input price above it.
        public let inputPerMillion: CreditAmount
        /// Output price above it.
        public let outputPerMillion: CreditAmount
        /// Cache-read price above it.
        public let cachedInputPerMillion: CreditAmount?
        /// Cache-write price above it.
        public let cacheWritePerMillion: CreditAmount?

        init(_ pricing: LongContextPricing) {
            above = pricing.above
            inputPerMillion = CreditAmount(pricing.inputPerMillion)
            outputPerMillion = CreditAmount(pricing.outputPerMillion)
            cachedInputPerMillion = pricing.cachedInputPerMillion.map(CreditAmount.init)
            cacheWritePerMillion = pricing.cacheWritePerMillion.map(CreditAmount.init)
        }
    }

    /// One service tier's prices.
    public struct ServiceTierPrices: Codable, Sendable, Equatable {
        /// Input price.
        public let inputPerMillion: CreditAmount
        /// Output price.
        public let outputPerMillion: CreditAmount
        /// Cache-read price.
        public let cachedInputPerMillion: CreditAmount?
        /// Cache-write price.
        public let cacheWritePerMillion: CreditAmount?
        /// Reasoning price.
        public let reasoningPerMillion: CreditAmount?
        /// Long-context prices in this tier.
        public let longContext: LongContext?
    }
}

extension ModelsResult {
    /// The listing of `catalog`; `tier` keeps only that tier's models (by effective tier).
    public init(_ catalog: Catalog, source: String, format: String?, staleness: CatalogStaleness, tier: Tier?,
                warnings: [ResultWarning] = []) {
        self.catalog = CatalogSummary(version: catalog.version.description, source: source, format: format,
                                      currency: catalog.currency, models: catalog.models.count,
                                      ageInDays: staleness.ageInDays, stale: staleness.isStale)
        tiers = catalog.tiers.map { TierBand(name: $0.tier, maxPer1K: $0.maxPer1K.map(CreditAmount.init)) }
        models = catalog.models.filter { tier == nil || catalog.tier(of: $0) == tier }.map { ModelEntry($0, catalog: catalog) }
        self.warnings = warnings
    }
}

extension ModelsResult.ModelEntry {
    /// The entry of `model` in `catalog`.
    public init(_ model: CatalogModel, catalog: Catalog) {
        id = model.id
        provider = model.provider
        tier = catalog.tier(of: model)
        tierSource = catalog.tierIsFromPriceBands(model) ? "priceBands" : "catalog"
        tokenizer = model.tokenizer.name
        contextWindow = model.contextWindow
        maxOutputTokens = model.maxOutputTokens
        inputPerMillion = CreditAmount(model.inputPerMillion)
        outputPerMillion = CreditAmount(model.outputPerMillion)
        cachedInputPerMillion = model.cachedInputPerMillion.map(CreditAmount.init)
        cacheWritePerMillion = model.cacheWritePerMillion.map(CreditAmount.init)
        reasoningPerMillion = model.reasoningPerMillion.map(CreditAmount.init)
        reasoning = model.reasoning
        longContext = model.longContext.map(ModelsResult.LongContext.init)
        let tiers = ServiceTier.allCases.compactMap { tier -> (name: String, value: ModelsResult.ServiceTierPrices)? in
            guard let prices = model.serviceTiers[tier] else { return nil }
            return (tier.rawValue, ModelsResult.ServiceTierPrices(
                inputPerMillion: CreditAmount(prices.inputPerMillion),
                outputPerMillion: CreditAmount(prices.outputPerMillion),
                cachedInputPerMillion: prices.cachedInputPerMillion.map(CreditAmount.init),
                cacheWritePerMillion: prices.cacheWritePerMillion.map(CreditAmount.init),
                reasoningPerMillion: prices.reasoningPerMillion.map(CreditAmount.init),
                longContext: prices.longContext.map(ModelsResult.LongContext.init)))
        }
        serviceTiers = tiers.isEmpty ? nil : OrderedObject(tiers)
        deprecationDate = model.deprecationDate
        tieredPricing = model.tieredPricing.map { $0.tiers.map(ModelsResult.InputSizeTierPrices.init) }
    }
}
