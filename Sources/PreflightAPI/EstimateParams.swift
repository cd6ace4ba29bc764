import Advisor
import JSON

/// `preflight/estimate`'s params (and the estimate fields of `preflight/check`), one `Decodable`
/// shape for the server, the command line and the tests.
///
/// Every mistake is a failure naming the full path of the offending value; the members are read
/// in the order below, so when several are wrong the first one listed is reported.
public struct EstimateParams: Decodable, Sendable, Equatable {
    /// The largest integer any parameter may have (2⁴⁰, about 10¹²: far beyond any context window
    /// or budget in tokens), so sums of several parameters can never overflow `Int`.
    public static let maxInteger = 1 << 40

    /// The prompt or chat to estimate.
    public var input: EstimateRequest.Input
    /// The model to price; absent, the advisor recommends one.
    public var model: String?
    /// Output tokens the caller expects (replaces the projection).
    public var expectedOutputTokens: Int?
    /// Cap on output tokens.
    public var maxOutputTokens: Int?
    /// Input tokens read from the provider's cache.
    public var cachedInputTokens: Int?
    /// Input tokens written to the cache.
    public var cacheWriteTokens: Int?
    /// Reasoning tokens expected.
    public var reasoningTokens: Int?
    /// Batch, flex or priority pricing.
    public var serviceTier: ServiceTier?
    /// Limits on the recommendation.
    public var constraints: RoutingConstraints?

    /// Params built in code (the command line).
    public init(input: EstimateRequest.Input, model: String? = nil, expectedOutputTokens: Int? = nil,
                maxOutputTokens: Int? = nil, cachedInputTokens: Int? = nil, cacheWriteTokens: Int? = nil,
                reasoningTokens: Int? = nil, serviceTier: ServiceTier? = nil, constraints: RoutingConstraints? = nil) {
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

    enum CodingKeys: String, CodingKey {
        case prompt, messages, model, expectedOutputTokens, maxOutputTokens, cachedInputTokens, cacheWriteTokens
        case reasoningTokens, serviceTier, constraints
    }

    /// Reads the params; see the type's documentation for the order.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        input = try Self.input(container)
        model = try container.decodeIfPresent(String.self, forKey: .model)
        let counts = 0...Self.maxInteger
        expectedOutputTokens = try container.decodeIfPresent(Int.self, forKey: .expectedOutputTokens, in: counts)
        maxOutputTokens = try container.decodeIfPresent(Int.self, forKey: .maxOutputTokens, in: 1...Self.maxInteger)
        cachedInputTokens = try container.decodeIfPresent(Int.self, forKey: .cachedInputTokens, in: counts)
        cacheWriteTokens = try container.decodeIfPresent(Int.self, forKey: .cacheWriteTokens, in: counts)
        reasoningTokens = try container.decodeIfPresent(Int.self, forKey: .reasoningTokens, in: counts)
        serviceTier = try container.decodeChoiceIfPresent(ServiceTier.self, forKey: .serviceTier)
        constraints = try container.decodeIfPresent(RoutingConstraintsParams.self, forKey: .constraints)?.constraints
    }

    /// Exactly one of `prompt` (a string) and `messages` (at least one chat message).
    static func input(_ container: KeyedDecodingContainer<CodingKeys>) throws -> EstimateRequest.Input {
        let hasPrompt = try !container.decodeNil(forKey: .prompt)
        let hasMessages = try !container.decodeNil(forKey: .messages)
        switch (hasPrompt, hasMessages) {
        case (true, true):
            throw JSONFieldProblem(codingPath: container.codingPath, key: CodingKeys.messages,
                                   sentence: "give either params.prompt or params.messages, not both")
        case (false, false):
            throw JSONFieldProblem(codingPath: container.codingPath, key: CodingKeys.prompt,
                                   sentence: "params.prompt (a string) or params.messages (chat messages) is required")
        case (true, false):
            return .prompt(try container.decode(String.self, forKey: .prompt))
        case (false, true):
            let messages = try container.decode([ChatMessageParams].self, forKey: .messages)
            if messages.isEmpty {
                throw DecodingError.dataCorruptedError(forKey: .messages, in: container,
                                                       debugDescription: "must hold at least one message")
            }
            return .messages(messages.map(\.message))
        }
    }

    /// The advisor's request; `defaultModel` is priced when the params name no `model`.
    public func request(defaultModel: String?) -> EstimateRequest {
        EstimateRequest(input: input, model: model ?? defaultModel, expectedOutputTokens: expectedOutputTokens,
                        maxOutputTokens: maxOutputTokens, cachedInputTokens: cachedInputTokens ?? 0,
                        cacheWriteTokens: cacheWriteTokens ?? 0, reasoningTokens: reasoningTokens ?? 0,
                        serviceTier: serviceTier ?? .standard, constraints: constraints ?? .none)
    }
}
