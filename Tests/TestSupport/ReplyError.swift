/// A reply's `error`: code, message, and the details Preflight writes in `data` (`field`, the
/// path of the offending parameter; `file`, `model`, `catalogField` and the numbers `line`,
/// `column` for a catalog that failed to load).
public struct ReplyError: Decodable, Equatable {
    /// The error code.
    public let code: Int
    /// The sentence the server wrote.
    public let message: String
    /// `data`'s members, when there is a `data`.
    public let data: ReplyErrorData?

    /// Creates an error's contents.
    public init(code: Int, message: String, data: [String: String]?) {
        self.code = code
        self.message = message
        self.data = data.map { ReplyErrorData(strings: $0) }
    }
}
