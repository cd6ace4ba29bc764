import Documents
import JSON

/// One code lens: a range and the command whose title the editor shows there.
public struct CodeLensResult: Encodable, Equatable {
    /// LSP's `Command`.
    public struct Command: Encodable, Equatable {
        /// What the editor shows (`1,234 tok · standard → gpt-4.1-mini · 0.0031 credits`).
        public let title: String
        /// Run when the lens is clicked (`preflight.estimate`).
        public let command: String
        /// The command's arguments (`[{uri}]`).
        public let arguments: [JSONValue]

        /// A command.
        public init(title: String, command: String, arguments: [JSONValue]) {
            self.title = title
            self.command = command
            self.arguments = arguments
        }
    }

    /// Where the lens sits (line 1).
    public let range: TextRange
    /// Its command.
    public let command: Command

    /// A lens.
    public init(range: TextRange, command: Command) {
        self.range = range
        self.command = command
    }
}
