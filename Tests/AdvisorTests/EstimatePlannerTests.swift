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
        #expect(estimate.recommendation?.tier == .economy)
        #expect(estimate.recommendation?.model == "econ-b")
        #expect(estimate.recommendation?.reason.hasPrefix("economy: fixed economy for the test") == true)
        // Counted with econ-b's own tokenizer: 3 words, doubled, not exact.
        #expect(estimate.tokens.input == 6)
        #expect(estimate.tokens.tokenizer == "fam")
        #expect(!estimate.tokens.exact)
        #expect(estimate.tokens.low == 4 && estimate.tokens.high == 7)
        // The estimate says what it rests on: 3 exact o200k_base tokens × 2.
        #expect(estimate.tokens.basis?.encoding == .o200kBase && estimate.tokens.basis?.encodingTokens == 3)
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
        #expect(estimate.recommendation?.tier == .economy)
        #expect(estimate.recommendation?.model == "econ-a")
        #expect(estimate.cost.outputTokens == 350)
        #expect(estimate.recommendation?.reason.contains("econ-a is the cheapest economy model") == true)
        #expect(estimate.recommendation?.reason.contains("3 input and 350 output tokens") == true)
        // With a prompt long enough that no economy model holds it plus its output, the tier moves up.
        let long = Array(repeating: "word", count: 700).joined(separator: " ")
        let moved = try planner.estimate(EstimateRequest(input: .prompt(long)))
        #expect(moved.recommendation?.tier == .standard)
        #expect(moved.recommendation?.reason.contains("no economy model fits") == true)
        #expect(moved.recommendation?.reason.contains("projected output tokens exceed") == true)
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
        #expect(estimate.recommendation?.model == "econ-a")   // econ-b would need 120 > 100 tokens
        #expect(estimate.tokens.input == 60 && estimate.tokens.exact)
    }

    @Test func requestedModelIsPricedAndUnknownModelIsNamed() throws {
        let estimate = try planner.estimate(EstimateRequest(input: .prompt("Capital of France"), model: "front",
                                                            expectedOutputTokens: 100))
        #expect(estimate.recommendation?.model == "front")
        #expect(estimate.recommendation?.tier == .frontier)
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
        #expect(providers.recommendation?.model == "prem")
        #expect(providers.recommendation?.reason.contains("no economy model passes the provider/reasoning constraints, so premium") == true)
        #expect(providers.tiers[0].model == nil && providers.tiers[0].reason != nil)
        let reasoning = try planner.estimate(EstimateRequest(
            input: .prompt("Capital of France"), constraints: try RoutingConstraints(requireReasoning: true)))
        #expect(reasoning.recommendation?.model == "prem")
        let minTier = try planner.estimate(EstimateRequest(
            input: .prompt("Capital of France"), constraints: try RoutingConstraints(minTier: .standard)))
        #expect(minTier.recommendation?.model == "std")
        #expect(throws: EstimateError.self) { try RoutingConstraints(minTier: .premium, maxTier: .economy) }
    }

    @Test func aPromptNoAllowedModelCanHoldIsAResultWithItsCountAndNoRecommendation() throws {
        let prompt = Array(repeating: "word", count: 2_000).joined(separator: " ")
        let estimate = try planner.estimate(EstimateRequest(input: .prompt(prompt), expectedOutputTokens: 1,
                                                            constraints: try RoutingConstraints(maxTier: .economy)))
        #expect(estimate.recommendation == nil)
        #expect(estimate.tokens.input == 2_000)
        let noFit = try #require(estimate.noFit)
        // econ-a (1,000) is the largest window the constraints allow; the count is in its tokenizer.
        #expect(noFit.model == "econ-a" && noFit.contextWindow == 1_000 && noFit.inputTokens == 2_000)
        #expect(noFit.noModelCanHoldIt)
        #expect(noFit.reason.contains("over its context window of 1000 tokens, the largest among the models this request may use"))
        #expect(estimate.model.id == "econ-a")
    }

    @Test func theInputFitsButNoModelHoldsTheProjectedOutput_TheRoomiestModelIsCapped() throws {
        // 900 words: econ-a (1,000) holds them but not 350 more; econ-b (100) not even the input.
        let prompt = Array(repeating: "word", count: 900).joined(separator: " ")
        let estimate = try planner.estimate(EstimateRequest(input: .prompt(prompt),
                                                            constraints: try RoutingConstraints(maxTier: .economy)))
        #expect(estimate.recommendation?.model == "econ-a")
        #expect(estimate.recommendation?.reason.contains("most room (100 tokens)") == true)
        #expect(estimate.cost.outputTokens == 100)
        #expect(estimate.outputProjection?.capped == true && estimate.outputProjection?.cap == 100)
        #expect(estimate.warnings.contains { $0.contains("leaves 100 tokens of econ-a's context window") })
        #expect(estimate.noFit == nil)
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

    // MARK: - Output length rules (issue 12)

    @Test func expectedOutputBeyondMaxOutputTokensIsRefused() {
        let error = #expect(throws: EstimateError.self) {
            try planner.estimate(EstimateRequest(input: .prompt("Capital of France"), model: "std",
                                                 expectedOutputTokens: 5_000, maxOutputTokens: 10))
        }
        #expect(error?.field == "expectedOutputTokens")
        #expect(error?.message.contains("exceed maxOutputTokens 10") == true)
    }

    @Test func aStatedOutputBeyondTheRequestedModelsMaximumIsRefused() {
        // prem's maximum output is 8,000 tokens.
        let error = #expect(throws: EstimateError.self) {
            try planner.estimate(EstimateRequest(input: .prompt("Capital of France"), model: "prem",
                                                 expectedOutputTokens: 9_000))
        }
        #expect(error?.field == "expectedOutputTokens")
        #expect(error?.message.contains("exceed prem's maximum output of 8000") == true)
        let reasoning = #expect(throws: EstimateError.self) {
            try planner.estimate(EstimateRequest(input: .prompt("Capital of France"), model: "prem", reasoningTokens: 9_000))
        }
        #expect(reasoning?.field == "reasoningTokens")
    }

    @Test func aStatedOutputBeyondTheRequestedModelsRoomIsRefused() {
        // std holds 100,000 tokens; the prompt is 3.
        let error = #expect(throws: EstimateError.self) {
            try planner.estimate(EstimateRequest(input: .prompt("Capital of France"), model: "std",
                                                 expectedOutputTokens: 99_998))
        }
        #expect(error?.field == "expectedOutputTokens")
        #expect(error?.message.contains("exceed std's context window of 100000") == true)
    }

    @Test func aProjectionBeyondTheRequestedModelsRoomIsCappedThereWithAWarning() throws {
        // econ-b counts 6 tokens (its family doubles) in a window of 100: 94 tokens of room.
        let estimate = try planner.estimate(EstimateRequest(input: .prompt("Capital of France"), model: "econ-b"))
        #expect(estimate.cost.outputTokens == 94)
        #expect(estimate.outputProjection?.cap == 94 && estimate.outputProjection?.capped == true)
        #expect(estimate.warnings.contains { $0.contains("leaves 94 tokens of econ-b's context window") })
        #expect(estimate.noFit == nil)
    }

    @Test func aRequestedModelThatCannotHoldTheInputIsPricedWithNoFit() throws {
        let prompt = Array(repeating: "word", count: 60).joined(separator: " ")
        let estimate = try planner.estimate(EstimateRequest(input: .prompt(prompt), model: "econ-b",
                                                            expectedOutputTokens: 1))
        let noFit = try #require(estimate.noFit)
        #expect(noFit.model == "econ-b" && noFit.inputTokens == 120 && !noFit.noModelCanHoldIt)
        #expect(noFit.reason.contains("exceeds econ-b's context window of 100"))
        #expect(estimate.recommendation?.model == "econ-b")
        let verdict = BudgetCheck.evaluate(estimate, budget: try Budget(balance: d("100")))
        #expect(!verdict.allowed && verdict.reason.hasPrefix(noFit.reason))
    }

    @Test func aReasoningModelIsPricedWithTheDefaultReasoningProjection() throws {
        // prem reasons; maximum output 8,000. A general task: reasoning 1,500 (0…12,000 → 0…8,000),
        // visible 350 (100…1,000, what the reasoning leaves of the cap).
        let estimate = try planner.estimate(EstimateRequest(input: .prompt("Capital of France"), model: "prem"))
        let reasoning = try #require(estimate.outputProjection?.reasoning)
        #expect(reasoning.isDefault)
        #expect(reasoning.tokens == 1_500 && reasoning.low == 0 && reasoning.high == 8_000)
        #expect(reasoning.basis.contains("25,000"))
        #expect(estimate.cost.usage.reasoning == 1_500)
        #expect(estimate.cost.outputTokens == 1_850)
        #expect(estimate.cost.reasoning == d("0.0225"))   // 1,500 × 15 / 1e6
        #expect(estimate.outputProjection?.high == 0)       // the high end's reasoning fills the cap
        // high end: 3 input + 8,000 output; low end: 3 input + 100 visible.
        #expect(estimate.cost.range.high == d("0.120009"))
        #expect(estimate.cost.range.low == d("0.001509"))
        // Stating the reasoning (0 included) replaces the default.
        let stated = try planner.estimate(EstimateRequest(input: .prompt("Capital of France"), model: "prem",
                                                          reasoningTokens: 0))
        #expect(stated.outputProjection?.reasoning == nil && stated.cost.usage.reasoning == 0)
        #expect(stated.cost.outputTokens == 350)
    }

    @Test func reasoningTokensOnAModelThatDoesNotReasonAreRefused() {
        let error = #expect(throws: EstimateError.self) {
            try planner.estimate(EstimateRequest(input: .prompt("Capital of France"), model: "std", reasoningTokens: 200))
        }
        #expect(error?.field == "reasoningTokens")
        #expect(error?.message.contains("std is not a reasoning model") == true)
    }

    @Test func statedReasoningTokensRecommendOnlyReasoningModels() throws {
        let estimate = try planner.estimate(EstimateRequest(input: .prompt("Capital of France"), reasoningTokens: 200))
        #expect(estimate.recommendation?.model == "prem")
        #expect(estimate.recommendation?.reason.contains("only reasoning models") == true)
        #expect(estimate.tiers[0].model == nil && estimate.tiers[1].model == nil)
        #expect(estimate.cost.usage.reasoning == 200)
    }

    @Test func anEmptyPromptIsRefused() {
        let error = #expect(throws: EstimateError.self) { try planner.estimate(EstimateRequest(input: .prompt(""))) }
        #expect(error?.field == "prompt")
        #expect(error?.message.contains("empty") == true)
    }
}
