import JSON

/// One message the server wrote (a reply, a batch of replies, or a request or notification of
/// its own), parsed by Jansson — the parser the server itself uses — so numbers are read as
/// written, never through Foundation's doubles.
///
/// A method's result is read through the `Codable` shape the server writes it with
/// (`decodedResult(EstimateResult.self)`), and an error through `ReplyError`. The envelope —
/// ids, batches, notifications, `initialize`'s capabilities — is transport, not a method
/// shape, and is read untyped through `subscript`.
public struct Reply: CustomStringConvertible {
    /// The message as parsed.
    public let json: JSONValue

    /// Parses one message body; throws when it is not JSON.
    public init(body: [UInt8]) throws {
        json = try JSONValue.parse(body)
    }

    private init(json: JSONValue) {
        self.json = json
    }

    /// A member of the message (`id`, `method`, `params`, `result`, `error`), untyped; nil when
    /// absent (a member written as `null` is a `JSONValue` that `isNull`).
    public subscript(member: String) -> JSONValue? { json[member] }

    /// `id` when it is an integer.
    public var idNumber: Int? { json["id"]?.intValue }

    /// The replies of a batch; nil when the message is not an array.
    public var batch: [Reply]? {
        json.kind == .array ? json.elements.map(Reply.init(json:)) : nil
    }

    /// `result` as written: for what a shape cannot tell, such as a member absent or `null`.
    public var result: JSONValue? { json["result"] }

    /// `error`, typed; nil only when the message has none. An `error` that does not fit the
    /// shape reads as code `Int.min` with the reason as its message, so no check can mistake it
    /// for a result.
    public var error: ReplyError? {
        guard let error = json["error"] else { return nil }
        do {
            return try error.decoded(as: ReplyError.self, path: "error")
        } catch {
            return ReplyError(code: .min, message: "unreadable error: \(error)", data: nil)
        }
    }

    /// `error.code`, or nil for a result.
    public var errorCode: Int? { error?.code }

    /// `error.data.field`: the path of the offending parameter.
    public var errorField: String? { error?.data?["field"] }

    /// `result` decoded as `type`, the shape the server writes it with. Throws when there is no
    /// result, when it does not fit the shape, or when it has members the shape does not declare.
    public func decodedResult<Result: Decodable>(_ type: Result.Type) throws -> Result {
        guard let result = json["result"] else { throw ReadingFailure(description: "no result in \(json)") }
        return try result.decoded(as: type, path: "result")
    }

    /// The message as compact JSON text.
    public var description: String { json.serializedString }
}
