import Tokenizers

/// Which tokenizer counts a model's tokens, inferred from its provider and name — for catalogs
/// (LiteLLM files) that do not say.
///
/// OpenAI's gpt-4o, gpt-4.1, gpt-4.5, gpt-5.x/6.x, o-series, gpt-oss and codex models use
/// `o200k_base`; older gpt-4 and gpt-3.5 models `cl100k_base`. Other models map to their
/// family (`claude`, `gemini`, `llama`, `mistral`, `deepseek`, `grok`, `qwen`, `kimi`) by name,
/// then by provider, and the family to the model's own tokenizer by `ModelTokenizerRules`
/// (`qwen` → `qwen2` for Qwen3, `claude` → `claude-4.7` for Opus 4.7, …); anything else is
/// counted by the vocabulary-free `estimator`.
public enum TokenizerInference {
    /// The name used when nothing is known: the vocabulary-free estimator.
    public static let fallback = TokenizerID.estimator

    /// The families without a public vocabulary, estimated under their own name, with the
    /// markers in model names that identify them.
    static let families: [(TokenizerID, [String])] = [
        ("claude", ["claude"]),
        ("gemini", ["gemini", "gemma", "learnlm"]),
        ("llama", ["llama"]),
        ("mistral", ["mistral", "mixtral", "codestral", "ministral", "magistral", "devstral", "pixtral", "voxtral"]),
        ("deepseek", ["deepseek"]),
        ("grok", ["grok"]),
        ("qwen", ["qwen", "qwq"]),
        ("kimi", ["kimi", "moonshot"]),
    ]

    /// Every tokenizer name a catalog may give a model: the registered ones (the exact encodings,
    /// the estimated families, `estimator`) and the family names the rules resolve per model.
    /// Any other name is a mistake — it would be counted by the generic estimator without a word.
    public static let knownTokenizers: [TokenizerID] = {
        var names = TokenizerRegistration.builtIn.map(\.id)
        for family in families.map(\.0) + ModelTokenizerRules.families where !names.contains(family) {
            names.append(family)
        }
        return names
    }()

    /// The tokenizer for `model` served by `provider`: its encoding, or its family resolved for
    /// this model by `ModelTokenizerRules`.
    public static func tokenizer(provider: String, model: String) -> TokenizerID {
        ModelTokenizerRules.resolve(family(provider: provider, model: model), provider: provider, model: model)
    }

    /// The encoding or family name of `model` served by `provider`, before per-model resolution.
    public static func family(provider: String, model: String) -> TokenizerID {
        let name = model.lowercased()
        let base = name.split(separator: "/").last.map(String.init) ?? name
        let bytes = Array(name.utf8)
        func has(_ marker: String) -> Bool { contains(bytes, marker) }
        let o200kMarkers = ["gpt-4o", "gpt-4.1", "gpt-4.5", "gpt-5", "gpt-6", "gpt-oss", "chatgpt-4o", "codex",
                            "computer-use", "gpt-realtime", "gpt-audio"]
        if o200kMarkers.contains(where: has) { return .o200kBase }
        if isOSeries(base) { return .o200kBase }
        if has("gpt-4") || has("gpt-3.5") || has("gpt-35") { return .cl100kBase }
        // The model's own name first (the last path component), then the whole key: a
        // `qwencloud/kimi-k2` is Kimi, an `ollama/mistral-7b` Mistral, not Qwen or Llama.
        let baseBytes = Array(base.utf8)
        for (family, markers) in families where markers.contains(where: { contains(baseBytes, $0) }) {
            return family
        }
        // Zhipu's GLM on Qwen's platforms (`qwencloud/glm-5.1`): the path's "qwen" must not claim it.
        if contains(baseBytes, "glm-") || contains(baseBytes, "chatglm") { return fallback }
        for (family, markers) in families where markers.contains(where: has) {
            return family
        }
        let providers: [String: TokenizerID] = [
            "anthropic": "claude", "gemini": "gemini", "vertex_ai-language-models": "gemini", "xai": "grok",
            "mistral": "mistral", "deepseek": "deepseek", "openai": .o200kBase, "azure": .o200kBase,
            "moonshot": "kimi", "dashscope": "qwen",
        ]
        return providers[provider.lowercased()] ?? fallback
    }

    /// Whether `haystack` (UTF-8) contains `needle`'s UTF-8 bytes. A plain byte search: with
    /// Foundation in the module, `String.contains` resolves to a CFString search that made
    /// inference most of the time of loading LiteLLM's 4,552-entry file.
    static func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, haystack.count >= pattern.count else { return pattern.isEmpty }
        for start in 0...(haystack.count - pattern.count) where haystack[start] == pattern[0] {
            var i = 1
            while i < pattern.count && haystack[start + i] == pattern[i] { i += 1 }
            if i == pattern.count { return true }
        }
        return false
    }

    /// `o1`, `o3-mini`, `o4-mini-2025-04-16`…: "o", a digit, then the end or a dash.
    static func isOSeries(_ name: String) -> Bool {
        let chars = Array(name)
        guard chars.count >= 2, chars[0] == "o", chars[1].isNumber else { return false }
        return chars.count == 2 || chars[2] == "-"
    }
}
