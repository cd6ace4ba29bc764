import JSON
/// A JSON-RPC error reply's contents: code, message and the structured `data` Preflight adds.
///
/// Handlers throw it; the connection turns it into `{"code", "message", "data"}`. For invalid
/// params `field` is the path of the offending value (`"params.text"`,
/// `"params.messages[2].content"`), so a client can point at it without parsing the message.
public struct JSONRPCError: Error, Sendable, Equatable {
    /// The error code.
    public let code: JSONRPCErrorCode
    /// One sentence a person can act on.
    public let message: String
    /// The path of the offending field, written as `error.data.field`.
    public let field: String?
    /// Further string details written into `error.data` (e.g. `file`, `model`).
    public let details: [String: String]

    /// Creates an error.
    public init(_ code: JSONRPCErrorCode, _ message: String, field: String? = nil, details: [String: String] = [:]) {
        self.code = code
        self.message = message
        self.field = field
        self.details = details
    }

    /// -32602 naming the field; the shape every parameter check uses.
    public static func invalidParams(_ message: String, field: String) -> JSONRPCError {
        JSONRPCError(.invalidParams, message, field: field)
    }

    /// The `error` object as JSON.
    public func json() -> JSONValue {
        let object = JSONValue.object(["code": .integer(code.rawValue), "message": .string(message)])
        if field != nil || !details.isEmpty {
            let data = JSONValue.object()
            if let field { data["field"] = .string(field) }
            for key in details.keys.sorted() { data[key] = .string(details[key]!) }
            object["data"] = data
        }
        return object
    }
}
