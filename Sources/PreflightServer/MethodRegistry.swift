import JSONRPC
import JSON
import PreflightAPI

/// Every method the server answers and every capability it advertises, in one place.
///
/// Each feature registers its requests and notifications here, and the parts of `initialize`'s
/// `capabilities` it provides; `initialize` advertises the registered custom methods
/// (`capabilities.experimental.preflight.methods`) and the contributed capabilities, so what
/// the server says it supports and what it answers cannot drift apart.
public struct MethodRegistry {
    /// Answers a request: the `result`, or a thrown error reply.
    public typealias RequestHandler = (JSONValue?) throws(JSONRPCError) -> JSONValue
    /// Answers a request with its context: the id, cancellation, and a channel to the client.
    public typealias ContextualRequestHandler = (JSONValue?, RequestContext) throws(JSONRPCError) -> JSONValue
    /// Handles a notification.
    public typealias NotificationHandler = (JSONValue?) -> Void
    /// Handles a notification with a channel to the client.
    public typealias ContextualNotificationHandler = (JSONValue?, ClientChannel) -> Void
    /// Computes one capability's value when `initialize` is answered (after its options apply,
    /// so e.g. the catalog described is the one `initializationOptions` chose).
    public typealias CapabilityProvider = () -> JSONValue

    /// Reads `initialize`'s params (client capabilities, options) before the capabilities are
    /// answered; a thrown error fails `initialize`.
    public typealias InitializeHook = (InitializeParams) throws(JSONRPCError) -> Void
    /// Handles an event a background thread posted to the connection's inbox.
    public typealias InboxHandler = (any Sendable, ClientChannel) -> Void

    /// A registered request handler, kept in the form it was given (wrapping a typed-throws
    /// closure in another crashes Swift 6.3.1's SIL generation).
    enum RegisteredRequest {
        case plain(RequestHandler)
        case contextual(ContextualRequestHandler)

        /// Runs the handler.
        func callAsFunction(_ params: JSONValue?, _ context: RequestContext) throws(JSONRPCError) -> JSONValue {
            switch self {
            case .plain(let handler): return try handler(params)
            case .contextual(let handler): return try handler(params, context)
            }
        }
    }

    private(set) var requests: [String: RegisteredRequest] = [:]
    private(set) var notifications: [String: ContextualNotificationHandler] = [:]
    private(set) var initializeHooks: [InitializeHook] = []
    private(set) var inboxHandlers: [InboxHandler] = []
    private(set) var endHandlers: [() -> Void] = []
    private(set) var shutdownHandlers: [() -> Void] = []
    /// Capability fragments in registration order: where each goes in `capabilities`, and its value.
    private(set) var capabilities: [(path: [String], provide: CapabilityProvider)] = []

    /// An empty registry.
    public init() {}

    /// Adds (or replaces) a request method whose handler needs only the params.
    public mutating func request(_ method: String, _ handler: @escaping RequestHandler) {
        requests[method] = .plain(handler)
    }

    /// Adds (or replaces) a request method whose handler also receives the `RequestContext`, to
    /// poll for cancellation or to send notifications and requests to the client.
    public mutating func request(_ method: String, _ handler: @escaping ContextualRequestHandler) {
        requests[method] = .contextual(handler)
    }

    /// Adds (or replaces) a notification method whose handler needs only the params.
    public mutating func notification(_ method: String, _ handler: @escaping NotificationHandler) {
        notifications[method] = { params, _ in handler(params) }
    }

    /// Adds (or replaces) a notification method whose handler also gets a `ClientChannel`.
    public mutating func notification(_ method: String, _ handler: @escaping ContextualNotificationHandler) {
        notifications[method] = handler
    }

    /// Runs `hook` during `initialize`, after Preflight's own options are applied and before the
    /// capabilities are computed (so a capability can depend on what the client offered).
    public mutating func onInitialize(_ hook: @escaping InitializeHook) {
        initializeHooks.append(hook)
    }

    /// Receives every event posted to the connection's inbox (each handler ignores the types
    /// that are not its own).
    public mutating func onInboxEvent(_ handler: @escaping InboxHandler) {
        inboxHandlers.append(handler)
    }

    /// Runs `handler` when the connection stops serving, to stop background work.
    public mutating func onConnectionEnd(_ handler: @escaping () -> Void) {
        endHandlers.append(handler)
    }

    /// Runs `handler` on `shutdown`, so background work stops before the reply and nothing is
    /// sent after it but replies.
    public mutating func onShutdown(_ handler: @escaping () -> Void) {
        shutdownHandlers.append(handler)
    }

    /// Contributes a capability to `initialize`: `provide()`'s value is set at `path` inside
    /// `capabilities` (e.g. `["experimental", "preflight", "tokenizers"]`, or
    /// `["hoverProvider"]`), creating the objects on the way. Members appear in registration
    /// order, after `experimental.preflight.methods`, which the server derives from the registry.
    public mutating func capability(_ path: [String], _ provide: @escaping CapabilityProvider) {
        precondition(!path.isEmpty, "a capability needs a name")
        capabilities.append((path, provide))
    }

    /// Preflight's own request methods (`preflight/...`), sorted, for `initialize`.
    public var customMethods: [String] {
        requests.keys.filter { $0.hasPrefix("preflight/") }.sorted()
    }

    /// The `capabilities` object `initialize` answers with: the custom methods, then every
    /// contributed fragment in registration order.
    func capabilitiesObject() -> JSONValue {
        let capabilities = JSONValue.object()
        set(.array(customMethods.map { .string($0) }), at: ["experimental", "preflight", "methods"], in: capabilities)
        for fragment in self.capabilities {
            set(fragment.provide(), at: fragment.path, in: capabilities)
        }
        return capabilities
    }

    private func set(_ value: JSONValue, at path: [String], in root: JSONValue) {
        var object = root
        for key in path.dropLast() {
            if let existing = object[key], existing.kind == .object {
                object = existing
            } else {
                let created = JSONValue.object()
                object[key] = created
                object = created
            }
        }
        object[path[path.count - 1]] = value
    }
}
