/// `initialize`'s `initializationOptions` as Preflight reads them (also the `preflight`
/// settings editors send).
public struct InitializationOptions: Decodable, Sendable, Equatable {
    /// A catalog to use instead of the bundled one.
    public var catalogPath: String?
    /// The model priced when a request names none.
    public var defaultModel: String?
    /// A routing file (from `preflight calibrate`) instead of the bundled one.
    public var routingPath: String?
    /// The budget open documents are checked against (diagnostics, `preflight.check`).
    public var budget: BudgetParams?
    /// How long after the last change an open document is re-estimated, in milliseconds.
    public var debounceMs: Int?

    /// The range `debounceMs` accepts: up to ten seconds (longer would look like a hang).
    public static let debounceRange = 0...10_000

    /// Options built in code.
    public init(catalogPath: String? = nil, defaultModel: String? = nil, routingPath: String? = nil,
                budget: BudgetParams? = nil, debounceMs: Int? = nil) {
        self.catalogPath = catalogPath
        self.defaultModel = defaultModel
        self.routingPath = routingPath
        self.budget = budget
        self.debounceMs = debounceMs
    }

    enum CodingKeys: String, CodingKey { case catalogPath, defaultModel, routingPath, budget, debounceMs }

    /// Decodes the options, checking `debounceMs`' range.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        catalogPath = try container.decodeIfPresent(String.self, forKey: .catalogPath)
        defaultModel = try container.decodeIfPresent(String.self, forKey: .defaultModel)
        routingPath = try container.decodeIfPresent(String.self, forKey: .routingPath)
        budget = try container.decodeIfPresent(BudgetParams.self, forKey: .budget)
        debounceMs = try container.decodeIfPresent(Int.self, forKey: .debounceMs, in: Self.debounceRange)
    }
}
