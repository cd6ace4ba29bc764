/// The error codes Preflight sends: JSON-RPC 2.0's own and the two LSP adds.
public enum JSONRPCErrorCode: Int, Sendable, CaseIterable {
    /// Invalid JSON was received (also: a framing header that cannot be read).
    case parseError = -32700
    /// The JSON is not a valid request object (also: a message over the size limit, a request
    /// after `shutdown`, a second `initialize`).
    case invalidRequest = -32600
    /// No such method (also: any `$/` request).
    case methodNotFound = -32601
    /// The parameters are wrong; `error.data.field` names the offending one.
    case invalidParams = -32602
    /// A bug in the server; the server keeps serving.
    case internalError = -32603
    /// LSP: a request arrived before `initialize`.
    case serverNotInitialized = -32002
    /// LSP: the client cancelled this request with `$/cancelRequest` before it was handled.
    case requestCancelled = -32800
}
