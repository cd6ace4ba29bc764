import JSONRPC
import JSON

/// Every method the server answers, in one place.
///
/// Each feature registers its requests and notifications here; `initialize` advertises the
/// registered custom methods (`capabilities.experimental.preflight.methods`), so what the server
/// says it supports and what it answers cannot drift apart.
public struct MethodRegistry {
    /// Answers a request: the `result`, or a thrown error reply.
    public typealias RequestHandler = (JSONValue?) throws(JSONRPCError) -> JSONValue
    /// Handles a notification.
    public typealias NotificationHandler = (JSONValue?) -> Void

    private(set) var requests: [String: RequestHandler] = [:]
    private(set) var notifications: [String: NotificationHandler] = [:]

    /// An empty registry.
    public init() {}

    /// Adds (or replaces) a request method.
    public mutating func request(_ method: String, _ handler: @escaping RequestHandler) {
        requests[method] = handler
    }

    /// Adds (or replaces) a notification method.
    public mutating func notification(_ method: String, _ handler: @escaping NotificationHandler) {
        notifications[method] = handler
    }

    /// Preflight's own request methods (`preflight/...`), sorted, for `initialize`.
    public var customMethods: [String] {
        requests.keys.filter { $0.hasPrefix("preflight/") }.sorted()
    }
}
