import Advisor
import JSON

/// `preflight/models`'s params: `{tier?}` to list one tier's models.
public struct ModelsParams: Decodable, Sendable, Equatable {
    /// Only the models of this (effective) tier.
    public var tier: Tier?

    enum CodingKeys: String, CodingKey { case tier }

    /// Params built in code.
    public init(tier: Tier? = nil) {
        self.tier = tier
    }

    /// Reads `tier`, one of the tier names.
    public init(from decoder: any Decoder) throws {
        tier = try decoder.container(keyedBy: CodingKeys.self).decodeChoiceIfPresent(Tier.self, forKey: .tier)
    }
}
