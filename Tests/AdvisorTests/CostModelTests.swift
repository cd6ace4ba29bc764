import Foundation
import Testing
@testable import Advisor

@Suite struct CostModelTests {
    let costs = CostModel()

    @Test func seedWorkedExample() throws {
        // $0.001 per 1K input = 1 per million; $0.002 per 1K output = 2 per million.
        let m = model(input: "1", output: "2")
        let cost = try costs.price(TokenUsage(input: 1000, output: 500), on: m)
        #expect(cost.input == d("0.001"))
        #expect(cost.output == d("0.001"))
        #expect(cost.credits == d("0.002"))
        #expect(cost.outputTokens == 500)
    }

    @Test func cachedAndCacheWriteTokensAreSubsetsOfTheInput() throws {
        let m = model(input: "3", output: "15", cached: "0.3", write: "3.75")
        let cost = try costs.price(TokenUsage(input: 10_000, cachedInput: 4_000, cacheWrite: 2_000, output: 1_000), on: m)
        #expect(cost.input == d("0.012"))        // 4,000 uncached × 3 / 1e6
        #expect(cost.cachedInput == d("0.0012")) // 4,000 × 0.3 / 1e6
        #expect(cost.cacheWrite == d("0.0075"))  // 2,000 × 3.75 / 1e6
        #expect(cost.output == d("0.015"))
        #expect(cost.credits == d("0.0357"))
    }

    @Test func missingCachedAndCacheWritePricesFallBackToInput() throws {
        let m = model(input: "2", output: "8")
        let cost = try costs.price(TokenUsage(input: 1_000, cachedInput: 500, cacheWrite: 250, output: 0), on: m)
        #expect(cost.input == d("0.0005"))
        #expect(cost.cachedInput == d("0.001"))
        #expect(cost.cacheWrite == d("0.0005"))
        #expect(cost.credits == d("0.002")) // never less than uncached pricing
    }

    @Test func explicitZeroIsARealPrice() throws {
        let m = model(input: "2", output: "8", cached: "0", write: "0")
        let cost = try costs.price(TokenUsage(input: 1_000, cachedInput: 500, cacheWrite: 100, output: 0), on: m)
        #expect(cost.cachedInput == 0)
        #expect(cost.cacheWrite == 0)
        #expect(cost.credits == d("0.0008")) // only the 400 uncached tokens
    }

    @Test func reasoningTokensUseTheReasoningPrice() throws {
        let m = model(input: "1", output: "10", reasoningPrice: "3.5")
        let cost = try costs.price(TokenUsage(input: 0, output: 1_000, reasoning: 400), on: m)
        #expect(cost.output == d("0.006"))    // 600 visible × 10 / 1e6
        #expect(cost.reasoning == d("0.0014")) // 400 × 3.5 / 1e6
        #expect(cost.credits == d("0.0074"))
    }

    @Test func reasoningWithoutItsOwnPriceIsBilledAsOutput() throws {
        let m = model(input: "1", output: "10")
        let cost = try costs.price(TokenUsage(input: 0, output: 1_000, reasoning: 400), on: m)
        #expect(cost.output == d("0.006"))
        #expect(cost.reasoning == d("0.004"))
        #expect(cost.credits == d("0.01"))
    }

    @Test func longContextAppliesStrictlyAboveTheThresholdToTheWholeRequest() throws {
        let lc = LongContextPricing(above: 200_000, inputPerMillion: d("2.5"), outputPerMillion: d("15"))
        let m = model(input: "1.25", output: "10", cached: "0.125", longContext: lc)
        let at = try costs.price(TokenUsage(input: 200_000, output: 1_000), on: m)
        #expect(!at.longContext)
        #expect(at.credits == d("0.26"))       // 0.25 + 0.01 at standard prices
        let above = try costs.price(TokenUsage(input: 200_001, output: 1_000), on: m)
        #expect(above.longContext)
        #expect(above.input == d("0.5000025")) // 200,001 × 2.5 / 1e6: every token, not just the excess
        #expect(above.output == d("0.015"))
        #expect(above.credits == d("0.5150025"))
    }

    @Test func longContextMissingCachedPriceScalesWithTheInputPrice() throws {
        let lc = LongContextPricing(above: 200_000, inputPerMillion: d("2.5"), outputPerMillion: d("15"))
        let m = model(input: "1.25", output: "10", cached: "0.125", longContext: lc)
        let cost = try costs.price(TokenUsage(input: 300_000, cachedInput: 100_000, output: 0), on: m)
        #expect(cost.cachedInput == d("0.025"))  // 100,000 × 0.125 × (2.5 ÷ 1.25) / 1e6, not × 2.5
        #expect(cost.input == d("0.5"))
    }

