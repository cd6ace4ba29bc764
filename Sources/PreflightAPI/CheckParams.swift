import JSON

/// `preflight/check`'s params: the estimate fields plus `budget` (required).
public struct CheckParams: Decodable, Sendable, Equatable {
    /// What to estimate.
    public var estimate: EstimateParams
    /// What to check the estimate's point cost against.
    public var budget: BudgetParams

    enum CodingKeys: String, CodingKey { case budget }

    /// Params built in code (the command line).
    public init(estimate: EstimateParams, budget: BudgetParams) {
        self.estimate = estimate
        self.budget = budget
    }

    /// Reads the budget first, so a malformed budget is reported even when the prompt is fine.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard try !container.decodeNil(forKey: .budget) else {
            throw JSONFieldProblem(codingPath: container.codingPath, key: CodingKeys.budget,
                                   sentence: "params.budget is required: {balance} (self-funded) and/or "
                                       + "{spendingLimit, spent} (organisation-funded)")
        }
        budget = try container.decode(BudgetParams.self, forKey: .budget)
        estimate = try EstimateParams(from: decoder)
    }
}
