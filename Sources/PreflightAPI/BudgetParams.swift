import Advisor
import Foundation
import JSON

/// `params.budget` of `preflight/check`: `{balance?, minimumBalance?, spendingLimit?, spent?}`.
///
/// An unknown member is refused wherever a budget is decoded (`params.budget`,
/// `initializationOptions.budget`, the `preflight.budget` setting, a command's argument): a
/// misspelt `minBalance` would otherwise drop the minimum and turn a refusal into `allowed: true`.
public struct BudgetParams: Decodable, Sendable, Equatable {
    /// The validated budget.
    public let budget: Budget

    enum CodingKeys: String, CodingKey, CaseIterable { case balance, minimumBalance, spendingLimit, spent }

    /// Wraps a budget built in code (the command line).
    public init(_ budget: Budget) {
        self.budget = budget
    }

    /// Reads and validates the budget; amounts keep the decimal digits the JSON spelled.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.refuseUnknownMembers(CodingKeys.self, of: "budget")
        let balance = try container.decodeIfPresent(CreditAmount.self, forKey: .balance)?.value
        let minimum = try container.decodeIfPresent(CreditAmount.self, forKey: .minimumBalance)?.value
        let limit = try container.decodeIfPresent(CreditAmount.self, forKey: .spendingLimit)?.value
        let spent = try container.decodeIfPresent(CreditAmount.self, forKey: .spent)?.value
        if spent != nil && limit == nil {
            throw JSONFieldProblem(codingPath: container.codingPath, key: CodingKeys.spent,
                                   sentence: "params.budget.spent is only meaningful with params.budget.spendingLimit")
        }
        do {
            budget = try Budget(balance: balance, minimumBalance: minimum,
                                spendingLimit: limit, spent: spent ?? 0)
        } catch let error as BudgetError {
            // BudgetError names its field relative to params (`budget.spent`).
            let name = error.field.split(separator: ".").last.map(String.init) ?? error.field
            if error.field == "budget" {
                throw JSONFieldProblem(codingPath: Array(container.codingPath.dropLast()),
                                       key: container.codingPath.last ?? JSONIndexKey(0),
                                       sentence: "params.budget: \(error.message)")
            }
            throw JSONFieldProblem(codingPath: container.codingPath, key: CodingKeys(rawValue: name) ?? .balance,
                                   sentence: "params.\(error.field) \(error.message)")
        }
    }
}
