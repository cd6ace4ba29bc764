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

    /// The field at fault, e.g. `model`, `constraints.providers`, `cachedInputTokens`.
    public let field: String
    /// The error class.
    public let code: Code
    /// What is wrong, naming the offending value.
    public let message: String

    /// Creates an error.
    public init(field: String, code: Code, message: String) {
        self.field = field
        self.code = code
        self.message = message
    }

    /// `field: message`.
    public var description: String { "\(field): \(message)" }
}
