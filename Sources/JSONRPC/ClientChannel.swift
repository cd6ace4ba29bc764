import JSON

/// How a handler talks to the client: notifications, and requests whose responses come back.
///
/// Notification handlers receive one; request handlers receive a `RequestContext`, which is
/// one with the request's id and cancellation added. Messages go out through the connection's
/// single writer, after the replies already sent and in the order they are sent. Use it only on
/// the dispatch thread, while the handler that received it runs or from a response's
/// completion (which also runs there).
public class ClientChannel {
    let session: JSONRPCSession

    init(session: JSONRPCSession) {
        self.session = session
    }

    /// Where background threads post events for this connection's dispatch thread (`nil` when
    /// the session runs without a connection, as in the fuzzer: do the work inline then).
    public var inbox: ConnectionInbox? { session.inbox }

    /// Sends a notification (e.g. `textDocument/publishDiagnostics`, `$/progress`).
    public func notify(method: String, params: JSONValue?) {
        session.sendNotification(method: method, params: params)
    }

    /// Sends a request (e.g. `workspace/configuration`); `onResponse` runs on the dispatch thread
    /// when the client's response is dispatched — its `result`, or its error reply. It never
    /// runs if the connection ends first. Returns the id the request was sent with.
    @discardableResult
    public func request(method: String, params: JSONValue?,
                        onResponse: @escaping (Result<JSONValue, ResponseError>) -> Void) -> RequestID {
        session.sendRequest(method: method, params: params, onResponse: onResponse)
    }
}
