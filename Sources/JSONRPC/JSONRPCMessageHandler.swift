import JSON
/// What a server plugs into a `JSONRPCConnection`: the methods, and when to stop.
///
/// Calls arrive on the connection's dispatch thread, one at a time, in the order the client sent
/// them, so a handler needs no locking and replies leave in request order. Each call gets what
/// it needs to talk back to the client: a `RequestContext` (id, cancellation, outbound messages)
/// for a request, a `ClientChannel` for a notification.
public protocol JSONRPCMessageHandler: AnyObject {
    /// Answers one request: return the `result`, or throw the error reply.
    func handleRequest(method: String, params: JSONValue?, context: RequestContext) throws(JSONRPCError) -> JSONValue
    /// The error for a request whose params could not be read (a number beyond what Jansson
    /// holds, at `problem`'s `data.field`): the one the lifecycle or the method lookup gives
    /// first, as it would for any params, else `problem`. The handler is not called.
    func refusal(forRequest method: String, unreadableParams problem: JSONRPCError) -> JSONRPCError
    /// Handles one notification (never answered).
    func handleNotification(method: String, params: JSONValue?, client: ClientChannel)
    /// Set (e.g. by the `exit` notification) to end the connection with this process exit code.
    var requestedExitCode: Int32? { get }
    /// Handles an event another thread posted to the connection's `ConnectionInbox` (e.g. a
    /// finished background estimate), on the dispatch thread, with a channel to the client.
    func handleInboxEvent(_ event: any Sendable, client: ClientChannel)
    /// Called once when the connection stops serving (exit or end of input), so background
    /// work can stop.
    func connectionDidEnd()
}

extension JSONRPCMessageHandler {
    /// Handlers without a lifecycle answer the params problem itself.
    public func refusal(forRequest method: String, unreadableParams problem: JSONRPCError) -> JSONRPCError { problem }
    /// Handlers without background work receive no events.
    public func handleInboxEvent(_ event: any Sendable, client: ClientChannel) {}
    /// Handlers without background work have nothing to stop.
    public func connectionDidEnd() {}
}
