/// The exact encodings Preflight implements, named as tiktoken names them.
///
/// The raw value is the name used on the wire (`tokenizer` in `preflight/countTokens`) and in
/// the vocabulary file name, so callers can parse user input with `EncodingName(rawValue:)`.
public enum EncodingName: String, CaseIterable, Sendable {
    /// GPT-4o, GPT-4.1, GPT-5 and the o-series models.
    case o200kBase = "o200k_base"
    /// GPT-4 and GPT-3.5-turbo.
    case cl100kBase = "cl100k_base"

    /// The vocabulary file in `models/vocab/` (`<name>.tiktoken`, tiktoken's own format).
    public var vocabularyFileName: String { rawValue + ".tiktoken" }

    /// The special tokens and their ids, as tiktoken 0.14 defines them for this encoding.
    ///
    /// They are not in the vocabulary file, so they are part of the code, like in tiktoken.
    public var specialTokens: [(name: String, id: Int)] {
        switch self {
        case .o200kBase:
            return [("<|endoftext|>", 199_999), ("<|endofprompt|>", 200_018)]
        case .cl100kBase:
            return [
                ("<|endoftext|>", 100_257), ("<|fim_prefix|>", 100_258), ("<|fim_middle|>", 100_259),
                ("<|fim_suffix|>", 100_260), ("<|endofprompt|>", 100_276),
            ]
        }
    }
}
