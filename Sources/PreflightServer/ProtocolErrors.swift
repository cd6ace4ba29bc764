import Advisor
import JSON
import JSONRPC
import PreflightAPI
import Routing

/// The one place where the layers' typed errors become JSON-RPC errors.
///
/// The advisor throws `EstimateError`, params decoding `JSONDecodingFailure`, catalog loading
/// `CatalogLoadError`; the server edge maps each here, so the reply a client sees for a given
/// mistake does not depend on which method met it.
public enum ProtocolErrors {
    /// -32602 at the failure's path.
    public static func error(_ failure: JSONDecodingFailure) -> JSONRPCError {
        .invalidParams(failure.message, field: failure.path)
    }

    /// -32602 for an estimate that cannot be made, at the field the advisor names (a stated
    /// output no model can produce is reported at `expectedOutputTokens` or `reasoningTokens`,
    /// a request no model passes at `constraints`).
    public static func error(_ error: EstimateError, params: EstimateParams) -> JSONRPCError {
        let field = "params.\(error.field)"
        return .invalidParams("\(field): \(error.message)", field: field)
    }

    /// A catalog load failure: -32602 at `field` (the parameter that named the file), with the
    /// file, model and catalog field (strings) and the line and column (numbers) in `error.data`.
    public static func error(_ error: CatalogLoadError, field: String) -> JSONRPCError {
        var details = ["file": error.file]
        if let model = error.modelID { details["model"] = model }
        if let catalogField = error.field { details["catalogField"] = catalogField }
        var position: [String: Int] = [:]
        if let line = error.line { position["line"] = line }
        if let column = error.column { position["column"] = column }
        return JSONRPCError(.invalidParams, "cannot load the catalog: \(error)", field: field, details: details,
                            integerDetails: position)
    }

    /// The advisor service's refusals: no catalog is -32603 naming the file tried; an unknown
    /// model is -32602 at `field` (the parameter, or the option, that named it).
    public static func error(_ error: AdvisorServiceError, field: String?) -> JSONRPCError {
        switch error {
        case .noCatalog(_, let file), .noRouting(_, let file):
            return JSONRPCError(.internalError, error.description, details: file.map { ["file": $0] } ?? [:])
        case .modelName(.unknown(let name, let suggestions)), .unknownWithoutReference(let name, let suggestions, _):
            var details = ["model": name]
            if !suggestions.isEmpty { details["suggestions"] = suggestions.joined(separator: ", ") }
            return JSONRPCError(.invalidParams, error.description, field: field, details: details)
        case .modelName(.ambiguous(let name, let candidates, _)):
            return JSONRPCError(.invalidParams, error.description, field: field,
                                details: ["model": name, "candidates": candidates.joined(separator: ", ")])
        }
    }

    /// A routing file that cannot be used: -32602 at `field` (the option that named it), with
    /// the file and the routing file's member at fault in `error.data`.
    public static func error(_ error: RoutingFileError, path: String, field: String) -> JSONRPCError {
        var details = ["file": path]
        if !error.field.isEmpty { details["routingField"] = error.field }
        return JSONRPCError(.invalidParams, "cannot load the routing file: \(error)", field: field, details: details)
    }

    /// Runs `body`, mapping an advisor service refusal to its JSON-RPC error at `field`.
    public static func advisor<T>(field: String? = nil, _ body: () throws(AdvisorServiceError) -> T) throws(JSONRPCError) -> T {
        do throws(AdvisorServiceError) {
            return try body()
        } catch {
            throw self.error(error, field: field)
        }
    }
}
