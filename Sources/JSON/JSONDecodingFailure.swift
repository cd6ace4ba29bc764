/// Why a value could not be decoded, with the full path of the offending value.
///
/// The JSON-RPC edge turns it into a -32602 reply whose `error.data.field` is `path` and whose
/// message is `message`; the command line prints the message. Decodable types that validate a
/// value themselves (a range, a choice) throw `DecodingError.dataCorrupted` with a debug
/// description that completes the sentence ("must be at least 1"), and the decoder prefixes the
/// path.
public struct JSONDecodingFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The full path of the offending value (`params.budget.balance`).
    public let path: String
    /// One sentence naming the path and what is wrong.
    public let message: String

    /// Creates a failure.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// Maps Swift's `DecodingError` (thrown by a type's own checks) to a failure under `root`.
    init(_ error: DecodingError, root: String) {
        let context: DecodingError.Context
        switch error {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c), .dataCorrupted(let c):
            context = c
        @unknown default:
            self.init(path: root, message: "\(root): \(error)")
            return
        }
        var codingPath = context.codingPath
        if case .keyNotFound(let key, _) = error { codingPath.append(key) }
        let path = JSONPath.render(root: root, codingPath: codingPath)
        switch error {
        case .keyNotFound, .valueNotFound:
            self.init(path: path, message: "\(path) is required")
        default:
            let description = context.debugDescription
            self.init(path: path, message: "\(path) \(description)")
        }
    }

    /// The message.
    public var description: String { message }
}
