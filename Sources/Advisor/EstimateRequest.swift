/// Everything `preflight/estimate` (and `preflight/check`, minus the budget) takes, already
/// type-checked by the server.
public struct EstimateRequest: Sendable, Equatable {
    /// What is being sent.
    public enum Input: Sendable, Equatable {
        /// A single prompt string.
        case prompt(String)
        /// Chat-format messages.
        case messages([ChatMessage])
    }

    /// The prompt or messages.
    public var input: Input
    /// Price this catalog model instead of recommending one.
    public var model: String?
    /// Use this output length instead of projecting one (reasoning included).
    public var expectedOutputTokens: Int?
    /// Cap for the projected output and its range.
    public var maxOutputTokens: Int?
    /// Input tokens read from the prompt cache.
    public var cachedInputTokens: Int
    /// Input tokens written to the prompt cache.
    public var cacheWriteTokens: Int
    /// Output tokens spent on hidden reasoning, as the caller states them; `nil` when not stated,
    /// in which case a reasoning model's reasoning is projected (`ReasoningProjection`).
    public var reasoningTokens: Int?
    /// Which of the provider's price lists to use.
    public var serviceTier: ServiceTier
    /// What the recommendation must respect.
    public var constraints: RoutingConstraints

    /// Creates a request; only `input` is required.
    public init(input: Input, model: String? = nil, expectedOutputTokens: Int? = nil,
                maxOutputTokens: Int? = nil, cachedInputTokens: Int = 0, cacheWriteTokens: Int = 0,
                reasoningTokens: Int? = nil, serviceTier: ServiceTier = .standard,
                constraints: RoutingConstraints = .none) {
        self.input = input
        self.model = model
        self.expectedOutputTokens = expectedOutputTokens
        self.maxOutputTokens = maxOutputTokens
        self.cachedInputTokens = cachedInputTokens
        self.cacheWriteTokens = cacheWriteTokens
        self.reasoningTokens = reasoningTokens
        self.serviceTier = serviceTier
        self.constraints = constraints
    }

    /// The stated reasoning tokens, 0 when none were stated.
    public var statedReasoningTokens: Int { reasoningTokens ?? 0 }
}
