import Documents

/// The first argument of `preflight.estimate` and `preflight.check`: which open document, and
/// optionally which part of it and which budget.
public struct DocumentCommandArguments: Decodable, Sendable, Equatable {
    /// The open document.
    public let uri: String
    /// Only this range of it (an editor's selection); the whole document when absent.
    public let range: TextRange?
    /// The budget for `preflight.check` (the `budget` setting when absent).
    public let budget: BudgetParams?
    /// The model to price instead of the default or recommended one.
    public let model: String?
}