    @Test func batchPricesApplyWhereTheModelHasThem() throws {
        let m = model(input: "0.15", output: "0.6", cached: "0.075",
                      serviceTiers: [.batch: ServiceTierPricing(inputPerMillion: d("0.075"), outputPerMillion: d("0.3"))])
        let cost = try costs.price(TokenUsage(input: 1_000_000, output: 100_000), on: m, serviceTier: .batch)
        #expect(cost.serviceTier == .batch)
        #expect(cost.credits == d("0.105"))
        #expect(cost.notes.isEmpty)
        // Batch has no cached price: the standard one scaled by batch input ÷ standard input.
        let cached = try costs.price(TokenUsage(input: 1_000_000, cachedInput: 1_000_000, output: 0), on: m,
                                     serviceTier: .batch)
        #expect(cached.cachedInput == d("0.0375"))
    }

    @Test func missingServiceTierFallsBackToStandardWithANote() throws {
        let m = model(input: "0.15", output: "0.6")
        let cost = try costs.price(TokenUsage(input: 1_000_000, output: 100_000), on: m, serviceTier: .flex)
        #expect(cost.serviceTier == .standard)
        #expect(cost.credits == d("0.21"))
        #expect(cost.notes.count == 1)
        #expect(cost.notes[0].contains("flex"))
    }

    @Test func serviceTierLongContextPrices() throws {
        let standardLC = LongContextPricing(above: 200_000, inputPerMillion: d("2.5"), outputPerMillion: d("15"))
        let batchLC = LongContextPricing(above: 200_000, inputPerMillion: d("1.25"), outputPerMillion: d("7.5"))
        let m = model(input: "1.25", output: "10", longContext: standardLC, serviceTiers: [
            .batch: ServiceTierPricing(inputPerMillion: d("0.625"), outputPerMillion: d("5"), longContext: batchLC),
            .flex: ServiceTierPricing(inputPerMillion: d("0.625"), outputPerMillion: d("5")),
        ])
        let batch = try costs.price(TokenUsage(input: 250_000, output: 2_000), on: m, serviceTier: .batch)
        #expect(batch.longContext && batch.serviceTier == .batch)
        #expect(batch.credits == d("0.3275")) // 250,000 × 1.25 + 2,000 × 7.5, per million
        let flex = try costs.price(TokenUsage(input: 250_000, output: 2_000), on: m, serviceTier: .flex)
        #expect(flex.longContext)
        #expect(flex.credits == d("0.655"))   // standard long-context prices: never undercount
        #expect(flex.notes.contains { $0.contains("long-context") })
        let flexShort = try costs.price(TokenUsage(input: 1_000, output: 0), on: m, serviceTier: .flex)
        #expect(flexShort.credits == d("0.000625"))
    }

    @Test func creditsIsTheRoundedExactTotalAndThePartsAddUpToIt() throws {
        // 1 token at 0.0025 per million = 2.5e-9: the total 5e-9 is exact; rounded on their own the
        // parts would be 2e-9 each (4e-9 beside a total of 5e-9). Apportioned, the nano-credit the
        // cuts lost goes to the first of the two that lost most.
        let m = model(input: "0.0025", output: "0.0025")
        let cost = try costs.price(TokenUsage(input: 1, output: 1), on: m)
        #expect(cost.input == d("0.000000003"))
        #expect(cost.output == d("0.000000002"))
        #expect(cost.credits == d("0.000000005"))
        #expect(cost.exactCredits == d("0.000000005"))
        // Four parts of 0.4e-9: the total rounds to 1e-9, which one part carries.
        let small = model(input: "0.0001", output: "0.0001", cached: "0.0001", write: "0.0001")
        let tiny = try costs.price(TokenUsage(input: 12, cachedInput: 4, cacheWrite: 4, output: 4), on: small)
        #expect(tiny.credits == d("0.000000002"))   // 1.6e-9
        #expect(tiny.input + tiny.cachedInput + tiny.cacheWrite + tiny.output + tiny.reasoning == tiny.credits)
    }

