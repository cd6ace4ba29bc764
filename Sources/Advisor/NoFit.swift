/// Why the priced model cannot take this request: its input does not fit the model's context
/// window (with room left for output).
///
/// An estimate still answers in that case, so the caller learns the token count: when no
/// catalog model (within the constraints) can hold the input, `recommendation` is `nil` and the
/// model priced is the one with the largest context window; when the caller named the model,
/// that model is priced. Either way the cost is what the request would cost if the model took
/// it, and `preflight/check` refuses it with `reason`.
public struct NoFit: Sendable, Equatable, Codable {
    /// One sentence naming the input's size, the model and its context window (for no model at
    /// all: the largest context window there is).
    public let reason: String
    /// The model whose window was compared (the largest one when no model fits).
    public let model: String
    /// That model's context window, in tokens.
    public let contextWindow: Int
    /// The input, in that model's tokenizer.
    public let inputTokens: Int
    /// Whether no model the request may use can hold the input (as opposed to only the model
    /// the caller named).
    public let noModelCanHoldIt: Bool

    /// Creates the record; the planner is the producer.
    public init(reason: String, model: String, contextWindow: Int, inputTokens: Int, noModelCanHoldIt: Bool) {
        self.reason = reason
        self.model = model
        self.contextWindow = contextWindow
        self.inputTokens = inputTokens
        self.noModelCanHoldIt = noModelCanHoldIt
    }
}
