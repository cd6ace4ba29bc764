/// What the caller insists on when the advisor picks a model (`constraints`).
public struct RoutingConstraints: Sendable, Equatable {
    /// Never recommend below this tier.
    public let minTier: Tier?
    /// Never recommend above this tier.
    public let maxTier: Tier?
    /// Only models that reason (hidden chain-of-thought).
    public let requireReasoning: Bool
    /// Only these providers (empty or `nil`: any).
    public let providers: [String]?
    /// Whether models priced at zero (free tiers, placeholders) may be recommended.
    public var allowZeroPriced: Bool = false

    /// Creates constraints.
    ///
    /// - Throws: `EstimateError` (field `constraints.maxTier`) when `maxTier` is below `minTier`.
    public init(minTier: Tier? = nil, maxTier: Tier? = nil, requireReasoning: Bool = false,
                providers: [String]? = nil) throws {
        if let minTier, let maxTier, maxTier < minTier {
            throw EstimateError(field: "constraints.maxTier", code: .invalidParams,
                                message: "maxTier \(maxTier.rawValue) is below minTier \(minTier.rawValue)")
        }
        self.minTier = minTier
        self.maxTier = maxTier
        self.requireReasoning = requireReasoning
        self.providers = providers
    }

    /// No constraints.
    public static let none = try! RoutingConstraints()

    /// Whether `model` passes the provider, reasoning and zero-price constraints (tiers are checked apart).
    public func admits(_ model: CatalogModel) -> Bool {
        if requireReasoning && !model.reasoning { return false }
        if model.isZeroPriced && !allowZeroPriced { return false }
        if let providers, !providers.isEmpty, !providers.contains(model.provider) { return false }
        return true
    }

    /// Whether `tier` lies within `minTier…maxTier`.
    public func admits(_ tier: Tier) -> Bool {
        if let minTier, tier < minTier { return false }
        if let maxTier, tier > maxTier { return false }
        return true
    }
}
