import JSON

/// An error reply the client sent to one of the server's own requests (LSP's `ResponseError`).
///
/// The client's codes are not limited to the ones Preflight sends (LSP adds -32803
/// RequestFailed, -32801 ContentModified, …), so the code is a plain integer. `data` is kept as
/// its JSON text: an error is `Sendable` and a `JSONValue` is not.
public struct ResponseError: Error, Sendable, Equatable {
    /// The client's error code.
    public let code: Int
    /// The client's message.
    public let message: String
    /// `error.data` serialised, when the client sent one.
    public let data: String?

    /// Creates an error reply's contents.
    public init(code: Int, message: String, data: String? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    /// Reads an `error` member; a malformed one becomes -32603 saying what was wrong, so the
    /// request's completion still runs (a handler waiting on it must always hear back).
    init(json error: JSONValue) {
        guard error.kind == .object, let code = error["code"]?.intValue else {
            self.init(code: JSONRPCErrorCode.internalError.rawValue,
                      message: "malformed error reply from the client: \(error.serializedString)")
            return
        }
        self.init(code: code, message: error["message"]?.stringValue ?? "", data: error["data"]?.serializedString)
    }
}
