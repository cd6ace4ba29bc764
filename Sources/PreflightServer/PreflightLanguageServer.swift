import Advisor
import JSONRPC
import PreflightAPI
import Routing
import JSON

/// The language server: lifecycle rules, then dispatch through the `MethodRegistry`.
///
/// It implements LSP 3.17's lifecycle exactly as the brief states it and leaves every feature
/// to the methods and capabilities registered by `ServerFeatures` (plus any an embedder or a
/// test adds). All calls arrive on the connection's dispatch thread.
public final class PreflightLanguageServer: JSONRPCMessageHandler {
    /// The lifecycle state (exposed for tests).
    public private(set) var state: LifecycleState = .awaitingInitialize
    /// Set by `exit`: 0 after `shutdown`, 1 otherwise.
    public private(set) var requestedExitCode: Int32?

    private let context: ServerContext
    private var registry = MethodRegistry()

    /// Creates a server whose features read `context`; `additionalFeatures` registers more
    /// methods and capabilities after the built-in ones (an embedder's, or a test's).
    public init(context: ServerContext, additionalFeatures: (inout MethodRegistry) -> Void = { _ in }) {
        self.context = context
        ServerFeatures.register(into: &registry, context: context)
        additionalFeatures(&registry)
    }

    /// The registered custom method names (what `initialize` advertises).
    public var customMethods: [String] { registry.customMethods }

    /// Applies the lifecycle, then the registered method.
    public func handleRequest(method: String, params: JSONValue?, context requestContext: RequestContext) throws(JSONRPCError) -> JSONValue {
        switch try route(method) {
        case .initialize:
            let result = try initialize(params: params, client: requestContext)
            state = .initializing
            return result
        case .shutdown:
            state = .shutDown
            for handler in registry.shutdownHandlers { handler() }
            context.log.info("shutdown requested")
            return .null()
        case .registered(let handler):
            return try handler(params, requestContext)
        }
    }

    /// A request whose params the transport could not read (a number beyond 64 bits) is refused
    /// as any params mistake is: after the lifecycle and the method lookup, so a request before
    /// `initialize` is still -32002 and an unknown method -32601.
    public func refusal(forRequest method: String, unreadableParams problem: JSONRPCError) -> JSONRPCError {
        do throws(JSONRPCError) {
            _ = try route(method)
            return problem
        } catch {
            return error
        }
    }

    /// Where a request goes, by the lifecycle and the registry; changes nothing.
    private enum Route {
        case initialize
        case shutdown
        case registered(MethodRegistry.RegisteredRequest)
    }

    private func route(_ method: String) throws(JSONRPCError) -> Route {
        switch (state, method) {
        case (.awaitingInitialize, "initialize"):
            return .initialize
        case (.awaitingInitialize, _):
            throw JSONRPCError(.serverNotInitialized, "the server is not initialized: send \"initialize\" first")
        case (.shutDown, _):
            throw JSONRPCError(.invalidRequest, "the server is shut down: only the \"exit\" notification is accepted")
        case (_, "initialize"):
            throw JSONRPCError(.invalidRequest, "\"initialize\" may be sent only once")
        case (_, "shutdown"):
            return .shutdown
        default:
            break
        }
        if method.hasPrefix("$/") {
            throw JSONRPCError(.methodNotFound, "method not found: \(method) (\"$/\" requests are not supported)")
        }
        guard let handler = registry.requests[method] else {
            throw JSONRPCError(.methodNotFound, "method not found: \(method)")
        }
        return .registered(handler)
    }

    /// Applies the lifecycle to notifications: `exit` always counts; before `initialize` the
    /// rest are dropped, as LSP says; `$/` and unknown notifications are ignored.
    public func handleNotification(method: String, params: JSONValue?, client: ClientChannel) {
        if method == "exit" {
            requestedExitCode = state == .shutDown ? 0 : 1
            return
        }
        switch state {
        case .awaitingInitialize:
            context.log.debug("dropping \(method) before initialize")
            return
        case .initializing where method == "initialized":
            state = .running
            return
        default:
            break
        }
        if let handler = registry.notifications[method] {
            handler(params, client)
        } else {
            context.log.debug("ignoring notification \(method)")
        }
    }

    /// Hands an event from a background thread to the features.
    public func handleInboxEvent(_ event: any Sendable, client: ClientChannel) {
        // After `shutdown` only `exit` matters: late background results are dropped.
        guard state != .shutDown else { return }
        for handler in registry.inboxHandlers { handler(event, client) }
    }

    /// Stops the features' background work.
    public func connectionDidEnd() {
        for handler in registry.endHandlers { handler() }
    }

