import Advisor
import Foundation
import JSONRPC
import JSON

/// LiteLLM's `model_prices_and_context_window.json`, mapped as the design brief says:
/// entries with mode `chat` or `responses` become models; `input_cost_per_token`,
/// `output_cost_per_token`, `cache_read_input_token_cost`, `cache_creation_input_token_cost`,
/// `output_cost_per_reasoning_token` (× 10⁶) are the prices; `*_above_Nk_tokens` the
/// long-context prices above N × 1000 tokens (the smallest N when there are several);
/// `*_batches`, `*_flex`, `*_priority` the service tiers; `tiered_pricing` the prices by
/// input size (which then price the entry, its flat prices only headline it — an entry priced
/// only by tiers takes its first tier's as headline); `max_input_tokens` (else
/// `max_tokens`) the context window (unknown when neither is given); the tokenizer is inferred (`TokenizerInference`) and the
/// tier comes from the price bands.
extension CatalogReader {
    static let million = Decimal(1_000_000)
    static let serviceSuffixes: [(ServiceTier, String)] = [(.batch, "_batches"), (.flex, "_flex"), (.priority, "_priority")]

    func liteLLMCatalog(_ json: JSONValue, version: String,
                        asOf: CalendarDay?) throws(CatalogLoadError) -> (Catalog, [String: Int]) {
        var models: [CatalogModel] = []
        var skipped: [String: Int] = [:]
        for (key, entry) in json.members {
            guard entry.kind == .object, key != "sample_spec" else { continue }
            guard let mode = entry["mode"]?.stringValue, mode == "chat" || mode == "responses" else { continue }
            if let model = try reading(entry: [.member(key)]).liteLLMModel(key, entry, skipped: &skipped) { models.append(model) }
        }
        guard !models.isEmpty else {
            let skippedCount = skipped.values.reduce(0, +)
            throw CatalogLoadError(file: file, message: "no usable model: no chat entry has per-token prices"
                                       + (skippedCount > 0 ? " (\(skippedCount) chat entries skipped)" : ""))
        }
        do {
            let catalog = try Catalog(version: version, pricesAsOf: asOf, source: file,
                                      tiers: PriceBands.creditsGuide.bands, models: models)
            return (catalog, skipped)
        } catch let error as CatalogValidationError {
            throw fail(error.modelID, error.field, error.message)
        } catch {
            throw fail(nil, nil, "\(error)")
        }
    }

    func liteLLMModel(_ key: String, _ entry: JSONValue, skipped: inout [String: Int]) throws(CatalogLoadError) -> CatalogModel? {
        func perMillion(_ field: String) throws(CatalogLoadError) -> Decimal? {
            try price(entry[field], key, field, scale: CatalogReader.million)
        }
        // Tiered pricing, when present, prices the entry (LiteLLM prefers it to the flat prices);
        // the flat prices, or the first tier's where there are none, are the headline prices.
        let tiered = try liteLLMTieredPricing(entry["tiered_pricing"], key)
        guard let input = try perMillion("input_cost_per_token") ?? tiered?.first.inputPerMillion,
              let output = try perMillion("output_cost_per_token") ?? tiered?.first.outputPerMillion else {
            skipped["no input/output price per token", default: 0] += 1
            return nil
        }
        var declaredContext = try integer(entry["max_input_tokens"], key, "max_input_tokens")
        if declaredContext == nil { declaredContext = try integer(entry["max_tokens"], key, "max_tokens") }
        // No (or a non-positive) window: the model loads with its window unknown and fit checks
        // are skipped, said in the estimate (docs/CATALOG.md).
        let contextIsKnown = (declaredContext ?? 0) > 0
        let context = contextIsKnown ? declaredContext! : CatalogModel.unknownContextWindow
        var maxOutput = try integer(entry["max_output_tokens"], key, "max_output_tokens")
        if let value = maxOutput, value <= 0 { maxOutput = nil }
        let provider = try string(entry["litellm_provider"], key, "litellm_provider") ?? "unknown"

        let threshold = longContextThreshold(entry)
        func longContext(suffix: String, standardOutput: Decimal) throws(CatalogLoadError) -> LongContextPricing? {
            guard let k = threshold,
                  let lcInput = try perMillion("input_cost_per_token_above_\(k)k_tokens\(suffix)") else { return nil }
            return LongContextPricing(
                above: k * 1000, inputPerMillion: lcInput,
                outputPerMillion: try perMillion("output_cost_per_token_above_\(k)k_tokens\(suffix)") ?? standardOutput,
                cachedInputPerMillion: try perMillion("cache_read_input_token_cost_above_\(k)k_tokens\(suffix)"),
                cacheWritePerMillion: try perMillion("cache_creation_input_token_cost_above_\(k)k_tokens\(suffix)"))
        }
        var serviceTiers: [ServiceTier: ServiceTierPricing] = [:]
        for (tier, suffix) in CatalogReader.serviceSuffixes {
            guard let tierInput = try perMillion("input_cost_per_token\(suffix)"),
                  let tierOutput = try perMillion("output_cost_per_token\(suffix)") else { continue }
            serviceTiers[tier] = ServiceTierPricing(
                inputPerMillion: tierInput, outputPerMillion: tierOutput,
                cachedInputPerMillion: try perMillion("cache_read_input_token_cost\(suffix)"),
                cacheWritePerMillion: try perMillion("cache_creation_input_token_cost\(suffix)"),
                longContext: try longContext(suffix: suffix, standardOutput: tierOutput))
        }
        let model = CatalogModel(
            id: key, provider: provider, tier: nil,
            tokenizer: TokenizerInference.tokenizer(provider: provider, model: key),
            contextWindow: context, maxOutputTokens: maxOutput, inputPerMillion: input, outputPerMillion: output,
            cachedInputPerMillion: try perMillion("cache_read_input_token_cost"),
            cacheWritePerMillion: try perMillion("cache_creation_input_token_cost"),
            reasoningPerMillion: try perMillion("output_cost_per_reasoning_token"),
            reasoning: (try bool(entry["supports_reasoning"], key, "supports_reasoning")) ?? false,
            longContext: try longContext(suffix: "", standardOutput: output), serviceTiers: serviceTiers,
            deprecationDate: entry["deprecation_date"]?.stringValue, tieredPricing: tiered)
        return contextIsKnown ? model : model.withUnknownContextWindow()
    }

