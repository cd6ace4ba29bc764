import Foundation
import Testing
@testable import Advisor

@Suite struct BudgetCheckTests {
    @Test func balanceExactlyAtTheMinimumAfterTheRequestIsAllowed() throws {
        let verdict = BudgetCheck.evaluate(credits: d("0.002"), budget: try Budget(balance: d("0.102")))
        #expect(verdict.allowed)
        #expect(verdict.reason == "within budget")
        #expect(verdict.balanceAfter == d("0.1"))
        #expect(verdict.remainingLimit == nil)
        #expect(verdict.alerts.isEmpty)
    }

    @Test func oneNanoCreditBelowTheMinimumIsRefused() throws {
        let verdict = BudgetCheck.evaluate(credits: d("0.002"), budget: try Budget(balance: d("0.101999999")))
        #expect(!verdict.allowed)
        #expect(verdict.balanceAfter == d("0.099999999"))
        #expect(verdict.failures.count == 1)
        #expect(verdict.reason.contains("minimum balance of 0.1"))
        #expect(verdict.reason.contains("add at least 0.000000001 credits"))
    }

    @Test func customMinimumBalance() throws {
        let budget = try Budget(balance: d("1"), minimumBalance: d("0"))
        #expect(BudgetCheck.evaluate(credits: d("1"), budget: budget).allowed)
        #expect(!BudgetCheck.evaluate(credits: d("1.000000001"), budget: budget).allowed)
    }

    @Test func spendingExactlyToTheLimitIsAllowed() throws {
        let budget = try Budget(spendingLimit: d("10"), spent: d("9.998"))
        let verdict = BudgetCheck.evaluate(credits: d("0.002"), budget: budget)
        #expect(verdict.allowed)
        #expect(verdict.remainingLimit == 0)
        #expect(verdict.balanceAfter == nil)
        let over = BudgetCheck.evaluate(credits: d("0.002000001"), budget: budget)
        #expect(!over.allowed)
        #expect(over.remainingLimit == d("-0.000000001"))
        #expect(over.reason.contains("over the spending limit of 10"))
        #expect(over.reason.contains("(0.002 left)"))
    }

    @Test func bothRulesMustHoldAndEveryFailureIsListed() throws {
        let budget = try Budget(balance: d("0.15"), spendingLimit: d("1"), spent: d("0.99"))
        let verdict = BudgetCheck.evaluate(credits: d("0.06"), budget: budget)
        #expect(!verdict.allowed)
        #expect(verdict.failures.count == 2)
        #expect(verdict.reason == verdict.failures.joined(separator: "; "))
        #expect(verdict.balanceAfter == d("0.09"))
        #expect(verdict.remainingLimit == d("-0.05"))
        let onlyLimit = BudgetCheck.evaluate(credits: d("0.05"), budget: budget)
        #expect(!onlyLimit.allowed)
        #expect(onlyLimit.failures.count == 1)
        #expect(onlyLimit.reason.contains("spending limit"))
    }

    @Test func alertsFireWhenThisRequestCrossesAThreshold() throws {
        func alerts(spent: String, credits: String) throws -> [Decimal] {
            BudgetCheck.evaluate(credits: d(credits), budget: try Budget(spendingLimit: d("10"), spent: d(spent))).alerts
        }
        #expect(try alerts(spent: "4.999", credits: "0.001") == [d("0.5")])   // lands exactly on 5
        #expect(try alerts(spent: "4.999", credits: "0.0009").isEmpty)        // stops short
        #expect(try alerts(spent: "5", credits: "1").isEmpty)                 // already at 5: not crossed again
        #expect(try alerts(spent: "4", credits: "6") == [d("0.5"), d("0.75"), d("0.9")])
        #expect(try alerts(spent: "7", credits: "2") == [d("0.75"), d("0.9")])
        #expect(try alerts(spent: "9", credits: "0").isEmpty)
        // Alerts are reported even when the request is refused.
        let refused = BudgetCheck.evaluate(credits: d("20"), budget: try Budget(spendingLimit: d("10"), spent: d("1")))
        #expect(!refused.allowed)
        #expect(refused.alerts.count == 3)
    }

    @Test func aBudgetNeedsABalanceOrALimit() {
        let error = #expect(throws: BudgetError.self) { try Budget() }
        #expect(error?.field == "budget")
        let spent = #expect(throws: BudgetError.self) { try Budget(spendingLimit: d("1"), spent: d("-1")) }
        #expect(spent?.field == "budget.spent")
        let limit = #expect(throws: BudgetError.self) { try Budget(spendingLimit: d("-1")) }
        #expect(limit?.field == "budget.spendingLimit")
        let minimum = #expect(throws: BudgetError.self) { try Budget(balance: d("1"), minimumBalance: d("-0.1")) }
        #expect(minimum?.field == "budget.minimumBalance")
        #expect(Budget.defaultMinimumBalance == d("0.10"))
    }
}
