import JSONRPC
import JSON

/// Reads typed fields out of a request's `params`, turning every mistake into a -32602 whose
/// `error.data.field` is the full path of the offending value (`params.budget.balance`,
/// `params.messages[1].content`).
///
/// Handlers read through this instead of poking at `JSONValue`, so every method reports bad
/// input the same way and never crashes on it.
public struct ParamsReader {
    /// The object being read (`nil` when params were absent or `null`).
    public let value: JSONValue?
    /// The path of `value`, e.g. `params` or `params.budget`.
    public let path: String

    /// Reads a request's top-level params; a non-object is -32602 on `params`.
    public init(params: JSONValue?) throws(JSONRPCError) {
        if let params, params.kind != .object {
            throw .invalidParams("params must be an object", field: "params")
        }
        self.value = params
        self.path = "params"
    }

    init(value: JSONValue?, path: String) {
        self.value = value
        self.path = path
    }

    /// The path of a member.
    public func field(_ key: String) -> String { "\(path).\(key)" }

    /// Whether the member is present and not `null`.
    public func has(_ key: String) -> Bool {
        guard let member = value?[key] else { return false }
        return !member.isNull
    }

    /// A member, treating `null` as absent.
    public func raw(_ key: String) -> JSONValue? {
        guard let member = value?[key], !member.isNull else { return nil }
        return member
    }

    /// An optional string.
    public func string(_ key: String) throws(JSONRPCError) -> String? {
        guard let member = raw(key) else { return nil }
        guard let string = member.stringValue else {
            throw .invalidParams("\(field(key)) must be a string", field: field(key))
        }
        return string
    }

    /// A required string.
    public func requiredString(_ key: String) throws(JSONRPCError) -> String {
        guard let string = try string(key) else {
            throw .invalidParams("\(field(key)) is required", field: field(key))
        }
        return string
    }

    /// An optional boolean.
    public func bool(_ key: String) throws(JSONRPCError) -> Bool? {
        guard let member = raw(key) else { return nil }
        guard let bool = member.boolValue else {
            throw .invalidParams("\(field(key)) must be true or false", field: field(key))
        }
        return bool
    }

    /// The largest integer any parameter may have (2⁴⁰, about 10¹²: far beyond any context window
    /// or budget in tokens), so sums of several parameters can never overflow `Int`.
    public static let maxInteger = 1 << 40

    /// An optional integer in `minimum...maximum` (a JSON real with no fraction, like 5.0, is accepted).
    public func integer(_ key: String, minimum: Int = 0, maximum: Int = ParamsReader.maxInteger) throws(JSONRPCError) -> Int? {
        guard let member = raw(key) else { return nil }
        let number: Int?
        switch member.kind {
        case .integer: number = member.intValue
        case .real:
            let double = member.doubleValue!
            number = double.rounded() == double && abs(double) < 9e15 ? Int(double) : nil
        default: number = nil
        }
        guard let number else {
            throw .invalidParams("\(field(key)) must be an integer", field: field(key))
        }
        guard number >= minimum else {
            throw .invalidParams("\(field(key)) must be at least \(minimum)", field: field(key))
        }
        guard number <= maximum else {
            throw .invalidParams("\(field(key)) must be at most \(maximum)", field: field(key))
        }
        return number
    }

    /// An optional finite number, as the decimal text JSON gave (so money keeps its digits).
    public func number(_ key: String) throws(JSONRPCError) -> Double? {
        guard let member = raw(key) else { return nil }
        guard let double = member.doubleValue, double.isFinite else {
            throw .invalidParams("\(field(key)) must be a number", field: field(key))
        }
        return double
    }

    /// An optional nested object, read with the same rules.
    public func object(_ key: String) throws(JSONRPCError) -> ParamsReader? {
        guard let member = raw(key) else { return nil }
        guard member.kind == .object else {
            throw .invalidParams("\(field(key)) must be an object", field: field(key))
        }
        return ParamsReader(value: member, path: field(key))
    }

    /// An optional array; elements come with their paths.
    public func array(_ key: String) throws(JSONRPCError) -> [(value: JSONValue, path: String)]? {
        guard let member = raw(key) else { return nil }
        guard member.kind == .array else {
            throw .invalidParams("\(field(key)) must be an array", field: field(key))
        }
        return member.elements.enumerated().map { ($1, "\(field(key))[\($0)]") }
    }

    /// An optional string that must be one of `allowed`.
    public func choice(_ key: String, _ allowed: [String]) throws(JSONRPCError) -> String? {
        guard let string = try string(key) else { return nil }
        guard allowed.contains(string) else {
            throw .invalidParams(
                "\(field(key)) must be one of \(allowed.map { "\"\($0)\"" }.joined(separator: ", ")), not \"\(string)\"",
                field: field(key))
        }
        return string
    }
}
