import JSON
/// One JSON-RPC message from the client, classified and validated.
///
/// Validation follows JSON-RPC 2.0 §4–5: an object with `"jsonrpc": "2.0"`, a string `method`,
/// `params` (when present) an object or array — `null` is read as absent because LSP clients
/// such as Emacs send it — and an `id` that is a string, a number or null. A client's replies
/// (objects with `result` or `error`) are recognised so they complete the server's own
/// requests rather than being answered.
public enum IncomingMessage {
    /// A call expecting a reply with the same `id`.
    case request(id: RequestID, method: String, params: JSONValue?)
    /// A call without `id`: never answered, not even with an error.
    case notification(method: String, params: JSONValue?)
    /// A reply from the client to a server-to-client request: its `result`, or its `error`.
    case response(id: RequestID, outcome: Result<JSONValue, ResponseError>)
    /// Not a valid request; answer -32600 with `id` when one could be read, else null.
    case invalid(id: RequestID?, reason: String)
    /// A request (`id` set) or notification (`id` nil) whose params hold a number Jansson cannot
    /// (`JSONOutOfRangeNumbers`): the handler never sees the params; a request is answered
    /// `problem` (-32602 at the number's path) unless the lifecycle or the method lookup refuses
    /// it first, a notification is dropped.
    case unreadableParams(id: RequestID?, method: String, problem: JSONRPCError)

    /// Classifies an element whose params held `outOfRange` (paths relative to the element,
    /// all under `params`): a request or notification becomes `unreadableParams` naming the
    /// first such number; anything else is classified as usual.
    public static func classify(_ value: JSONValue, outOfRange: [JSONOutOfRangeNumbers.Found]) -> IncomingMessage {
        let message = classify(value)
        guard let first = outOfRange.first else { return message }
        let field = JSONPath.render(root: "", components: first.path)
        let shown = first.literal.count > 40
            ? "\(first.literal.prefix(24))… (\(first.literal.count) characters)" : first.literal
        let problem = JSONRPCError.invalidParams(
            "\(field) is out of range: \(shown) does not fit "
                + (first.isInteger ? "a 64-bit integer" : "a double-precision number"),
            field: field)
        switch message {
        case .request(let id, let method, _):
            return .unreadableParams(id: id, method: method, problem: problem)
        case .notification(let method, _):
            return .unreadableParams(id: nil, method: method, problem: problem)
        default:
            return message
        }
    }

    /// Classifies one element (a top-level message or one member of a batch).
    public static func classify(_ value: JSONValue) -> IncomingMessage {
        guard value.kind == .object else {
            return .invalid(id: nil, reason: "a request must be a JSON object")
        }
        let rawID = value["id"]
        let typedID = rawID.flatMap(RequestID.init)
        let idIsValid = rawID == nil || typedID != nil
        guard value["jsonrpc"]?.stringValue == "2.0" else {
            return .invalid(id: typedID, reason: #"the "jsonrpc" member must be exactly "2.0""#)
        }
        guard idIsValid else {
            return .invalid(id: nil, reason: #"the "id" member must be a string, a number or null"#)
        }
        guard let methodValue = value["method"] else {
            if let typedID {
                if let error = value["error"] { return .response(id: typedID, outcome: .failure(ResponseError(json: error))) }
                if let result = value["result"] { return .response(id: typedID, outcome: .success(result)) }
            }
            return .invalid(id: typedID, reason: #"the "method" member is missing"#)
        }
        guard let method = methodValue.stringValue else {
            return .invalid(id: typedID, reason: #"the "method" member must be a string"#)
        }
        var params = value["params"]
        if let given = params {
            switch given.kind {
            case .object, .array: break
            case .null: params = nil
            default:
                return .invalid(id: typedID, reason: #"the "params" member must be an object or an array"#)
            }
        }
        if let typedID {
            return .request(id: typedID, method: method, params: params)
        }
        return .notification(method: method, params: params)
    }
}
