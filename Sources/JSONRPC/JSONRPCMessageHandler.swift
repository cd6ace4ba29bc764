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
    /// Handles one notification (never answered).
    func handleNotification(method: String, params: JSONValue?, client: ClientChannel)
    /// Set (e.g. by the `exit` notification) to end the connection with this process exit code.
    var requestedExitCode: Int32? { get }
}
