import Advisor
import JSON

/// `preflight/models`'s result: the catalog's identity, its tier bands and its models.
public struct ModelsResult: Codable, Sendable, Equatable, WarningCarrying {
    /// Which catalog, how old.
    public let catalog: CatalogSummary
    /// The price bands that place models without a tier.
    public let tiers: [TierBand]
    /// The models listed: the page (`offset`, `limit`) of those matching the filters.
    public let models: [ModelEntry]
    /// How many models match the filters (all pages).
    public let total: Int
    /// The page's first model's position among them.
    public let offset: Int
    /// The page size asked for.
    public let limit: Int
    /// Each layer's identity and age (the reference only once loaded).
    public let layers: [LayerSummary]
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
        /// Days since its prices' date; `null` when the catalog carries no date (age unknown).
        @EncodedAsNull public var ageInDays: Int?
        /// Older than 90 days (`false` when the age is unknown).
        public let stale: Bool
        /// The date of its prices (`pricesAsOf`, or a date `version`), `null` when unknown.
        @EncodedAsNull public var pricesAsOf: String?
    }

    /// One layer: which catalog, how old.
    public struct LayerSummary: Codable, Sendable, Equatable {
        /// `curated` or `reference`.
        public let layer: CatalogLayer
        /// Its catalog's version.
        public let version: String
        /// Where it was loaded from.
        public let source: String
        /// How many models it has.
        public let models: Int
        /// The date of its prices, `null` when unknown.
        @EncodedAsNull public var pricesAsOf: String?
        /// Days since then, `null` when unknown.
        @EncodedAsNull public var ageInDays: Int?
        /// Older than 90 days.
        public let stale: Bool

        /// The summary of `catalog` as `layer` loaded from `source`.
        public init(layer: CatalogLayer, catalog: Catalog, source: String, staleness: CatalogStaleness?) {
            self.layer = layer
            version = catalog.version
            self.source = source
            models = catalog.models.count
            pricesAsOf = catalog.pricesAsOf?.description
            ageInDays = staleness?.ageInDays
            stale = staleness?.isStale ?? false
        }
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
        /// The layer it is in (`curated`: routing may recommend it).
        public let layer: CatalogLayer
        /// Provider.
        public let provider: String
        /// Effective tier.
        public let tier: Tier
        /// `catalog` or `priceBands`.
        public let tierSource: String
        /// Tokenizer name.
        public let tokenizer: String
        /// Context window; `null` when unknown (fit checks are skipped for it).
        @EncodedAsNull public var contextWindow: Int?
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
    /// The listing of `catalog` (the curated layer), every model, no paging.
    public init(_ catalog: Catalog, source: String, format: String?, staleness: CatalogStaleness?, tier: Tier?,
                warnings: [ResultWarning] = []) {
        let entries = catalog.models.filter { tier == nil || catalog.tier(of: $0) == tier }
            .map { ModelEntry($0, catalog: catalog) }
        self.init(catalog, source: source, format: format, staleness: staleness,
                  layers: [LayerSummary(layer: .curated, catalog: catalog, source: source, staleness: staleness)],
                  page: entries, total: entries.count, offset: 0, limit: max(1, entries.count), warnings: warnings)
    }

    /// A listing page: `page` of `total` matching models, the curated `catalog`'s summary and
    /// every loaded layer's.
    public init(_ catalog: Catalog, source: String, format: String?, staleness: CatalogStaleness?,
                layers: [LayerSummary], page: [ModelEntry], total: Int, offset: Int, limit: Int,
                warnings: [ResultWarning] = []) {
        self.catalog = CatalogSummary(version: catalog.version, source: source, format: format,
                                      currency: catalog.currency, models: catalog.models.count,
                                      ageInDays: staleness?.ageInDays, stale: staleness?.isStale ?? false,
                                      pricesAsOf: catalog.pricesAsOf?.description)
        tiers = catalog.tiers.map { TierBand(name: $0.tier, maxPer1K: $0.maxPer1K.map(CreditAmount.init)) }
        models = page
        self.total = total
        self.offset = offset
        self.limit = limit
        self.layers = layers
        self.warnings = warnings
    }
}

extension ModelsResult.ModelEntry {
    /// The entry of `model` in `catalog`, the catalog of `layer`.
    public init(_ model: CatalogModel, catalog: Catalog, layer: CatalogLayer = .curated) {
        id = model.id
        self.layer = layer
        provider = model.provider
        tier = catalog.tier(of: model)
        tierSource = catalog.tierIsFromPriceBands(model) ? "priceBands" : "catalog"
        tokenizer = model.tokenizer.name
        contextWindow = model.contextWindowIsKnown ? model.contextWindow : nil
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
