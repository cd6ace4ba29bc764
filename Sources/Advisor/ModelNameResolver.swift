import Foundation

/// Resolves a model name as users type it to one catalog entry, by the rules of
/// docs/CATALOG.md ("Names"), tried in order:
///
/// 1. the curated catalog: the id exactly, then in any case, then `provider/id` whose provider
///    serves that curated id (`openai/gpt-4o`, `anthropic/claude-sonnet-4-5`);
/// 2. the reference layer: the key exactly (`bedrock/us-gov-east-1/…`, `gpt-4o-2024-08-06`),
///    then in any case;
/// 3. the reduced name (`ModelNameIndex.bareName(of:)`): curated entries first; else the
///    reference's entries, narrowed to the provider the name starts with (`bedrock/…`) when it
///    starts with one; among several, the model maker's own entry wins (Anthropic's for
///    `claude-…`, OpenAI's for `gpt-…`) and, among the maker's, the undated one; with no
///    maker's entry, entries that all charge the same are one model; otherwise the name is
///    ambiguous.
///
/// Rule 1 needs only the curated layer, so the common path never loads the reference.
public enum ModelNameResolver {
    /// Rule 1 alone: the curated entry `name` names, or `nil` when the reference must be asked.
    public static func resolveCurated(_ name: String, curated: ModelNameIndex) -> ModelResolution? {
        if let model = curated.exact(name) {
            return ModelResolution(model: model, layer: curated.layer, rule: .exact, requestedName: name)
        }
        if let model = curated.caseInsensitive(name) {
            return ModelResolution(model: model, layer: curated.layer, rule: .caseInsensitive, requestedName: name)
        }
        if let slash = name.firstIndex(of: "/") {
            let provider = name[..<slash].lowercased()
            let rest = String(name[name.index(after: slash)...])
            if let model = curated.caseInsensitive(rest), providerMatches(provider, model: model) {
                return ModelResolution(model: model, layer: curated.layer, rule: .providerPrefix, requestedName: name)
            }
        }
        return nil
    }

    /// All rules; `reference` is `nil` when no reference layer is available.
    ///
    /// - Throws: `ModelNameError.ambiguous` for a name with several differently priced entries
    ///   and no maker's own; `.unknown` (with up to five nearest names) for a name nothing matches.
    public static func resolve(_ name: String, curated: ModelNameIndex,
                               reference: ModelNameIndex?) throws(ModelNameError) -> ModelResolution {
        if let found = resolveCurated(name, curated: curated) { return found }
        if let reference {
            if let model = reference.exact(name) {
                return ModelResolution(model: model, layer: .reference, rule: .exact, requestedName: name)
            }
            if let model = reference.caseInsensitive(name) {
                return ModelResolution(model: model, layer: .reference, rule: .caseInsensitive, requestedName: name)
            }
        }
        let bare = ModelNameIndex.bareName(of: name)
        let hint = providerHint(name)
        for index in [curated, reference].compactMap({ $0 }) {
            var entries = index.entries(bareName: bare)
            var route = hint
            if let hint {
                let narrowed = entries.filter { providerMatches(hint, model: $0) }
                // A route the layer does not have (`openrouter/…` when the reference has no such
                // entry) says which model, not whose price: the maker's rule decides then.
                if !narrowed.isEmpty { entries = narrowed } else if index.layer == .curated { entries = [] } else { route = nil }
            }
            guard !entries.isEmpty else { continue }
            return try choose(among: entries, name: name, bare: bare, layer: index.layer, hint: route)
        }
        throw .unknown(name: name, suggestions: suggestions(for: name, in: [curated, reference].compactMap { $0 }))
    }

    /// The one entry of several with the same reduced name.
    static func choose(among entries: [CatalogModel], name: String, bare: String, layer: CatalogLayer,
                       hint: String?) throws(ModelNameError) -> ModelResolution {
        func undatedFirst(_ models: [CatalogModel]) -> [CatalogModel] {
            models.enumerated().sorted { a, b in
                let aUndated = a.element.id.lowercased() == bare, bUndated = b.element.id.lowercased() == bare
                if aUndated != bUndated { return aUndated }
                if a.element.id.count != b.element.id.count { return a.element.id.count < b.element.id.count }
                return a.offset < b.offset
            }.map(\.element)
        }
        if entries.count == 1 {
            return ModelResolution(model: entries[0], layer: layer, rule: .sameModel, requestedName: name)
        }
        let makers = firstPartyProviders(forBareName: bare)
        let own = entries.filter { makers.contains($0.provider) }
        if !own.isEmpty, hint == nil || makers.contains(hint!) || own.count == entries.count {
            let chosen = undatedFirst(own)[0]
            return ModelResolution(model: chosen, layer: layer, rule: .firstParty, requestedName: name,
                                   passedOver: entries.filter { !makers.contains($0.provider) }.map(\.id))
        }
        let ordered = undatedFirst(entries)
        let prices = Set(ordered.map { PriceKey($0) })
        if prices.count == 1 {
            return ModelResolution(model: ordered[0], layer: layer, rule: .sameModel, requestedName: name,
                                   passedOver: ordered.dropFirst().map(\.id))
        }
        throw .ambiguous(name: name, candidates: Array(ordered.prefix(10).map(\.id)), total: ordered.count)
    }

