import Foundation
import Tokenizers

/// The models Preflight can price and route to, with the tiers they are grouped in.
///
/// Built by the server's decoder from `models/catalog.json` or a LiteLLM price file; `init`
/// validates what a decoder cannot see field by field (duplicate ids, negative prices,
/// impossible thresholds), so an invalid catalog never reaches the cost engine.
public struct Catalog: Sendable, Equatable {
    /// A catalog older than this many days is stale.
    public static let staleAfterDays = 90

    /// The catalog's version as its author wrote it: any non-empty string (`2026-11-20`,
    /// `acme-v3`, `litellm-1.109.1`); a team versions its catalog as it versions anything else.
    public let version: String
    /// The date the prices were taken, when known: the `pricesAsOf` field, else a `version` that
    /// is itself a `YYYY-MM-DD` date. Staleness is measured from it; without it the age is
    /// unknown (said, never guessed from a file's modification time).
    public let pricesAsOf: CalendarDay?
    /// Currency of every price (`USD`; one credit is one US dollar).
    public let currency: String
    /// Where the catalog came from (a path or a description), reported by `preflight/models`.
    public let source: String
    /// The declared tiers and their price-band bounds, in capability order.
    public let tiers: [TierDefinition]
    /// The models, in catalog order (which breaks price ties).
    public let models: [CatalogModel]
    /// Bands built from `tiers`, used for models without an explicit tier.
    public let priceBands: PriceBands
    private let indexByID: [String: Int]
    /// Each model's effective tier, by position: computed once, since the band fallback needs
    /// a `Decimal` division per model and `models(in:)` runs for every tier of every estimate.
    private let effectiveTiers: [Tier]

    /// Creates a validated catalog.
    ///
    /// - Throws: `CatalogValidationError` naming the model and field of the first problem:
    ///   duplicate id, empty id or tokenizer, negative price, non-positive context window or
    ///   output limit, negative long-context threshold, or a duplicate tier.
    public init(version: CalendarDay, currency: String = "USD", source: String,
                tiers: [TierDefinition] = PriceBands.creditsGuide.bands, models: [CatalogModel]) throws {
        try self.init(version: version.description, pricesAsOf: version, currency: currency, source: source,
                      tiers: tiers, models: models)
    }

    /// Creates a validated catalog whose version is any non-empty string; `pricesAsOf` dates its
    /// prices (`nil`: unknown, unless `version` is itself a date).
    ///
    /// - Throws: `CatalogValidationError` as the date-versioned initializer, and for an empty
    ///   `version`.
    public init(version: String, pricesAsOf: CalendarDay?, currency: String = "USD", source: String,
                tiers: [TierDefinition] = PriceBands.creditsGuide.bands, models: [CatalogModel]) throws {
        if version.isEmpty {
            throw CatalogValidationError(modelID: nil, field: "version", message: "must not be empty")
        }
        var seenTiers = Set<Tier>()
        for definition in tiers {
            guard seenTiers.insert(definition.tier).inserted else {
                throw CatalogValidationError(modelID: nil, field: "tiers",
                                             message: "tier \"\(definition.tier.rawValue)\" is declared twice")
            }
            if let bound = definition.maxPer1K, bound < 0 {
                throw CatalogValidationError(modelID: nil, field: "tiers.maxPer1K",
                                             message: "negative bound \(bound) for tier \"\(definition.tier.rawValue)\"")
            }
        }
        var index: [String: Int] = [:]
        for (position, model) in models.enumerated() {
            try Catalog.validate(model, at: position)
            if let first = index[model.id] {
                throw CatalogValidationError(modelID: model.id, field: "id",
                                             message: "duplicate model id (the first is model \(first + 1) of \(models.count))",
                                             modelIndex: position)
            }
            index[model.id] = position
        }
        self.version = version
        self.pricesAsOf = pricesAsOf ?? CalendarDay(version)
        self.currency = currency
        self.source = source
        self.tiers = tiers.sorted { $0.tier < $1.tier }
        self.models = models
        let bands = PriceBands(bands: tiers.isEmpty ? PriceBands.creditsGuide.bands : tiers)
        self.priceBands = bands
        self.indexByID = index
        self.effectiveTiers = models.map { $0.tier ?? bands.tier(for: $0) }
    }

    /// The model with this id, or `nil`.
    public func model(id: String) -> CatalogModel? {
        indexByID[id].map { models[$0] }
    }

