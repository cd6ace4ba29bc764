/// A capability class of models, cheapest first.
///
/// Tiers are what the router recommends; each catalog model belongs to exactly one. The order
/// (`economy < standard < premium < frontier`) is the order of capability and, roughly, of price.
public enum Tier: String, CaseIterable, Sendable, Comparable, Codable {
    /// Simple queries, classification, formatting.
    case economy
    /// Conversation, content, code assistance.
    case standard
    /// Complex reasoning, code generation, analysis.
    case premium
    /// Research-grade multi-step reasoning.
    case frontier

    /// Position in capability order, so tiers compare as capability classes.
    public var rank: Int { Tier.allCases.firstIndex(of: self)! }

    /// Capability order.
    public static func < (lhs: Tier, rhs: Tier) -> Bool { lhs.rank < rhs.rank }
}
