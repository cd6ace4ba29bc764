import Advisor
import JSONRPC
import JSON

/// The language server: lifecycle rules, then dispatch through the `MethodRegistry`.
///
/// It implements LSP 3.17's lifecycle exactly as the brief states it and leaves every feature
/// to the methods registered by `ServerFeatures`. All calls arrive on the connection thread.
public final class PreflightLanguageServer: JSONRPCMessageHandler {
    /// The lifecycle state (exposed for tests).
    public private(set) var state: LifecycleState = .awaitingInitialize
    /// Set by `exit`: 0 after `shutdown`, 1 otherwise.
    public private(set) var requestedExitCode: Int32?

    private let context: ServerContext
    private var registry = MethodRegistry()

    /// Creates a server whose features read `context`.
    public init(context: ServerContext) {
        self.context = context
        ServerFeatures.register(into: &registry, context: context)
    }

    /// The registered custom method names (what `initialize` advertises).
    public var customMethods: [String] { registry.customMethods }

    /// Applies the lifecycle, then the registered method.
    public func handleRequest(method: String, params: JSONValue?, id: JSONValue) throws(JSONRPCError) -> JSONValue {
        switch (state, method) {
        case (.awaitingInitialize, "initialize"):
            let result = try initialize(params: params)
            state = .initializing
            return result
        case (.awaitingInitialize, _):
            throw JSONRPCError(.serverNotInitialized, "the server is not initialized: send \"initialize\" first")
        case (.shutDown, _):
            throw JSONRPCError(.invalidRequest, "the server is shut down: only the \"exit\" notification is accepted")
        case (_, "initialize"):
            throw JSONRPCError(.invalidRequest, "\"initialize\" may be sent only once")
        case (_, "shutdown"):
            state = .shutDown
            context.log.info("shutdown requested")
            return .null()
        default:
            break
        }
        if method.hasPrefix("$/") {
            throw JSONRPCError(.methodNotFound, "method not found: \(method) (\"$/\" requests are not supported)")
        }
        guard let handler = registry.requests[method] else {
            throw JSONRPCError(.methodNotFound, "method not found: \(method)")
        }
        return try handler(params)
    }

    /// Applies the lifecycle to notifications: `exit` always counts; before `initialize` the
    /// rest are dropped, as LSP says; `$/` and unknown notifications are ignored.
    public func handleNotification(method: String, params: JSONValue?) {
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
            handler(params)
        } else {
            context.log.debug("ignoring notification \(method)")
        }
    }

    private func initialize(params: JSONValue?) throws(JSONRPCError) -> JSONValue {
        let reader = try ParamsReader(params: params)
        if let options = reader.raw("initializationOptions") {
            // LSP allows any value here; only an object can carry Preflight's options, and a
            // client that sends something else for its own reasons should still be served.
            if options.kind == .object {
                let optionsReader = ParamsReader(value: options, path: reader.field("initializationOptions"))
                let routing = try context.advisor.decodeRoutingOption(optionsReader)
                try applyCatalogOptions(optionsReader)
                if let routing { context.advisor.install(routing: routing) }
            } else {
                context.log.warning("ignoring initializationOptions that are not an object")
            }
        }
        let preflight = JSONValue.object([
            "methods": .array(registry.customMethods.map { .string($0) }),
            "tokenizers": .array(context.tokenizerDescriptions()),
            "catalog": catalogDescription(),
            "routing": context.advisor.routingDescription(),
        ])
        let capabilities = JSONValue.object(["experimental": .object(["preflight": preflight])])
        return .object([
            "capabilities": capabilities,
            "serverInfo": .object(["name": .string("preflight"), "version": .string(PreflightVersion.current)]),
        ])
    }

    /// `initializationOptions.catalogPath` and `defaultModel`. The new catalog is decoded and
    /// the default model checked against it before anything changes, so a failing `initialize`
    /// leaves the server exactly as it was (the previous catalog in use, still uninitialized,
    /// ready for a corrected `initialize`).
    private func applyCatalogOptions(_ options: ParamsReader) throws(JSONRPCError) {
        let advisor = context.advisor
        let defaultModel = try options.string("defaultModel")
        guard let path = try options.string("catalogPath") else {
            try advisor.setDefaultModel(defaultModel, field: options.field("defaultModel"))
            return
        }
        let loaded: CatalogLoadResult
        do throws(CatalogLoadError) {
            loaded = try advisor.decode(catalogAt: path)
        } catch {
            context.log.warning("initializationOptions.catalogPath: \(error); keeping the catalog in use")
            throw AdvisorService.jsonRPCError(error, field: options.field("catalogPath"))
        }
        if let defaultModel, loaded.catalog.model(id: defaultModel) == nil {
            throw JSONRPCError(.invalidParams,
                               "unknown model \"\(defaultModel)\": not in the catalog \(path)",
                               field: options.field("defaultModel"), details: ["model": defaultModel])
        }
        advisor.install(loaded, path: path)
        try advisor.setDefaultModel(defaultModel, field: options.field("defaultModel"))
    }

    /// `{version, models, source, stale}` of the catalog in use, or `null` when none loaded.
    private func catalogDescription() -> JSONValue {
        guard let catalog = try? context.advisor.catalog() else { return .null() }
        return .object([
            "version": .string(catalog.version.description),
            "models": .integer(catalog.models.count),
            "source": .string(context.advisor.store.currentPath ?? catalog.source),
            "stale": .bool(context.advisor.staleness(of: catalog).isStale),
        ])
    }
}
