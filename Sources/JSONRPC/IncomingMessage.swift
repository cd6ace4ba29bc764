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
    /// A request (`id` set) or notification (`id` nil) whose params cannot be read as sent — a
    /// number Jansson cannot hold (`JSONOutOfRangeNumbers`), a member named twice
    /// (`JSONDuplicateMembers`): the handler never sees the params; a request is answered
    /// `problem` (-32602 at that member's path) unless the lifecycle or the method lookup refuses
    /// it first, a notification is dropped.
    case unreadableParams(id: RequestID?, method: String, problem: JSONRPCError)

    /// What makes a member of the params unreadable as sent: its path inside the message (under
    /// `params`) and the rest of the sentence after the path.
    public struct UnreadableMember: Sendable, Equatable {
        /// Where it is, from the message (`params`, `maxOutputTokens`).
        public let path: [JSONPathComponent]
        /// What is wrong, completing "params.x …" (`is given twice; …`).
        public let reason: String

        /// A member at `path` and why it cannot be read.
        public init(path: [JSONPathComponent], reason: String) {
            self.path = path
            self.reason = reason
        }

        /// A number Jansson cannot hold.
        public init(_ found: JSONOutOfRangeNumbers.Found) {
            let shown = found.literal.count > 40
                ? "\(found.literal.prefix(24))… (\(found.literal.count) characters)" : found.literal
            self.init(path: found.path, reason: "is out of range: \(shown) does not fit "
                        + (found.isInteger ? "a 64-bit integer" : "a double-precision number"))
        }

        /// A member named twice in one object.
        public init(duplicate path: [JSONPathComponent]) {
            self.init(path: path, reason: "is given twice; which value was meant cannot be known")
        }

        /// The same member seen from inside the element a batch holds it in.
        public func droppingFirstStep() -> UnreadableMember {
            UnreadableMember(path: Array(path.dropFirst()), reason: reason)
        }
    }

    /// Classifies an element whose params hold `unreadable` members (paths relative to the
    /// element, all under `params`): a request or notification becomes `unreadableParams`
    /// naming the first; anything else is classified as usual.
    public static func classify(_ value: JSONValue, unreadable: [UnreadableMember]) -> IncomingMessage {
        let message = classify(value)
        guard let first = unreadable.first else { return message }
        let field = JSONPath.render(root: "", components: first.path)
        let problem = JSONRPCError.invalidParams("\(field) \(first.reason)", field: field)
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
