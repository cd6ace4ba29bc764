import Advisor
import Foundation
import JSON

/// A small file of corrections to single reference prices, applied when the reference layer
/// loads (docs/CATALOG.md, "Correcting a price"):
///
/// ```json
/// {"models": [{"id": "azure/eu/gpt-4.1", "inputPerMillion": 2.2, "contextWindow": 1047576}]}
/// ```
///
/// Each entry names a reference model by its exact id and gives only the members it corrects
/// (`inputPerMillion`, `outputPerMillion`, `cachedInputPerMillion`, `cacheWritePerMillion`,
/// `reasoningPerMillion`, `contextWindow`, `maxOutputTokens`; `note` is free text). An id that
/// is not in the reference, another member, or a bad value is an error naming the file's
/// `path:line:column` and the field; the reference then loads without the corrections and the
/// error is reported with the reply.
public struct PriceOverrides: Sendable {
    /// One model's corrections.
    public struct Correction: Sendable, Equatable {
        /// The reference id corrected.
        public let id: String
        /// Price corrections by field name, per million tokens.
        public let prices: [String: Decimal]
        /// A corrected context window.
        public let contextWindow: Int?
        /// A corrected output limit.
        public let maxOutputTokens: Int?
    }

    /// The corrections in file order.
    public let corrections: [Correction]
    /// The file they came from.
    public let file: String

    static let priceFields = ["inputPerMillion", "outputPerMillion", "cachedInputPerMillion", "cacheWritePerMillion",
                              "reasoningPerMillion"]
    static let fields = Set(priceFields + ["id", "contextWindow", "maxOutputTokens", "note"])

    /// Reads the overrides at `path`, checking every id against `reference`.
    public static func load(path: String, reference: Catalog) throws(CatalogLoadError) -> PriceOverrides {
        let bytes: [UInt8]
        switch RegularFileReader.read(path) {
        case .failure(let failure): throw CatalogLoadError(file: path, message: "cannot read the file: \(failure.reason)")
        case .success(let file): bytes = JSONValue.withoutByteOrderMark(file.bytes)
        }
        let json: JSONValue
        do {
            json = try JSONValue.parse(bytes, rejectingDuplicateKeys: true)
        } catch {
            throw CatalogLoadError(file: path, message: "invalid JSON: \(error.message)",
                                   line: error.line > 0 ? error.line : nil, column: error.column > 0 ? error.column : nil)
        }
        let reader = CatalogReader(file: path, source: CatalogSourceText(bytes), root: json, format: .preflight)
        guard json.kind == .object, let models = json["models"], models.kind == .array else {
            throw reader.fail(nil, "models", "an overrides file is {\"models\": [{\"id\": …, \"inputPerMillion\": …}]}")
        }
        var corrections: [Correction] = []
        for (i, entry) in models.elements.enumerated() {
            let prefix = "models[\(i)]"
            guard entry.kind == .object else { throw reader.fail(nil, prefix, "must be an object") }
            guard let id = try reader.string(entry["id"], nil, "\(prefix).id") else {
                throw reader.fail(nil, "\(prefix).id", "missing required field (the reference model's exact id)")
            }
            guard reference.model(id: id) != nil else {
                throw reader.fail(nil, "\(prefix).id", "\"\(id)\" is not in the reference catalog (ids are exact; "
                                  + "preflight models --search finds them)")
            }
            for (key, _) in entry.members where !fields.contains(key) {
                throw reader.fail(nil, "\(prefix).\(key)", "unknown member (expected \(fields.sorted().joined(separator: ", ")))")
            }
            var prices: [String: Decimal] = [:]
            for field in priceFields {
                if let value = try reader.price(entry[field], nil, "\(prefix).\(field)") { prices[field] = value }
            }
            let context = try reader.integer(entry["contextWindow"], nil, "\(prefix).contextWindow")
            if let context, context <= 0 { throw reader.fail(nil, "\(prefix).contextWindow", "must be positive") }
            let limit = try reader.integer(entry["maxOutputTokens"], nil, "\(prefix).maxOutputTokens")
            if let limit, limit <= 0 { throw reader.fail(nil, "\(prefix).maxOutputTokens", "must be positive") }
            corrections.append(Correction(id: id, prices: prices, contextWindow: context, maxOutputTokens: limit))
        }
        return PriceOverrides(corrections: corrections, file: path)
    }

    /// `catalog` with the corrections applied (later corrections of one id win).
    public func applied(to catalog: Catalog) throws -> Catalog {
        guard !corrections.isEmpty else { return catalog }
        var byID: [String: Correction] = [:]
        for correction in corrections { byID[correction.id] = correction }
        let models = catalog.models.map { model -> CatalogModel in
            guard let fix = byID[model.id] else { return model }
            let corrected = CatalogModel(
                id: model.id, provider: model.provider, tier: model.tier, tokenizer: model.tokenizer,
                contextWindow: fix.contextWindow ?? model.contextWindow,
                maxOutputTokens: fix.maxOutputTokens ?? model.maxOutputTokens,
                inputPerMillion: fix.prices["inputPerMillion"] ?? model.inputPerMillion,
                outputPerMillion: fix.prices["outputPerMillion"] ?? model.outputPerMillion,
                cachedInputPerMillion: fix.prices["cachedInputPerMillion"] ?? model.cachedInputPerMillion,
                cacheWritePerMillion: fix.prices["cacheWritePerMillion"] ?? model.cacheWritePerMillion,
                reasoningPerMillion: fix.prices["reasoningPerMillion"] ?? model.reasoningPerMillion,
                reasoning: model.reasoning, longContext: model.longContext, serviceTiers: model.serviceTiers,
                deprecationDate: model.deprecationDate,
                // A corrected price is a flat price: it replaces the input-size tiers (which would
                // otherwise price the model and hide the correction).
                tieredPricing: fix.prices.isEmpty ? model.tieredPricing : nil)
            return fix.contextWindow == nil && !model.contextWindowIsKnown ? corrected.withUnknownContextWindow() : corrected
        }
        return try Catalog(version: catalog.version, pricesAsOf: catalog.pricesAsOf, currency: catalog.currency,
                           source: catalog.source + " + overrides \(file)", tiers: catalog.tiers, models: models)
    }
}
