/// `window/showMessage`: tells the person at the editor something (a setting that was refused).
public struct ShowMessageParams: Codable, Sendable, Equatable {
    /// LSP's `MessageType`.
    public enum Kind: Int, Codable, Sendable {
        /// An error.
        case error = 1
        /// A warning.
        case warning = 2
        /// Information.
        case info = 3
    }

    /// How serious.
    public let type: Kind
    /// The message.
    public let message: String

    /// A message.
    public init(type: Kind, message: String) {
        self.type = type
        self.message = message
    }
}
