import Foundation
import Testing
import Tokenizers
@testable import Advisor

@Suite struct EstimatePlannerTests {
    /// economy: a (o200k, ctx 1,000) and b (family `fam`, counts double, ctx 100, cheaper);
    /// standard: s; premium: r (provider p2, reasoning); frontier: f.
    let catalog = try! Catalog(version: CalendarDay("2026-11-20")!, source: "test", models: [
        model("econ-a", tier: .economy, context: 1_000, input: "0.1", output: "0.4"),
        model("econ-b", tier: .economy, tokenizer: "fam", context: 100, input: "0.05", output: "0.2"),
        model("std", tier: .standard, context: 100_000, input: "1", output: "4"),
        model("prem", tier: .premium, provider: "p2", maxOutput: 8_000, input: "3", output: "15", reasoning: true),
        model("front", tier: .frontier, input: "15", output: "75"),
    ])
    var planner: EstimatePlanner { EstimatePlanner(catalog: catalog, counter: WordCounter(), scorer: FixedScorer()) }

    @Test func recommendsTheCheapestFittingModelOfTheSuggestedTier() throws {
        let estimate = try planner.estimate(EstimateRequest(input: .prompt("Capital of France"), maxOutputTokens: 90))
        #expect(estimate.complexity.suggestedTier == .economy)
        #expect(estimate.recommendation.tier == .economy)
        #expect(estimate.recommendation.model == "econ-b")
        #expect(estimate.recommendation.reason.hasPrefix("economy: fixed economy for the test"))
        // Counted with econ-b's own tokenizer: 3 words, doubled, not exact.
        #expect(estimate.tokens.input == 6)
        #expect(estimate.tokens.tokenizer == "fam")
        #expect(!estimate.tokens.exact)
        #expect(estimate.tokens.low == 4 && estimate.tokens.high == 7)
        // General task: 350 output tokens (100…1,000), capped at 90 so econ-b's window of 100 holds 6 + 90.
        #expect(estimate.cost.outputTokens == 90)
        #expect(estimate.cost.input == d("0.0000003"))   // 6 × 0.05 / 1e6
        #expect(estimate.cost.output == d("0.000018"))   // 90 × 0.2 / 1e6
        #expect(estimate.cost.credits == d("0.0000183"))
        #expect(estimate.cost.range.low == d("0.0000182"))   // 4 × 0.05 + 90 × 0.2, per million
        #expect(estimate.cost.range.high == d("0.00001835")) // 7 × 0.05 + 90 × 0.2, per million
    }

    @Test func theContextWindowMustHoldTheInputPlusTheProjectedOutput() throws {
        // 6 input + 350 projected output tokens do not fit econ-b's 100: econ-a (1,000) is chosen.
        let estimate = try planner.estimate(EstimateRequest(input: .prompt("Capital of France")))
        #expect(estimate.recommendation.tier == .economy)
        #expect(estimate.recommendation.model == "econ-a")
        #expect(estimate.cost.outputTokens == 350)
        #expect(estimate.recommendation.reason.contains("econ-a is the cheapest economy model"))
        #expect(estimate.recommendation.reason.contains("3 input and 350 output tokens"))
        // With a prompt long enough that no economy model holds it plus its output, the tier moves up.
        let long = Array(repeating: "word", count: 700).joined(separator: " ")
        let moved = try planner.estimate(EstimateRequest(input: .prompt(long)))
        #expect(moved.recommendation.tier == .standard)
        #expect(moved.recommendation.reason.contains("no economy model fits"))
        #expect(moved.recommendation.reason.contains("projected output tokens exceed"))
    }

    @Test func tiersArePricedWithEachModelsOwnTokenizer() throws {
        let estimate = try planner.estimate(EstimateRequest(input: .prompt("Capital of France"), expectedOutputTokens: 10))
        #expect(estimate.tiers.map(\.tier) == Tier.allCases)
        let economy = estimate.tiers[0]
        #expect(economy.model == "econ-b" && economy.inputTokens == 6)
        let standard = estimate.tiers[1]
        #expect(standard.model == "std" && standard.inputTokens == 3)
        #expect(standard.credits == d("0.000043"))          // 3 × 1 + 10 × 4, per million
        #expect(estimate.tiers[3].credits == d("0.000795")) // 3 × 15 + 10 × 75, per million
        // The output is given, so only the estimated input's interval (4…7 tokens) spreads the cost.
        #expect(estimate.cost.credits == d("0.0000023"))      // 6 × 0.05 + 10 × 0.2, per million
        #expect(estimate.cost.range.low == d("0.0000022"))    // 4 × 0.05 + 10 × 0.2
        #expect(estimate.cost.range.high == d("0.00000235"))  // 7 × 0.05 + 10 × 0.2
        #expect(estimate.outputProjection == nil)
        let exact = try planner.estimate(EstimateRequest(input: .prompt("Capital of France"), model: "std",
                                                         expectedOutputTokens: 10))
        #expect(exact.cost.range.low == exact.cost.credits && exact.cost.range.high == exact.cost.credits)
    }

    @Test func modelsThatCannotHoldTheInputAreSkipped() throws {
        let prompt = Array(repeating: "word", count: 60).joined(separator: " ")
        let estimate = try planner.estimate(EstimateRequest(input: .prompt(prompt), expectedOutputTokens: 1))
        #expect(estimate.recommendation.model == "econ-a")   // econ-b would need 120 > 100 tokens
        #expect(estimate.tokens.input == 60 && estimate.tokens.exact)
    }

