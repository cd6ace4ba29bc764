import Advisor
import JSON
import JSONRPC
import PreflightAPI

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

    /// -32602 for an estimate that cannot be made. When no model fits and nothing was
    /// constrained, the field to change is the input (too long for every context window) or the
    /// output length the caller asked for.
    public static func error(_ error: EstimateError, params: EstimateParams) -> JSONRPCError {
        var field = "params.\(error.field)"
        if error.code == .noModelFits && !params.constrained {
            let inputField: String
            switch params.request.input {
            case .messages: inputField = "params.messages"
            case .prompt: inputField = "params.prompt"
            }
            if error.noFitCause == .inputExceedsContextWindow {
                field = inputField
            } else if params.request.expectedOutputTokens != nil {
                field = "params.expectedOutputTokens"
            } else if params.reasoningTokensGiven {
                field = "params.reasoningTokens"
            } else {
                field = inputField
            }
        }
        return .invalidParams("\(field): \(error.message)", field: field)
    }
}