    /// LiteLLM's `tiered_pricing`: a list of `{range: [start, end], input_cost_per_token, …}`,
    /// each priced per token like the entry itself. A tier LiteLLM would not select — one
    /// without a two-number `range` — or would not price by tokens — one without
    /// `input_cost_per_token` — is left out, as LiteLLM leaves it; `nil` when none is left.
    func liteLLMTieredPricing(_ value: JSONValue?, _ key: String) throws(CatalogLoadError) -> TieredPricing? {
        guard let value, !value.isNull else { return nil }
        guard value.kind == .array else { throw fail(key, "tiered_pricing", "must be an array of tiers") }
        var tiers: [InputSizeTier] = []
        for (i, tier) in value.elements.enumerated() {
            let field = "tiered_pricing[\(i)]"
            guard tier.kind == .object else { throw fail(key, field, "must be an object") }
            func perMillion(_ name: String) throws(CatalogLoadError) -> Decimal? {
                try price(tier[name], key, "\(field).\(name)", scale: CatalogReader.million)
            }
            guard let range = tier["range"], range.kind == .array, range.count == 2,
                  let input = try perMillion("input_cost_per_token") else { continue }
            guard let start = try integer(range.elements[0], key, "\(field).range[0]"),
                  let end = try integer(range.elements[1], key, "\(field).range[1]") else { continue }
            if start < 0 || end <= start {
                throw fail(key, "\(field).range", "must be [start, end] with 0 ≤ start < end, got [\(start), \(end)]")
            }
            tiers.append(InputSizeTier(
                above: start, upTo: end, inputPerMillion: input,
                outputPerMillion: try perMillion("output_cost_per_token"),
                cachedInputPerMillion: try perMillion("cache_read_input_token_cost"),
                cacheWritePerMillion: try perMillion("cache_creation_input_token_cost"),
                reasoningPerMillion: try perMillion("output_cost_per_reasoning_token")))
        }
        return TieredPricing(tiers)
    }

    /// The smallest N among `input_cost_per_token_above_Nk_tokens` keys.
    func longContextThreshold(_ entry: JSONValue) -> Int? {
        let prefix = "input_cost_per_token_above_"
        var best: Int? = nil
        for (key, _) in entry.members where key.hasPrefix(prefix) && key.hasSuffix("k_tokens") {
            let middle = key.dropFirst(prefix.count).dropLast("k_tokens".count)
            // `above` is N × 1000 tokens: an N that would overflow is not a threshold.
            if let n = Int(middle), n > 0, n <= Int.max / 1000 { best = min(best ?? n, n) }
        }
        return best
    }
}
