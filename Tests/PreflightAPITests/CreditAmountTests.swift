import Advisor
import Foundation
import JSON
import PreflightAPI
import Testing

private func d(_ text: String) -> Decimal { Decimal(string: text, locale: nil)! }

private func json<T: Encodable>(_ value: T) throws -> JSONValue { try JSONValueEncoder().encode(value) }

/// Amounts as JSON numbers, and money read back from params.
@Suite struct CreditAmountTests {
    @Test func amountsAreRoundedHalfEvenToNinePlacesAndPrintShortest() throws {
        #expect(try json(CreditAmount(d("0.3"))).serializedString == "0.3")
        // 1.5 nano-credits rounds to 2, 2.5 to 2 (half-even).
        #expect(try json(CreditAmount(d("0.0000000015"))).doubleValue == 0.000000002)
        #expect(try json(CreditAmount(d("0.0000000025"))).doubleValue == 0.000000002)
        #expect(try json(CreditAmount(d("123.4567890125"))).doubleValue == 123.456789012)
    }

    @Test func budgetAmountsKeepTheDigitsTheJSONSpelled() throws {
        let params = try JSONValue.parse(#"{"prompt":"x","budget":{"balance":1e-05,"spendingLimit":0.3,"spent":0.1}}"#)
        let budget = try JSONValueDecoder().decode(CheckParams.self, from: params, path: "params").value.budget.budget
        #expect(budget.balance == d("0.00001"))
        #expect(budget.spendingLimit == d("0.3"))
        #expect(budget.spent == d("0.1"))
        #expect(budget.minimumBalance == d("0.10"))
    }
}
