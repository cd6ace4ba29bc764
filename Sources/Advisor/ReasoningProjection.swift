/// How many hidden reasoning tokens a reasoning model is expected to spend when the caller did
/// not say (`reasoningTokens` absent): a documented default by task kind, with a wide range.
///
/// Reasoning tokens are billed as output but never shown, and providers publish no per-task
/// averages, only guidance on how much to leave room for:
/// - OpenAI's reasoning guide ("Allocating space for reasoning",
///   platform.openai.com/docs/guides/reasoning): reasoning can take "from a few hundred to tens
///   of thousands of tokens", and it advises reserving at least 25,000 tokens for reasoning and
///   output when starting with reasoning models;
/// - Google's thinking guide (ai.google.dev/gemini-api/docs/thinking): Gemini 2.5 Flash's
///   thinking budget runs 0–24,576 tokens, Pro's 128–32,768, dynamic by default;
/// - Anthropic's extended thinking: a budget of at least 1,024 tokens, off unless requested.
///
/// So the high end is OpenAI's 25,000-token reservation for code (the kind that reasons longest)
/// and about half of it or less elsewhere; the point sits in the "few hundred to a few thousand"
/// band the guides describe for everyday requests; the low end is 0, because several models the
/// catalog marks `reasoning: true` (LiteLLM's `supports_reasoning`) reason only when asked
/// (Anthropic, Gemini Flash-Lite). These are priors, not measurements: a caller who knows better
/// passes `reasoningTokens` (0 when reasoning is off), which replaces the default.
///
/// | kind                                   | point | low | high   |
/// |----------------------------------------|-------|-----|--------|
/// | yesNo, label                           | 500   | 0   | 4,000  |
/// | extraction, summary, transformation    | 1,000 | 0   | 8,000  |
/// | explanation, general                   | 1,500 | 0   | 12,000 |
/// | longForm                               | 2,000 | 0   | 12,000 |
/// | code                                   | 4,000 | 0   | 25,000 |
public struct ReasoningProjection: Sendable, Equatable, Codable {
    /// The point estimate of reasoning tokens (after the output cap).
    public let tokens: Int
    /// The short end (after the cap).
    public let low: Int
    /// The long end (after the cap).
    public let high: Int
    /// Always `true` for a projection: the figure is a default, not the caller's; spelled out on
    /// the wire so a client can say so.
    public let isDefault: Bool
    /// How the figure was reached, with the guidance it follows.
    public let basis: String

    enum CodingKeys: String, CodingKey {
        case tokens, low, high, isDefault = "default", basis
    }

    /// Creates a projection; `defaults(for:)` gives the table's values.
    public init(tokens: Int, low: Int, high: Int, isDefault: Bool = true, basis: String) {
        self.tokens = tokens
        self.low = low
        self.high = high
        self.isDefault = isDefault
        self.basis = basis
    }

    /// The uncapped default for a task of `kind`.
    public static func defaults(for kind: TaskKind) -> ReasoningProjection {
        let values: (point: Int, low: Int, high: Int)
        switch kind {
        case .yesNo, .label: values = (500, 0, 4_000)
        case .extraction, .summary, .transformation: values = (1_000, 0, 8_000)
        case .explanation, .general: values = (1_500, 0, 12_000)
        case .longForm: values = (2_000, 0, 12_000)
        case .code: values = (4_000, 0, 25_000)
        }
        return ReasoningProjection(
            tokens: values.point, low: values.low, high: values.high,
            basis: "default for a reasoning model, task kind \(kind.rawValue) "
                + "(\(values.point), range \(values.low)–\(values.high); OpenAI advises reserving about 25,000 "
                + "tokens for reasoning and output); pass reasoningTokens to replace it")
    }

    /// The same projection with every end at most `cap` (the caller's or the model's output limit).
    func capped(at cap: Int) -> ReasoningProjection {
        let limit = max(0, cap)
        guard high > limit else { return self }
        return ReasoningProjection(tokens: min(tokens, limit), low: min(low, limit), high: limit, isDefault: isDefault,
                                   basis: basis + "; capped at \(limit)")
    }
}
