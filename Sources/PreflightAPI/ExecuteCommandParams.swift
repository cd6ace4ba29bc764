import JSON

/// `workspace/executeCommand`: a command the server advertised and its arguments.
public struct ExecuteCommandParams: Decodable, Equatable {
    /// The command (`preflight.estimate` or `preflight.check`).
    public let command: String
    /// Its arguments, decoded by the command itself (`DocumentCommandArguments`).
    public let arguments: [JSONValue]?
}
