import JSON
import JSONRPC

/// What a typed method body receives: its decoded params, the members they did not read, and
/// the request's context.
public struct TypedRequest<Params> {
    /// The decoded params.
    public let params: Params
    /// Members of `params` that the params type never read (to warn about or refuse).
    public let unknownFields: [JSONUnknownField]
    /// The request's id, cancellation flag and channel to the client.
    public let context: RequestContext

    /// `true` once the client has cancelled this request; long work polls it between chunks.
    public var isCancelled: Bool { context.isCancelled }
}
