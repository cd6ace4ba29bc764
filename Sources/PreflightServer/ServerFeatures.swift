import JSONRPC

/// Registers every feature's methods. The one place a new method is added.
enum ServerFeatures {
    static func register(into registry: inout MethodRegistry, context: ServerContext) {
        TokenCountMethods.register(into: &registry, context: context)
        AdvisorMethods.register(into: &registry, context: context)
    }
}