    /// The prices that make two entries "the same model" for the ambiguity rule.
    struct PriceKey: Hashable {
        let input: Decimal, output: Decimal, cached: Decimal?, write: Decimal?
        init(_ model: CatalogModel) {
            input = model.inputPerMillion
            output = model.outputPerMillion
            cached = model.cachedInputPerMillion
            write = model.cacheWritePerMillion
        }
    }

    /// The provider route a name starts with (`bedrock` in `bedrock/…`), lower-cased.
    static func providerHint(_ name: String) -> String? {
        guard let slash = name.firstIndex(of: "/"), slash != name.startIndex else { return nil }
        return name[..<slash].lowercased()
    }

    /// Whether the route `provider` serves `model`: its LiteLLM provider is it or starts with it
    /// (`bedrock` → `bedrock_converse`, `vertex_ai` → `vertex_ai-anthropic_models`), or its key
    /// starts with `provider/`; the model maker's name serves the maker's entries.
    static func providerMatches(_ provider: String, model: CatalogModel) -> Bool {
        let own = model.provider.lowercased()
        if own == provider || own.hasPrefix(provider + "_") || own.hasPrefix(provider + "-") { return true }
        if model.id.lowercased().hasPrefix(provider + "/") { return true }
        let bare = ModelNameIndex.bareName(of: model.id)
        return makerNames[provider].map { firstPartyProviders(forBareName: bare) == $0 && $0.contains(own) } ?? false
    }

    /// A maker's name as users put it before a model (`google/gemini-…`) → its first-party providers.
    static let makerNames: [String: Set<String>] = [
        "anthropic": ["anthropic"], "openai": ["openai"], "google": ["gemini", "vertex_ai-language-models", "google"],
        "gemini": ["gemini", "vertex_ai-language-models", "google"], "mistral": ["mistral", "codestral"],
        "mistralai": ["mistral", "codestral"], "deepseek": ["deepseek"], "xai": ["xai"], "x-ai": ["xai"],
        "cohere": ["cohere_chat"], "meta": ["meta_llama"], "meta-llama": ["meta_llama"], "qwen": ["dashscope"],
        "moonshotai": ["moonshot"], "moonshot": ["moonshot"], "z-ai": ["zai"], "zai": ["zai"],
        "perplexity": ["perplexity"], "minimax": ["minimax"], "ai21": ["ai21"], "amazon": ["amazon_nova"],
    ]

    /// The LiteLLM providers that are the model maker's own service for a reduced name
    /// (`claude-…` → `anthropic`); empty when the maker is not known.
    public static func firstPartyProviders(forBareName bare: String) -> Set<String> {
        for (prefixes, providers) in makers where prefixes.contains(where: { bare.hasPrefix($0) }) {
            return providers
        }
        return []
    }

    static let makers: [([String], Set<String>)] = [
        (["claude"], ["anthropic"]),
        (["gpt-", "gpt4", "o1", "o3", "o4", "chatgpt", "codex", "computer-use"], ["openai"]),
        // `google` is the curated catalog's provider name for Gemini models.
        (["gemini", "gemma"], ["gemini", "vertex_ai-language-models", "google"]),
        (["mistral", "mixtral", "magistral", "devstral", "ministral", "pixtral", "open-mistral", "open-mixtral"], ["mistral"]),
        (["codestral"], ["mistral", "codestral"]),
        (["deepseek"], ["deepseek"]),
        (["grok"], ["xai"]),
        (["command", "c4ai"], ["cohere_chat"]),
        (["qwen", "qwq"], ["dashscope"]),
        (["kimi", "moonshot"], ["moonshot"]),
        (["glm"], ["zai"]),
        (["sonar"], ["perplexity"]),
        (["llama"], ["meta_llama"]),
        (["minimax"], ["minimax"]),
        (["jamba"], ["ai21"]),
        (["nova"], ["amazon_nova"]),
    ]

    /// Up to five names nearest to `name` (edit distance on lower-cased names; names containing
    /// it, or its reduced form, first).
    public static func suggestions(for name: String, in indices: [ModelNameIndex], limit: Int = 5) -> [String] {
        let typed = Array(name.lowercased().utf8)
        let bare = ModelNameIndex.bareName(of: name)
        var scored: [(score: Int, id: String)] = []
        var seen = Set<String>()
        for index in indices {
            for model in index.catalog.models where seen.insert(model.id).inserted {
                let lowered = model.id.lowercased()
                let containment = lowered.contains(bare) || (lowered.count >= 3 && bare.contains(lowered)) ? 0 : 1
                let distance = editDistance(typed, Array(lowered.utf8), bound: 12)
                scored.append((containment * 1000 + distance * 10 + min(9, abs(lowered.count - typed.count)), model.id))
            }
        }
        let best = scored.sorted { $0.score != $1.score ? $0.score < $1.score : $0.id < $1.id }.prefix(limit)
        // A suggestion is useful only when it is close: drop ones needing more edits than half the name.
        return best.filter { $0.score < 1000 || ($0.score - 1000) / 10 <= max(3, typed.count / 2) }.map(\.id)
    }

    /// Levenshtein distance of two byte strings, stopping at `bound`.
    static func editDistance(_ a: [UInt8], _ b: [UInt8], bound: Int) -> Int {
        if abs(a.count - b.count) >= bound { return bound }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...max(1, a.count) where !a.isEmpty {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...max(1, b.count) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum >= bound { return bound }
            swap(&previous, &current)
        }
        return a.isEmpty ? b.count : min(previous[b.count], bound)
    }
}
