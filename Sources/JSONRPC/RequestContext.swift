import JSON

/// What a request handler gets besides its params: the request's id, whether the client has
/// cancelled it, and the `ClientChannel` to send notifications and requests to the client.
///
/// A long handler polls `isCancelled` (or calls `checkCancellation()`) between chunks of work:
/// each poll first reads the input that is already readable, so a `$/cancelRequest` the client
/// sent while the handler runs is seen at the next poll, and the handler can stop at once.
/// Polling costs a `poll(2)` when the connection is over file descriptors, so poll per chunk
/// (thousands of tokens), not per token.
public final class RequestContext: ClientChannel {
    /// The request's id, as the client sent it.
    public let id: RequestID

    init(id: RequestID, session: JSONRPCSession) {
        self.id = id
        super.init(session: session)
    }

    /// Whether the client cancelled this request with `$/cancelRequest`; meaningful while the
    /// handler runs.
    public var isCancelled: Bool { session.isCancelled(id) }

    /// Throws the -32800 reply when the client cancelled this request.
    public func checkCancellation() throws(JSONRPCError) {
        if isCancelled { throw JSONRPCError(.requestCancelled, "request cancelled") }
    }
}