    private func initialize(params: JSONValue?, client: ClientChannel) throws(JSONRPCError) -> JSONValue {
        let decodedWithUnknown = try TypedMethod.decode(InitializeParams.self, from: params)
        let decoded = decodedWithUnknown.value
        if let options = decoded.options {
            // Everything is decoded and checked before anything is installed, so a failing
            // `initialize` changes nothing.
            do throws(JSONRPCError) {
                let routing = try decodeRoutingOption(options.routingPath)
                try applyCatalogOptions(options)
                if let routing { context.advisor.install(routing: routing) }
            } catch {
                throw Self.namingTheOption(error)
            }
        } else if decoded.ignoredOptions {
            context.log.warning("ignoring initializationOptions that are not an object")
        }
        for hook in registry.initializeHooks {
            try hook(decoded)
        }
        warnAboutUnknownOptions(decodedWithUnknown.unknownFields, client: client)
        return .object([
            "capabilities": registry.capabilitiesObject(),
            "serverInfo": .object(["name": .string("preflight"), "version": .string(PreflightVersion.current)]),
        ])
    }

    /// `initializationOptions` members Preflight does not know (`catalogpath`) are not refused —
    /// the rest of the options still apply, as for the `preflight` settings — but a misspelt
    /// option would otherwise leave the bundled catalog or the default model in place without a
    /// word: each is logged and shown to the person at the editor (`window/showMessage`, which
    /// LSP allows before `initialize`'s reply) with the option it was probably meant to be.
    /// LSP's own params members are not Preflight's to judge.
    private func warnAboutUnknownOptions(_ unknown: [JSONUnknownField], client: ClientChannel) {
        let prefix = "params.initializationOptions."
        for field in unknown where field.path.hasPrefix(prefix) {
            let option = String(field.path.dropFirst("params.".count))
            let container = String(option.dropLast(field.name.count + 1))
            let hint = StrictMembers.nearestName(to: field.name, in: field.knownNames).map { " (did you mean \(container).\($0)?)" } ?? ""
            let warning = "unknown option \(option)\(hint); it is ignored"
            context.log.warning(warning)
            if let params = try? TypedMethod.encode(ShowMessageParams(type: .warning, message: "Preflight: \(warning)")) {
                client.notify(method: "window/showMessage", params: params)
            }
        }
    }

    /// An option's error with the option's name at the front of its message: editors show an
    /// `initialize` failure's message and code, not `data.field`, so the message must say which
    /// setting to fix.
    static func namingTheOption(_ error: JSONRPCError) -> JSONRPCError {
        guard let field = error.field, field.hasPrefix("params.initializationOptions.") else { return error }
        let option = String(field.dropFirst("params.".count))
        guard !error.message.contains(option) else { return error }
        return error.withMessage("\(option): \(error.message)")
    }

    /// `initializationOptions.routingPath`, decoded but not installed: `nil` when absent,
    /// -32602 at the option when the file is bad (the routing in use stays).
    private func decodeRoutingOption(_ path: String?) throws(JSONRPCError) -> RoutingModel? {
        guard let path else { return nil }
        do throws(RoutingFileError) {
            return try context.advisor.decode(routingAt: path)
        } catch {
            context.log.warning("initializationOptions.routingPath: \(error); keeping the routing in use")
            throw ProtocolErrors.error(error, path: path, field: "params.initializationOptions.routingPath")
        }
    }

    /// `initializationOptions.catalogPath` and `defaultModel`. The new catalog is decoded and
    /// the default model checked against it before anything changes, so a failing `initialize`
    /// leaves the server exactly as it was (the previous catalog in use, still uninitialized,
    /// ready for a corrected `initialize`).
    private func applyCatalogOptions(_ options: InitializationOptions) throws(JSONRPCError) {
        let advisor = context.advisor
        let defaultModelField = "params.initializationOptions.defaultModel"
        let defaultModel = options.defaultModel
        guard let path = options.catalogPath else {
            try ProtocolErrors.advisor(field: defaultModelField) { () throws(AdvisorServiceError) in
                try advisor.setDefaultModel(defaultModel)
            }
            return
        }
        let loaded: CatalogLoadResult
        do throws(CatalogLoadError) {
            loaded = try advisor.decode(catalogAt: path)
        } catch {
            context.log.warning("initializationOptions.catalogPath: \(error); keeping the catalog in use")
            throw ProtocolErrors.error(error, field: "params.initializationOptions.catalogPath")
        }
        if let defaultModel {
            try ProtocolErrors.advisor(field: defaultModelField) { () throws(AdvisorServiceError) in
                _ = try advisor.resolve(defaultModel, curated: loaded.catalog)
            }
        }
        advisor.install(loaded, path: path)
        try ProtocolErrors.advisor(field: defaultModelField) { () throws(AdvisorServiceError) in
            try advisor.setDefaultModel(defaultModel)
        }
    }
}
