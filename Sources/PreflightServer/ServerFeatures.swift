import JSONRPC
import JSON

/// Registers every feature's methods and the capabilities they add to `initialize`. The one
/// place a new feature is added.
enum ServerFeatures {
    static func register(into registry: inout MethodRegistry, context: ServerContext) {
        TokenCountMethods.register(into: &registry, context: context)
        registry.capability(["experimental", "preflight", "tokenizers"]) { .array(context.tokenizerDescriptions()) }
        AdvisorMethods.register(into: &registry, context: context)
        registry.capability(["experimental", "preflight", "catalog"]) { catalogDescription(context.advisor) }
        registry.capability(["experimental", "preflight", "routing"]) { context.advisor.routingDescription() }
        DocumentFeature.register(into: &registry, context: context)
    }

    /// `{version, models, source, stale}` of the catalog in use, or `null` when none loaded.
    private static func catalogDescription(_ advisor: AdvisorService) -> JSONValue {
        guard let catalog = try? advisor.catalog() else { return .null() }
        return .object([
            "version": .string(catalog.version.description),
            "models": .integer(catalog.models.count),
            "source": .string(advisor.store.currentPath ?? catalog.source),
            "stale": .bool(advisor.staleness(of: catalog)?.isStale ?? false),
        ])
    }
}
