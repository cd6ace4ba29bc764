import Foundation

/// The answer of the pre-flight budget check, shaped like `preflight/check`'s result.
public struct BudgetVerdict: Sendable, Equatable {
    /// Whether the request may go ahead.
    public let allowed: Bool
    /// "within budget", or every failed rule in words a person can act on.
    public let reason: String
    /// The point estimate the verdict used.
    public let credits: Decimal
    /// `balance − credits`, when a balance was given.
    public let balanceAfter: Decimal?
    /// `spendingLimit − spent − credits` (after this request; negative when it would overshoot),
    /// when a limit was given.
    public let remainingLimit: Decimal?
    /// The limit thresholds (0.5, 0.75, 0.9) this request crosses, ascending.
    public let alerts: [Decimal]
    /// The individual failed rules, in the order they appear in `reason`.
    public let failures: [String]

    /// Creates a verdict; `BudgetCheck` is the producer.
    public init(allowed: Bool, reason: String, credits: Decimal, balanceAfter: Decimal?,
                remainingLimit: Decimal?, alerts: [Decimal], failures: [String]) {
        self.allowed = allowed
        self.reason = reason
        self.credits = credits
        self.balanceAfter = balanceAfter
        self.remainingLimit = remainingLimit
        self.alerts = alerts
        self.failures = failures
    }
}
