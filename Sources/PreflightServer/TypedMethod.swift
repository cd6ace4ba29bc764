import JSON
import JSONRPC
import Log

/// Turns a typed method body — `Decodable` params in, `Encodable` result out — into the
/// registry's JSON handler, so every method decodes and encodes through the same `Codable`
/// shapes and reports bad params the same way.
///
/// Params must be an object (or absent); a decoding failure becomes -32602 whose
/// `error.data.field` is the failure's path. Members the params type never read are passed to
/// the body, which decides whether to warn about them or refuse them.
public enum TypedMethod {
    /// A handler for `Params` → `Result`; the body gets the decoded params, the members they
    /// did not read, and the request's context (to poll for cancellation, or to talk to the
    /// client).
    public static func handler<Params: Decodable, Result: Encodable>(
        _ params: Params.Type, log: StderrLog,
        _ body: @escaping (TypedRequest<Params>) throws(JSONRPCError) -> Result
    ) -> MethodRegistry.ContextualRequestHandler {
        { (json: JSONValue?, context: RequestContext) throws(JSONRPCError) -> JSONValue in
            let decoded = try decode(Params.self, from: json)
            for field in decoded.unknownFields {
                log.debug("ignoring unknown field \(field.path)")
            }
            let request = TypedRequest(params: decoded.value, unknownFields: decoded.unknownFields, context: context)
            return try encode(try body(request))
        }
    }

    /// Decodes `params` (which must be an object or absent) as `Params`.
    public static func decode<Params: Decodable>(
        _ type: Params.Type, from params: JSONValue?
    ) throws(JSONRPCError) -> JSONValueDecoder.Decoded<Params> {
        if let params, params.kind != .object, !params.isNull {
            throw .invalidParams("params must be an object", field: "params")
        }
        do throws(JSONDecodingFailure) {
            return try JSONValueDecoder().decode(Params.self, from: params, path: "params")
        } catch {
            throw ProtocolErrors.error(error)
        }
    }

    /// Encodes a result; a failure here is a bug, reported as -32603.
    public static func encode<Result: Encodable>(_ result: Result) throws(JSONRPCError) -> JSONValue {
        do {
            return try JSONValueEncoder().encode(result)
        } catch {
            throw JSONRPCError(.internalError, "could not encode the result: \(error)")
        }
    }
}