    @Test func requestedModelIsPricedAndUnknownModelIsNamed() throws {
        let estimate = try planner.estimate(EstimateRequest(input: .prompt("Capital of France"), model: "front",
                                                            expectedOutputTokens: 100))
        #expect(estimate.recommendation.model == "front")
        #expect(estimate.recommendation.tier == .frontier)
        #expect(estimate.cost.credits == d("0.007545"))     // 3 × 15 + 100 × 75, per million
        let error = #expect(throws: EstimateError.self) {
            try planner.estimate(EstimateRequest(input: .prompt("x"), model: "gpt-nope"))
        }
        #expect(error?.field == "model")
        #expect(error?.message.contains("gpt-nope") == true)
    }

    @Test func constraintsRestrictProvidersTiersAndReasoning() throws {
        let providers = try planner.estimate(EstimateRequest(
            input: .prompt("Capital of France"), constraints: try RoutingConstraints(providers: ["p2"])))
        #expect(providers.recommendation.model == "prem")
        #expect(providers.recommendation.reason.contains("no economy model passes the provider/reasoning constraints, so premium"))
        #expect(providers.tiers[0].model == nil && providers.tiers[0].reason != nil)
        let reasoning = try planner.estimate(EstimateRequest(
            input: .prompt("Capital of France"), constraints: try RoutingConstraints(requireReasoning: true)))
        #expect(reasoning.recommendation.model == "prem")
        let minTier = try planner.estimate(EstimateRequest(
            input: .prompt("Capital of France"), constraints: try RoutingConstraints(minTier: .standard)))
        #expect(minTier.recommendation.model == "std")
        #expect(throws: EstimateError.self) { try RoutingConstraints(minTier: .premium, maxTier: .economy) }
    }

    @Test func noFittingModelIsAnErrorThatSaysWhy() {
        let prompt = Array(repeating: "word", count: 2_000).joined(separator: " ")
        let error = #expect(throws: EstimateError.self) {
            try planner.estimate(EstimateRequest(input: .prompt(prompt), expectedOutputTokens: 1,
                                                 constraints: try RoutingConstraints(maxTier: .economy)))
        }
        #expect(error?.code == .noModelFits)
        #expect(error?.message.contains("context window") == true)
    }

    @Test func chatMessagesAddOverheadAndReportUncountedParts() throws {
        let messages = [ChatMessage(role: "system", text: "Be very brief."),
                        ChatMessage(role: "user", content: [.text("Capital of France"), .other(type: "image_url")],
                                    name: "bob")]
        let estimate = try planner.estimate(EstimateRequest(input: .messages(messages), model: "std",
                                                            expectedOutputTokens: 5))
        // roles 2 + texts 3 + 3 + name 1 = 9 counted; overhead 2 × 3 + 1 + 3 = 10.
        #expect(estimate.tokens.input == 19)
        #expect(estimate.tokens.messageOverhead == 10)
        #expect(estimate.tokens.uncountedParts == ["messages[1].content[1] (image_url)"])
        #expect(estimate.tokens.byScript.values.reduce(0, +) == 19)
        #expect(estimate.warnings.contains { $0.contains("not counted") })
    }

    @Test func byScriptSumsToTheTotalForMixedText() throws {
        let estimate = try planner.estimate(EstimateRequest(input: .prompt("Hello world こんにちは 世界"), model: "std",
                                                            expectedOutputTokens: 1))
        // 2 Latin words + 5 kana + 2 Han = 9.
        #expect(estimate.tokens.input == 9)
        #expect(estimate.tokens.byScript == [.latin: 2, .hiragana: 5, .han: 2])
        #expect(estimate.inflation.dominantScript == .latin)   // 10 Latin letters vs 5 kana
        #expect(estimate.inflation.naiveEstimate == 5)   // 20 characters / 4
    }

    @Test func maxOutputTokensCapsProjectionAndRange() throws {
        let estimate = try planner.estimate(EstimateRequest(input: .prompt("Write an essay about Rome."),
                                                            model: "std", maxOutputTokens: 50))
        #expect(estimate.cost.outputTokens == 50)
        #expect(estimate.outputProjection?.high == 50)
        #expect(estimate.cost.range.high == estimate.cost.credits)  // the cap binds every end
    }

    @Test func reasoningTokensArePartOfTheOutput() throws {
        let estimate = try planner.estimate(EstimateRequest(input: .prompt("Capital of France"), model: "prem",
                                                            expectedOutputTokens: 1_000, reasoningTokens: 600))
        #expect(estimate.cost.output == d("0.006"))    // 400 × 15 / 1e6
        #expect(estimate.cost.reasoning == d("0.009")) // 600 × 15 / 1e6 (no reasoning price)
        let tooMany = #expect(throws: EstimateError.self) {
            try planner.estimate(EstimateRequest(input: .prompt("x"), expectedOutputTokens: 10, reasoningTokens: 11))
        }
        #expect(tooMany?.field == "reasoningTokens")
    }

    @Test func cachedTokensBeyondTheInputAreRejected() {
        let error = #expect(throws: EstimateError.self) {
            try planner.estimate(EstimateRequest(input: .prompt("Capital of France"), model: "std",
                                                 cachedInputTokens: 4))
        }
        #expect(error?.field == "cachedInputTokens")
    }

    @Test func emptyMessagesAreRejected() {
        let error = #expect(throws: EstimateError.self) { try planner.estimate(EstimateRequest(input: .messages([]))) }
        #expect(error?.field == "messages")
    }
}
