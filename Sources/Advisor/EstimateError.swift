/// Why an estimate could not be made, with the request field at fault (relative to `params`)
/// and the JSON-RPC error class the server should answer with.
public struct EstimateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The error class.
    public enum Code: Sendable, Equatable {
        /// Bad or inconsistent parameters: JSON-RPC -32602.
        case invalidParams
        /// Valid parameters, but no catalog model satisfies them: also -32602, since changing the
        /// constraints is the fix.
        case noModelFits
    }

    /// What kept the models out when no model fits. (An input too long for every context window
    /// is not an error: the estimate says so in `noFit`.)
    public enum NoFitCause: Sendable, Equatable {
        /// The output the caller stated exceeds every model's maximum output or the room its
        /// context window leaves (`field` is the stated output's).
        case outputExceedsMaximum
        /// No model passes the provider/reasoning constraints at all.
        case constraints
    }

    /// The field at fault, e.g. `model`, `constraints.providers`, `cachedInputTokens`.
    public let field: String
    /// The error class.
    public let code: Code
    /// What is wrong, naming the offending value.
    public let message: String

    /// For `.noModelFits`: why, as a type.
    public let noFitCause: NoFitCause?

    /// Creates an error.
    public init(field: String, code: Code, message: String, noFitCause: NoFitCause? = nil) {
        self.field = field
        self.code = code
        self.message = message
        self.noFitCause = noFitCause
    }

    /// `field: message`.
    public var description: String { "\(field): \(message)" }
}
