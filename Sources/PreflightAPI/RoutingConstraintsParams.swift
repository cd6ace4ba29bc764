import Advisor
import JSON

/// `params.constraints`: `{minTier, maxTier, requireReasoning, providers, allowZeroPriced}`. An unknown member is
/// refused: a misspelt `maxtier` would otherwise drop the limit and change the recommendation.
struct RoutingConstraintsParams: Decodable {
    var constraints: RoutingConstraints

    enum CodingKeys: String, CodingKey, CaseIterable { case minTier, maxTier, requireReasoning, providers, allowZeroPriced }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.refuseUnknownMembers(CodingKeys.self, of: "constraints")
        let minTier = try container.decodeChoiceIfPresent(Tier.self, forKey: .minTier)
        let maxTier = try container.decodeChoiceIfPresent(Tier.self, forKey: .maxTier)
        let requireReasoning = try container.decodeIfPresent(Bool.self, forKey: .requireReasoning) ?? false
        let providers = try container.decodeIfPresent([String].self, forKey: .providers)
        let allowZeroPriced = try container.decodeIfPresent(Bool.self, forKey: .allowZeroPriced) ?? false
        do {
            constraints = try RoutingConstraints(minTier: minTier, maxTier: maxTier, requireReasoning: requireReasoning,
                                                 providers: providers)
        } catch {
            throw JSONFieldProblem(codingPath: container.codingPath, key: CodingKeys.maxTier, sentence: (error as? EstimateError)?.message ?? "\(error)")
        }
        constraints.allowZeroPriced = allowZeroPriced
    }
}
