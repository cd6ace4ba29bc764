/// A token usage the cost rules cannot price, naming the request field at fault so the server
/// can answer -32602 with `error.data.field`.
public struct CostModelError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The request field, relative to `params` (`cachedInputTokens`, `reasoningTokens`, …).
    public let field: String
    /// What is wrong.
    public let message: String

    /// Creates an error.
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    /// `field: message`.
    public var description: String { "\(field): \(message)" }
}
