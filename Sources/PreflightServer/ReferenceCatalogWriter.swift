import Advisor
import Foundation
import JSON

/// Writes a catalog in Preflight's own format as the reference layer (`"layer": "reference"`),
/// one model per line so a price update reads as a diff of the lines that changed.
///
/// `preflight catalog update` converts LiteLLM's price file with it (read by the LiteLLM reader,
/// so the bundled reference and a user's rebuilt one share one converter), and the result reads
/// back through `CatalogDecoder` to the same models: prices as exact decimals (at most 15
/// significant digits, which every LiteLLM price has), an unknown context window left out.
public enum ReferenceCatalogWriter {
    /// The file text for `catalog` as the reference layer, with `version`, `pricesAsOf` and
    /// `source` at the top.
    public static func text(of catalog: Catalog, version: String, pricesAsOf: CalendarDay?, source: String) -> String {
        let header = JSONValue.object()
        header["version"] = .string(version)
        if let pricesAsOf { header["pricesAsOf"] = .string(pricesAsOf.description) }
        header["layer"] = .string(CatalogLayer.reference.rawValue)
        header["currency"] = .string(catalog.currency)
        header["source"] = .string(source)
        var lines = ["{"]
        for (key, value) in header.members { lines.append("  \(JSONValue.string(key).serializedString): \(value.serializedString),") }
        lines.append("  \"models\": [")
        let entries = catalog.models.map { "    " + entry(for: $0).serializedString }
        lines.append(entries.joined(separator: ",\n"))
        lines.append("  ]")
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// One model as a Preflight catalog entry, absent prices left out.
    static func entry(for model: CatalogModel) -> JSONValue {
        let object = JSONValue.object()
        object["id"] = .string(model.id)
        object["provider"] = .string(model.provider)
        if let tier = model.tier { object["tier"] = .string(tier.rawValue) }
        object["tokenizer"] = .string(model.tokenizer.name)
        if model.contextWindowIsKnown { object["contextWindow"] = .integer(model.contextWindow) }
        if let limit = model.maxOutputTokens { object["maxOutputTokens"] = .integer(limit) }
        object["inputPerMillion"] = number(model.inputPerMillion)
        object["outputPerMillion"] = number(model.outputPerMillion)
        if let price = model.cachedInputPerMillion { object["cachedInputPerMillion"] = number(price) }
        if let price = model.cacheWritePerMillion { object["cacheWritePerMillion"] = number(price) }
        if let price = model.reasoningPerMillion { object["reasoningPerMillion"] = number(price) }
        if model.reasoning { object["reasoning"] = .bool(true) }
        if let longContext = model.longContext { object["longContext"] = entry(for: longContext) }
        if !model.serviceTiers.isEmpty {
            let tiers = JSONValue.object()
            for tier in ServiceTier.allCases {
                guard let prices = model.serviceTiers[tier] else { continue }
                let value = JSONValue.object()
                value["inputPerMillion"] = number(prices.inputPerMillion)
                value["outputPerMillion"] = number(prices.outputPerMillion)
                if let price = prices.cachedInputPerMillion { value["cachedInputPerMillion"] = number(price) }
                if let price = prices.cacheWritePerMillion { value["cacheWritePerMillion"] = number(price) }
                if let price = prices.reasoningPerMillion { value["reasoningPerMillion"] = number(price) }
                if let longContext = prices.longContext { value["longContext"] = entry(for: longContext) }
                tiers[tier.rawValue] = value
            }
            object["serviceTiers"] = tiers
        }
        if let tiered = model.tieredPricing {
            let bands = JSONValue.array()
            for band in tiered.tiers { bands.append(entry(for: band)) }
            object["tieredPricing"] = bands
        }
        if let date = model.deprecationDate { object["deprecationDate"] = .string(date) }
        return object
    }

    /// One input-size band of `tieredPricing`, in the order the catalog reader expects.
    static func entry(for band: InputSizeTier) -> JSONValue {
        let object = JSONValue.object()
        object["above"] = .integer(band.above)
        object["upTo"] = .integer(band.upTo)
        object["inputPerMillion"] = number(band.inputPerMillion)
        if let price = band.outputPerMillion { object["outputPerMillion"] = number(price) }
        if let price = band.cachedInputPerMillion { object["cachedInputPerMillion"] = number(price) }
        if let price = band.cacheWritePerMillion { object["cacheWritePerMillion"] = number(price) }
        if let price = band.reasoningPerMillion { object["reasoningPerMillion"] = number(price) }
        return object
    }

    static func entry(for pricing: LongContextPricing) -> JSONValue {
        let object = JSONValue.object()
        object["above"] = .integer(pricing.above)
        object["inputPerMillion"] = number(pricing.inputPerMillion)
        object["outputPerMillion"] = number(pricing.outputPerMillion)
        if let price = pricing.cachedInputPerMillion { object["cachedInputPerMillion"] = number(price) }
        if let price = pricing.cacheWritePerMillion { object["cacheWritePerMillion"] = number(price) }
        return object
    }

    /// An integer when the price is whole, else the real whose shortest form is the decimal.
    static func number(_ value: Decimal) -> JSONValue {
        var rounded = Decimal()
        var copy = value
        NSDecimalRound(&rounded, &copy, 0, .plain)
        if rounded == value, let whole = Int(exactly: NSDecimalNumber(decimal: value).int64Value),
           Decimal(whole) == value {
            return .integer(whole)
        }
        return .real(Double("\(value)") ?? NSDecimalNumber(decimal: value).doubleValue)
    }
}
