import JSON
/// A JSON-RPC error reply's contents: code, message and the structured `data` Preflight adds.
///
/// Handlers throw it; the connection turns it into `{"code", "message", "data"}`. For invalid
/// params `field` is the path of the offending value (`"params.text"`,
/// `"params.messages[2].content"`), so a client can point at it without parsing the message.
/// Other details are strings (`file`, `model`) or integers (`line`, `column`), each written as
/// its own JSON type so a client reads a line number as a number.
public struct JSONRPCError: Error, Sendable, Equatable {
    /// The error code.
    public let code: JSONRPCErrorCode
    /// One sentence a person can act on.
    public let message: String
    /// The path of the offending field, written as `error.data.field`.
    public let field: String?
    /// Further string details written into `error.data` (e.g. `file`, `model`).
    public let details: [String: String]
    /// Further integer details written into `error.data` as JSON numbers (e.g. `line`, `column`).
    public let integerDetails: [String: Int]

    /// Creates an error.
    public init(_ code: JSONRPCErrorCode, _ message: String, field: String? = nil, details: [String: String] = [:],
                integerDetails: [String: Int] = [:]) {
        self.code = code
        self.message = message
        self.field = field
        self.details = details
        self.integerDetails = integerDetails
    }

    /// -32602 naming the field; the shape every parameter check uses.
    public static func invalidParams(_ message: String, field: String) -> JSONRPCError {
        JSONRPCError(.invalidParams, message, field: field)
    }

    /// The same error with another message (code, field and every detail kept).
    public func withMessage(_ message: String) -> JSONRPCError {
        JSONRPCError(code, message, field: field, details: details, integerDetails: integerDetails)
    }

    /// The `error` object as JSON; `data`'s members in name order, `field` first.
    public func json() -> JSONValue {
        let object = JSONValue.object(["code": .integer(code.rawValue), "message": .string(message)])
        if field != nil || !details.isEmpty || !integerDetails.isEmpty {
            let data = JSONValue.object()
            if let field { data["field"] = .string(field) }
            for key in Set(details.keys).union(integerDetails.keys).sorted() {
                if let integer = integerDetails[key] {
                    data[key] = .integer(integer)
                } else if let string = details[key] {
                    data[key] = .string(string)
                }
            }
            object["data"] = data
        }
        return object
    }
}
