/// `initialize`'s `initializationOptions` as Preflight reads them (also the `preflight`
/// settings editors send).
public struct InitializationOptions: Decodable, Sendable, Equatable {
    /// A catalog to use instead of the bundled one.
    public var catalogPath: String?
    /// The model priced when a request names none.
    public var defaultModel: String?
    /// A routing file (from `preflight calibrate`) instead of the bundled one.
    public var routingPath: String?

    /// Options built in code.
    public init(catalogPath: String? = nil, defaultModel: String? = nil, routingPath: String? = nil) {
        self.catalogPath = catalogPath
        self.defaultModel = defaultModel
        self.routingPath = routingPath
    }
}
