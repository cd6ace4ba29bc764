import JSON
import JSONRPC
import Log
import PreflightAPI

/// Turns a typed method body — `Decodable` params in, `Encodable` result out — into the
/// registry's JSON handler, so every method decodes and encodes through the same `Codable`
/// shapes and reports bad params the same way.
///
/// Params must be an object (or absent); a decoding failure becomes -32602 whose
/// `error.data.field` is the failure's path (an unknown member of a budget or of routing
/// constraints is such a failure: those shapes refuse them, `StrictMembers`). Members the
/// params type never read are handled here, once for every method: each becomes a
/// `ResultWarning` at the front of the result's `warnings` (`UnknownMemberWarnings`) when the
/// result carries warnings (the custom methods), and is logged at debug otherwise (LSP's own
/// results have no place for them).
public enum TypedMethod {
    /// A handler for `Params` → `Result` of a custom method whose result carries `warnings`:
    /// unknown members are reported in the result as members of `method`'s params. The body gets the decoded params, the members they did
    /// not read, and the request's context (to poll for cancellation, or to talk to the client).
    public static func handler<Params: Decodable, Result: Encodable & WarningCarrying>(
        _ method: String, _ params: Params.Type, log: StderrLog,
        _ body: @escaping (TypedRequest<Params>) throws(JSONRPCError) -> Result
    ) -> MethodRegistry.ContextualRequestHandler {
        { (json: JSONValue?, context: RequestContext) throws(JSONRPCError) -> JSONValue in
            let decoded = try decode(Params.self, from: json)
            let request = TypedRequest(params: decoded.value, unknownFields: decoded.unknownFields, context: context)
            var result = try body(request)
            result.warnings.insert(contentsOf: UnknownMemberWarnings.warnings(for: decoded.unknownFields, method: method), at: 0)
            return try encode(result)
        }
    }

    /// A handler for `Params` → `Result` whose result has no `warnings` (LSP's own methods):
    /// unknown members are logged at debug.
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
