/// Which tokenizer counts a model's tokens, inferred from its provider and name — for catalogs
/// (LiteLLM files) that do not say.
///
/// OpenAI's gpt-4o, gpt-4.1, gpt-4.5, gpt-5.x/6.x, o-series, gpt-oss and codex models use
/// `o200k_base`; older gpt-4 and gpt-3.5 models `cl100k_base`. Other models map to their
/// family (`claude`, `gemini`, `llama`, `mistral`, `deepseek`, `grok`, `qwen`, `kimi`) by name,
/// then by provider; anything else is counted by the vocabulary-free `estimator`.
public enum TokenizerInference {
    /// The name used when nothing is known: the vocabulary-free estimator.
    public static let fallback = "estimator"

    /// The tokenizer for `model` served by `provider`.
    public static func tokenizer(provider: String, model: String) -> String {
        let name = model.lowercased()
        let base = name.split(separator: "/").last.map(String.init) ?? name
        let o200kMarkers = ["gpt-4o", "gpt-4.1", "gpt-4.5", "gpt-5", "gpt-6", "gpt-oss", "chatgpt-4o", "codex",
                            "computer-use", "gpt-realtime", "gpt-audio"]
        if o200kMarkers.contains(where: { name.contains($0) }) { return "o200k_base" }
        if isOSeries(base) { return "o200k_base" }
        if name.contains("gpt-4") || name.contains("gpt-3.5") || name.contains("gpt-35") { return "cl100k_base" }
        let families: [(String, [String])] = [
            ("claude", ["claude"]),
            ("gemini", ["gemini", "gemma", "learnlm"]),
            ("llama", ["llama"]),
            ("mistral", ["mistral", "mixtral", "codestral", "ministral", "magistral", "devstral", "pixtral", "voxtral"]),
            ("deepseek", ["deepseek"]),
            ("grok", ["grok"]),
            ("qwen", ["qwen", "qwq"]),
            ("kimi", ["kimi", "moonshot"]),
        ]
        for (family, markers) in families where markers.contains(where: { name.contains($0) }) {
            return family
        }
        let providers: [String: String] = [
            "anthropic": "claude", "gemini": "gemini", "vertex_ai-language-models": "gemini", "xai": "grok",
            "mistral": "mistral", "deepseek": "deepseek", "openai": "o200k_base", "azure": "o200k_base",
            "moonshot": "kimi", "dashscope": "qwen",
        ]
        return providers[provider.lowercased()] ?? fallback
    }

    /// `o1`, `o3-mini`, `o4-mini-2025-04-16`…: "o", a digit, then the end or a dash.
    static func isOSeries(_ name: String) -> Bool {
        let chars = Array(name)
        guard chars.count >= 2, chars[0] == "o", chars[1].isNumber else { return false }
        return chars.count == 2 || chars[2] == "-"
    }
}
