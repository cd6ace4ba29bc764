import JSON

/// The server's requests to the client that await a response, keyed by the id the server gave
/// them (as `lsp-server`'s `ReqQueue.outgoing`).
///
/// Ids are integers counted from 1, a namespace of the server's own: the client's request ids
/// are tracked separately and may collide with these without harm. Lives on the dispatch thread.
struct OutgoingRequestQueue {
    /// What runs when the response arrives: the `result`, or the client's error reply.
    typealias Completion = (Result<JSONValue, ResponseError>) -> Void

    private var nextID = 1
    private var waiting: [RequestID: Completion] = [:]

    /// Requests sent and not yet answered.
    var count: Int { waiting.count }

    /// Allocates the next id and remembers what to run when its response arrives.
    mutating func register(_ completion: @escaping Completion) -> RequestID {
        let id = RequestID.integer(nextID)
        nextID += 1
        waiting[id] = completion
        return id
    }

    /// Takes the completion for `id`; nil when no request with that id is waiting (a response
    /// to something the server never sent, or a second response to the same request).
    mutating func complete(_ id: RequestID) -> Completion? {
        waiting.removeValue(forKey: id)
    }
}