    /// The model's tier: the one set in the catalog, else the price band of its blended price.
    public func tier(of model: CatalogModel) -> Tier {
        if let tier = model.tier { return tier }
        if let position = indexByID[model.id], models[position] == model { return effectiveTiers[position] }
        return priceBands.tier(for: model)
    }

    /// Whether the tier came from the price bands rather than from the catalog.
    public func tierIsFromPriceBands(_ model: CatalogModel) -> Bool { model.tier == nil }

    /// The models in `tier` (explicit or band-assigned), in catalog order.
    public func models(in tier: Tier) -> [CatalogModel] {
        models.indices.filter { effectiveTiers[$0] == tier }.map { models[$0] }
    }

    /// How old the catalog is on `today`; stale when strictly more than 90 days old; `nil` when
    /// the catalog carries no date (`pricesAsOf`), so its age is unknown.
    public func staleness(today: CalendarDay) -> CatalogStaleness? {
        guard let pricesAsOf else { return nil }
        let age = today.dayNumber - pricesAsOf.dayNumber
        return CatalogStaleness(ageInDays: age, isStale: age > Catalog.staleAfterDays)
    }

    private static func validate(_ model: CatalogModel, at position: Int) throws {
        func fail(_ field: String, _ message: String) -> CatalogValidationError {
            CatalogValidationError(modelID: model.id, field: field, message: message, modelIndex: position)
        }
        func price(_ field: String, _ value: Decimal?) throws {
            if let value, value < 0 { throw fail(field, "negative price \(value)") }
        }
        if model.id.isEmpty { throw fail("id", "empty model id") }
        if model.tokenizer.name.isEmpty { throw fail("tokenizer", "empty tokenizer") }
        if model.contextWindow <= 0 { throw fail("contextWindow", "must be positive, got \(model.contextWindow)") }
        if let limit = model.maxOutputTokens, limit <= 0 {
            throw fail("maxOutputTokens", "must be positive, got \(limit)")
        }
        try price("inputPerMillion", model.inputPerMillion)
        try price("outputPerMillion", model.outputPerMillion)
        try price("cachedInputPerMillion", model.cachedInputPerMillion)
        try price("cacheWritePerMillion", model.cacheWritePerMillion)
        try price("reasoningPerMillion", model.reasoningPerMillion)
        func longContext(_ prefix: String, _ lc: LongContextPricing?) throws {
            guard let lc else { return }
            if lc.above < 0 { throw fail("\(prefix).above", "must not be negative, got \(lc.above)") }
            try price("\(prefix).inputPerMillion", lc.inputPerMillion)
            try price("\(prefix).outputPerMillion", lc.outputPerMillion)
            try price("\(prefix).cachedInputPerMillion", lc.cachedInputPerMillion)
            try price("\(prefix).cacheWritePerMillion", lc.cacheWritePerMillion)
        }
        try longContext("longContext", model.longContext)
        for (tier, prices) in model.serviceTiers.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let prefix = "serviceTiers.\(tier.rawValue)"
            if tier == .standard { throw fail(prefix, "standard prices are the model's own; not a service tier") }
            try price("\(prefix).inputPerMillion", prices.inputPerMillion)
            try price("\(prefix).outputPerMillion", prices.outputPerMillion)
            try price("\(prefix).cachedInputPerMillion", prices.cachedInputPerMillion)
            try price("\(prefix).cacheWritePerMillion", prices.cacheWritePerMillion)
            try price("\(prefix).reasoningPerMillion", prices.reasoningPerMillion)
            try longContext("\(prefix).longContext", prices.longContext)
        }
        for (i, tier) in (model.tieredPricing?.tiers ?? []).enumerated() {
            let prefix = "tieredPricing[\(i)]"
            if tier.above < 0 { throw fail("\(prefix).above", "must not be negative, got \(tier.above)") }
            if tier.upTo <= tier.above {
                throw fail("\(prefix).upTo", "must be above \"above\" (\(tier.above)), got \(tier.upTo)")
            }
            try price("\(prefix).inputPerMillion", tier.inputPerMillion)
            try price("\(prefix).outputPerMillion", tier.outputPerMillion)
            try price("\(prefix).cachedInputPerMillion", tier.cachedInputPerMillion)
            try price("\(prefix).cacheWritePerMillion", tier.cacheWritePerMillion)
            try price("\(prefix).reasoningPerMillion", tier.reasoningPerMillion)
        }
    }
}
