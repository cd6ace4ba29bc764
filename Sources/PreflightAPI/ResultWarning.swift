/// One entry of a method result's `warnings`: what the caller may want to fix, and the
/// parameter it is about.
///
/// Every custom method's result carries `warnings: [{field?, message}]`, so a client shows them
/// the same way whatever the method: members of the params the server ignored (`params.max_tokens
/// is not a parameter of preflight/estimate; did you mean maxOutputTokens?` — clients may send
/// extra members, so they are reported, not refused) and the advisor's notes on a figure (a model
/// scheduled for deprecation, content parts not counted, a catalog dated in the future), which
/// name no parameter. Its `description` is the message, so text built by interpolation reads as
/// before `warnings` held objects.
public struct ResultWarning: Codable, Sendable, Equatable, CustomStringConvertible {
    /// The full path of the parameter it is about (`params.max_tokens`); absent when it
    /// concerns no parameter.
    public let field: String?
    /// One sentence a person can act on.
    public let message: String

    /// Creates a warning.
    public init(field: String? = nil, message: String) {
        self.field = field
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
