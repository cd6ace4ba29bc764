import Foundation

/// The pre-flight budget check: may this request run, given what it will cost?
///
/// Exactly the brief's `preflight/check` rule, on the point estimate `credits`, compared in
/// exact `Decimal`:
/// - with a balance: allowed only if `balance − credits ≥ minimumBalance` (equality passes);
/// - with a spending limit: allowed only if `spent + credits ≤ spendingLimit` (equality passes);
/// - with both, both must hold.
/// Alerts follow the credits guide's 50/75/90 % limit alerts: threshold `t` is reported when
/// this request crosses it, `spent < t·limit ≤ spent + credits`.
public enum BudgetCheck {
    /// The limit fractions that raise an alert.
    public static let alertThresholds: [Decimal] = [
        Decimal(string: "0.5", locale: nil)!, Decimal(string: "0.75", locale: nil)!,
        Decimal(string: "0.9", locale: nil)!,
    ]

    /// The verdict for a request costing `credits` under `budget`.
    public static func evaluate(credits: Decimal, budget: Budget) -> BudgetVerdict {
        var failures: [String] = []
        var balanceAfter: Decimal? = nil
        var remainingLimit: Decimal? = nil
        var alerts: [Decimal] = []

        if let balance = budget.balance {
            let after = balance - credits
            balanceAfter = after
            let minimum = "the minimum balance of \(format(budget.minimumBalance))"
                + (budget.minimumBalanceIsDefault ? " (the default; set minimumBalance to change it)" : "")
            if balance < budget.minimumBalance {
                failures.append("the balance of \(format(balance)) credits is already below \(minimum), so every "
                                + "request is refused; add at least \(format(budget.minimumBalance - after)) credits")
            } else if after < budget.minimumBalance {
                let shortfall = budget.minimumBalance - after
                failures.append("the balance after this request would be \(format(after)) credits, below "
                                + "\(minimum); add at least \(format(shortfall)) credits or choose a cheaper model")
            }
        }
        if let limit = budget.spendingLimit {
            let total = budget.spent + credits
            let remaining = limit - total
            remainingLimit = remaining
            if total > limit {
                failures.append("this request (\(format(credits)) credits) would bring spending to "
                                + "\(format(total)) credits, over the spending limit of \(format(limit)) "
                                + "(\(format(max(0, limit - budget.spent))) left); ask an organisation admin "
                                + "to raise the limit or choose a cheaper model")
            }
            for threshold in alertThresholds {
                let mark = threshold * limit
                if budget.spent < mark && mark <= total { alerts.append(threshold) }
            }
        }
        let reason = failures.isEmpty ? "within budget" : failures.joined(separator: "; ")
        return BudgetVerdict(allowed: failures.isEmpty, reason: reason, credits: credits,
                             balanceAfter: balanceAfter, remainingLimit: remainingLimit,
                             alerts: alerts, failures: failures)
    }

    /// The verdict on `estimate`: as `evaluate(credits:budget:)` on its point cost, and refused
    /// whatever the budget when the priced model cannot take the request (`estimate.noFit`),
    /// with that reason first.
    public static func evaluate(_ estimate: Estimate, budget: Budget) -> BudgetVerdict {
        evaluate(credits: estimate.cost.credits, budget: budget, noFit: estimate.noFit)
    }

    /// The verdict for a request costing `credits` that the priced model cannot take when
    /// `noFit` is given (refused with that reason first, whatever the budget).
    public static func evaluate(credits: Decimal, budget: Budget, noFit: NoFit?) -> BudgetVerdict {
        let verdict = evaluate(credits: credits, budget: budget)
        guard let noFit else { return verdict }
        let failures = [noFit.reason] + verdict.failures
        return BudgetVerdict(allowed: false, reason: failures.joined(separator: "; "), credits: verdict.credits,
                             balanceAfter: verdict.balanceAfter, remainingLimit: verdict.remainingLimit,
                             alerts: verdict.alerts, failures: failures)
    }

    /// Plain decimal notation of an amount, rounded to 9 places, for the `reason` sentence.
    static func format(_ amount: Decimal) -> String {
        CreditRounding.round(amount).description
    }
}
