/// `$/progress` with a work-done value: begin and end of a load the editor should show.
public struct WorkDoneProgressParams: Codable, Sendable, Equatable {
    /// LSP's `WorkDoneProgressBegin` / `WorkDoneProgressEnd`.
    public struct Value: Codable, Sendable, Equatable {
        /// `begin` or `end`.
        public let kind: String
        /// The title (begin only).
        public let title: String?
        /// What is happening.
        public let message: String?
        /// Whether the client may cancel (never: loads are short and not interruptible).
        public let cancellable: Bool?

        /// `begin` with a title and message.
        public static func begin(title: String, message: String) -> Value {
            Value(kind: "begin", title: title, message: message, cancellable: false)
        }

        /// `end`, with what happened.
        public static func end(message: String) -> Value {
            Value(kind: "end", title: nil, message: message, cancellable: nil)
        }
    }

    /// The token the client created (`window/workDoneProgress/create`).
    public let token: String
    /// Begin or end.
    public let value: Value

    /// Progress on `token`.
    public init(token: String, value: Value) {
        self.token = token
        self.value = value
    }
}
