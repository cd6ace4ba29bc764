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

    /// The request as the params state it (`model` is `nil` when the params name none; the
    /// server's default model is applied by `request(defaultModel:)`).
    public var request: EstimateRequest
    /// Whether `constraints` was given.
    public var constrained: Bool
    /// Whether `reasoningTokens` was given.
    public var reasoningTokensGiven: Bool { request.reasoningTokens != nil }

    /// Params built in code (the command line).
    public init(_ request: EstimateRequest) {
        self.request = request
        constrained = request.constraints != .none
    }

    enum CodingKeys: String, CodingKey {
        case prompt, messages, model, expectedOutputTokens, maxOutputTokens, cachedInputTokens, cacheWriteTokens
        case reasoningTokens, serviceTier, constraints
    }

    /// Reads the params; see the type's documentation for the order.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        request = EstimateRequest(input: try Self.input(container))
        request.model = try container.decodeIfPresent(String.self, forKey: .model)
        let counts = 0...Self.maxInteger
        request.expectedOutputTokens = try container.decodeIfPresent(Int.self, forKey: .expectedOutputTokens, in: counts)
        request.maxOutputTokens = try container.decodeIfPresent(Int.self, forKey: .maxOutputTokens, in: 1...Self.maxInteger)
        request.cachedInputTokens = try container.decodeIfPresent(Int.self, forKey: .cachedInputTokens, in: counts) ?? 0
        request.cacheWriteTokens = try container.decodeIfPresent(Int.self, forKey: .cacheWriteTokens, in: counts) ?? 0
        request.reasoningTokens = try container.decodeIfPresent(Int.self, forKey: .reasoningTokens, in: counts)
        request.serviceTier = try container.decodeChoiceIfPresent(ServiceTier.self, forKey: .serviceTier) ?? .standard
        let constraints = try container.decodeIfPresent(RoutingConstraintsParams.self, forKey: .constraints)?.constraints
        constrained = constraints != nil
        request.constraints = constraints ?? .none
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
            return .messages(try ChatMessageParams.messages(container, forKey: .messages))
        }
    }

    /// The advisor's request; `defaultModel` is priced when the params name no `model`.
    public func request(defaultModel: String?) -> EstimateRequest {
        var request = self.request
        request.model = request.model ?? defaultModel
        return request
    }
}