    @Test func apportionedPartsStayWithinANanoCreditOfTheirExactValues() {
        let parts = [d("0.0000000375"), d("0.0000000625"), d("0.00000001875"), d("0.3"), d("0")]
        let (total, rounded) = CreditRounding.apportion(parts)
        #expect(total == CreditRounding.round(parts.reduce(0, +)))
        #expect(rounded.reduce(0, +) == total)
        for (exact, shown) in zip(parts, rounded) { #expect(abs(exact - shown) < d("0.000000001")) }
        #expect(rounded[4] == 0)
    }

    @Test func aServiceTierWithoutLongContextPricesNeverGetsCheaperAboveTheThreshold() throws {
        // priority costs more than the standard long-context prices: above the threshold the
        // request keeps the higher price for each kind of token, so more input never costs less.
        let standardLC = LongContextPricing(above: 1_000, inputPerMillion: d("2.5"), outputPerMillion: d("15"))
        let m = model(input: "1.25", output: "10", longContext: standardLC, serviceTiers: [
            .priority: ServiceTierPricing(inputPerMillion: d("3"), outputPerMillion: d("12")),
        ])
        let at = try costs.price(TokenUsage(input: 1_000, output: 1_000), on: m, serviceTier: .priority)
        let above = try costs.price(TokenUsage(input: 1_001, output: 1_000), on: m, serviceTier: .priority)
        #expect(above.credits >= at.credits)
        #expect(above.input == d("0.003003"))   // 1,001 × 3 (priority, above 2.5) / 1e6
        #expect(above.output == d("0.015"))     // 1,000 × 15 (long context, above 12) / 1e6
        // A cached price missing below the threshold falls back to the input price; above it the
        // published long-context cached price is lower: the higher one stays (LiteLLM's flex tiers).
        let fallback = LongContextPricing(above: 1_000, inputPerMillion: d("2.5"), outputPerMillion: d("15"),
                                          cachedInputPerMillion: d("0.25"))
        let flex = model(input: "1.25", output: "10", longContext: fallback)
        let short = try costs.price(TokenUsage(input: 1_000, cachedInput: 1_000, output: 0), on: flex)
        let long = try costs.price(TokenUsage(input: 1_001, cachedInput: 1_001, output: 0), on: flex)
        #expect(short.credits == d("0.00125") && long.credits >= short.credits)
    }

    @Test func roundingIsHalfEvenAtNinePlaces() {
        #expect(CreditRounding.round(d("0.0000000025")) == d("0.000000002"))
        #expect(CreditRounding.round(d("0.0000000035")) == d("0.000000004"))
        #expect(CreditRounding.round(d("0.00000001875")) == d("0.000000019"))
        #expect(CreditRounding.round(d("1.2345678905")) == d("1.23456789"))
        // $0.01875 per million, one token: finer than a nano-credit, kept exact until rounding.
        #expect(CreditRounding.cost(tokens: 1, pricePerMillion: d("0.01875")) == d("0.00000001875"))
    }

    @Test func reportedDoublesPrintAsTheirDecimals() {
        #expect(CreditRounding.doubleValue(of: d("0.3")) == 0.3)
        #expect(CreditRounding.doubleValue(of: d("0.000000005")) == 5e-9)
        #expect(CreditRounding.doubleValue(of: d("0.0000000025")) == 2e-9)   // rounded first
        #expect(CreditRounding.doubleValue(of: d("1234.567890123")) == 1234.567890123)
    }

    @Test func inconsistentUsageIsRejectedNamingTheField() {
        let m = model(input: "1", output: "1")
        let cached = #expect(throws: CostModelError.self) {
            try costs.price(TokenUsage(input: 10, cachedInput: 11, output: 0), on: m)
        }
        #expect(cached?.field == "cachedInputTokens")
        let written = #expect(throws: CostModelError.self) {
            try costs.price(TokenUsage(input: 10, cachedInput: 6, cacheWrite: 5, output: 0), on: m)
        }
        #expect(written?.field == "cacheWriteTokens")
        let reasoning = #expect(throws: CostModelError.self) {
            try costs.price(TokenUsage(input: 10, output: 5, reasoning: 6), on: m)
        }
        #expect(reasoning?.field == "reasoningTokens")
        let negative = #expect(throws: CostModelError.self) {
            try costs.price(TokenUsage(input: -1, output: 0), on: m)
        }
        #expect(negative?.field == "inputTokens")
        // The exact boundaries are accepted.
        #expect(throws: Never.self) { try costs.price(TokenUsage(input: 10, cachedInput: 6, cacheWrite: 4, output: 5, reasoning: 5), on: m) }
    }
}
