import JSON

/// The `id` of a JSON-RPC request, typed, so pending and outgoing requests are keyed by value
/// rather than by a serialised string (as rust-analyzer's `lsp-server` `RequestId`).
///
/// JSON-RPC 2.0 allows a string, a number or null. Integers and strings are what clients send;
/// reals and null are accepted too and echoed exactly as they came: `json` rebuilds the same
/// Jansson value, which serialises to the same bytes. An integer and a real are different ids
/// even when equal in value (`1` is not `1.0`), as they were when ids were compared as text.
public enum RequestID: Hashable, Sendable, CustomStringConvertible {
    /// An integer id (Jansson's 64-bit `json_int_t`).
    case integer(Int)
    /// A string id.
    case string(String)
    /// A number with a fraction or an exponent; written back with at most 15 significant digits.
    case real(Double)
    /// `"id": null` — valid JSON-RPC, never cancellable (a cancel must name a string or number).
    case null

    /// The id of a JSON value, or nil when the value cannot be an id (an object, array or bool).
    public init?(_ value: JSONValue) {
        switch value.kind {
        case .integer:
            guard let integer = value.intValue else { return nil }
            self = .integer(integer)
        case .string:
            guard let string = value.stringValue else { return nil }
            self = .string(string)
        case .real:
            guard let real = value.doubleValue else { return nil }
            self = .real(real)
        case .null:
            self = .null
        default:
            return nil
        }
    }

    /// The id as JSON, for the reply's `id` member.
    public var json: JSONValue {
        switch self {
        case .integer(let integer): return .integer(integer)
        case .string(let string): return .string(string)
        case .real(let real): return .real(real)
        case .null: return .null()
        }
    }

    /// The id as it appears on the wire (for logs).
    public var description: String { json.serializedString }
}
