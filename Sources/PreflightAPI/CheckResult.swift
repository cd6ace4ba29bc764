import JSON
import Advisor

/// `preflight/check`'s result: the verdict, and the model and range it priced.
public struct CheckResult: Codable, Sendable, Equatable, WarningCarrying {
    /// Whether the request may go ahead.
    public let allowed: Bool
    /// Why, in a sentence.
    public let reason: String
    /// The point cost checked.
    public let credits: CreditAmount
    /// Balance after the request (self-funded budgets).
    public let balanceAfter: CreditAmount?
    /// What is left of the spending limit (organisation budgets).
    public let remainingLimit: CreditAmount?
    /// Alert thresholds crossed (shares of the limit).
    public let alerts: [CreditAmount]
    /// The model priced.
    public let model: String
    /// Its tier.
    public let tier: Tier
    /// The estimate's cost range.
    public let range: Interval<CreditAmount>
    /// Where the price came from when the request named a model (as in `preflight/estimate`):
    /// a budget verdict on a reference-layer price or a name matched loosely should say so
    /// beside the verdict, not only in an estimate the caller did not ask for. Absent for a
    /// recommendation, which is always priced from the curated layer.
    public var priceSource: EstimateResult.PriceSource?
    /// Ignored parameters, then the estimate's own warnings (as `preflight/estimate` gives them).
    public var warnings: [ResultWarning]

    /// The result for `verdict` on `estimate`.
    public init(_ verdict: BudgetVerdict, estimate: Estimate) {
        allowed = verdict.allowed
        reason = verdict.reason
        credits = CreditAmount(verdict.credits)
        balanceAfter = verdict.balanceAfter.map(CreditAmount.init)
        remainingLimit = verdict.remainingLimit.map(CreditAmount.init)
        alerts = verdict.alerts.map(CreditAmount.init)
        model = estimate.model.id
        tier = estimate.tier
        range = Interval(low: CreditAmount(estimate.cost.range.low), high: CreditAmount(estimate.cost.range.high))
        warnings = estimate.warnings.map { ResultWarning(message: $0) }
    }
}
