import Foundation

/// The money a request may spend, as `preflight/check`'s `budget` parameter gives it.
///
/// Two funding models from the credits guide: self-funded (a `balance` that must stay at or
/// above `minimumBalance`, $0.10 by default) and organisation-funded (a member's
/// `spendingLimit` and what they have `spent` so far). A member may have both.
public struct Budget: Sendable, Equatable {
    /// The credits guide's default minimum balance: 0.10 credits.
    public static let defaultMinimumBalance = Decimal(string: "0.10", locale: nil)!

    /// The self-funded balance, if the caller pays from one.
    public let balance: Decimal?
    /// The balance that must remain after the request.
    public let minimumBalance: Decimal
    /// Whether `minimumBalance` is the 0.10 default rather than the caller's (a refusal then
    /// says so, since a caller who never set it cannot guess why a small balance is refused).
    public let minimumBalanceIsDefault: Bool
    /// The organisation's spending limit for this member, if any.
    public let spendingLimit: Decimal?
    /// What this member has already spent against the limit.
    public let spent: Decimal

    /// Creates a budget.
    ///
    /// - Throws: `BudgetError` when neither `balance` nor `spendingLimit` is given, or when
    ///   `minimumBalance`, `spendingLimit` or `spent` is negative.
    public init(balance: Decimal? = nil, minimumBalance: Decimal? = nil,
                spendingLimit: Decimal? = nil, spent: Decimal = 0) throws {
        let minimumBalanceIsDefault = minimumBalance == nil
        let minimumBalance = minimumBalance ?? Budget.defaultMinimumBalance
        guard balance != nil || spendingLimit != nil else {
            throw BudgetError(field: "budget",
                              message: "give a balance (self-funded) or a spendingLimit (organisation-funded)")
        }
        if minimumBalance < 0 {
            throw BudgetError(field: "budget.minimumBalance", message: "must not be negative, got \(minimumBalance)")
        }
        if let spendingLimit, spendingLimit < 0 {
            throw BudgetError(field: "budget.spendingLimit", message: "must not be negative, got \(spendingLimit)")
        }
        if spent < 0 {
            throw BudgetError(field: "budget.spent", message: "must not be negative, got \(spent)")
        }
        self.balance = balance
        self.minimumBalance = minimumBalance
        self.minimumBalanceIsDefault = minimumBalanceIsDefault
        self.spendingLimit = spendingLimit
        self.spent = spent
    }
}

/// An unusable budget, naming the field (relative to `params`) for the -32602 reply.
public struct BudgetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The field at fault, e.g. `budget.spent`.
    public let field: String
    /// What is wrong.
    public let message: String

    /// Creates an error.
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    /// `field: message`.
    public var description: String { "\(field): \(message)" }
}
