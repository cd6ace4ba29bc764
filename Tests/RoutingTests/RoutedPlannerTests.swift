import Advisor
import Foundation
import Testing
import Tokenizers
@testable import Routing

/// The planner with the real router: tier and model choice, constraints, escalation near a
/// boundary, the frontier rule, and a prompt no model can hold.
@Suite struct RoutedPlannerTests {
    struct Words: TokenCounting {
        func count(_ text: String, tokenizer: TokenizerID) -> TokenCount {
            .exact(text.split(whereSeparator: { $0 == " " || $0 == "\n" }).count, tokenizer: tokenizer)
        }
    }

    static func model(_ id: String, _ tier: Tier, provider: String = "p", context: Int = 200_000,
                      input: Decimal, output: Decimal, reasoning: Bool = false) -> CatalogModel {
        CatalogModel(id: id, provider: provider, tier: tier, tokenizer: "o200k_base", contextWindow: context,
                     maxOutputTokens: nil, inputPerMillion: input, outputPerMillion: output, cachedInputPerMillion: nil,
                     cacheWritePerMillion: nil, reasoningPerMillion: nil, reasoning: reasoning, longContext: nil,
                     serviceTiers: [:])
    }

    static let catalog = try! Catalog(version: CalendarDay("2026-11-20")!, source: "test", models: [
        model("eco", .economy, context: 8_000, input: 0.1, output: 0.4),
        model("std", .standard, input: 1, output: 4),
        model("std-small", .standard, provider: "q", context: 2_000, input: 0.5, output: 2),
        model("prem", .premium, input: 3, output: 15),
        model("prem-r", .premium, provider: "q", input: 5, output: 20, reasoning: true),
        model("front", .frontier, input: 15, output: 75, reasoning: true),
    ])

    func planner(_ model: RoutingModel = RoutingTestSupport.bundledModel) -> EstimatePlanner {
        EstimatePlanner(catalog: RoutedPlannerTests.catalog, counter: Words(), scorer: ComplexityRouter(model: model))
    }

    static let proof = "Prove that every planar graph is 5-colourable, then explain step by step why the same "
        + "argument fails to give 4 colours and what extra idea the four-colour theorem needs."

    @Test func easyPromptsGoToEconomyAndHardOnesAbove() throws {
        let easy = try planner().estimate(EstimateRequest(input: .prompt("What is the capital of Australia?")))
        #expect(easy.recommendation?.tier == .economy)
        #expect(easy.recommendation?.model == "eco")
        let hard = try planner().estimate(EstimateRequest(input: .prompt(RoutedPlannerTests.proof)))
        #expect(hard.complexity.suggestedTier >= .premium)
        #expect(hard.complexity.signals.contains { $0.dimension == .reasoning && $0.utf8 != nil })
        // One sentence naming the deciding signals and the model's fit.
        #expect(hard.recommendation?.reason.contains("reasoning \"") == true)
        #expect(hard.recommendation?.reason.contains("\n") == false)
    }

    @Test func theFrontierRuleNeedsProofEvidenceNotJustAHighScore() throws {
        let router = ComplexityRouter(model: RoutingTestSupport.bundledModel)
        let proof = router.assess(RoutedPlannerTests.proof, inputTokens: 40)
        #expect(proof.suggestedTier == .frontier)
        #expect(proof.rationale.contains("frontier"))
        #expect(proof.runnerUpTier == .premium)
        // A long multi-step word problem scores high too, but carries no proof wording: premium.
        let wordProblem = "A shop sells pens at $3 each and notebooks at $5 each. On Monday it sold 40 pens and 25 "
            + "notebooks. On Tuesday it sold twice as many pens and 10 fewer notebooks. Each week the owner pays "
            + "$120 rent and $15 per day for staff over 6 days. What was the profit for the week if Wednesday to "
            + "Saturday each matched Tuesday's sales?"
        let scored = router.score(wordProblem)
        let decision = router.decide(score: scored.score, features: scored.features)
        #expect(decision.tier <= .premium)
        #expect(!decision.frontierRule)
    }

    @Test func constraintsBindTheTierAndTheModel() throws {
        let capped = try planner().estimate(EstimateRequest(
            input: .prompt(RoutedPlannerTests.proof), constraints: try RoutingConstraints(maxTier: .standard)))
        #expect(capped.recommendation?.tier == .standard)
        #expect(capped.recommendation?.model == "std-small")   // cheapest standard model that holds it
        #expect(capped.recommendation?.reason.contains("constraints move the tier") == true)
        let floor = try planner().estimate(EstimateRequest(
            input: .prompt("What is the capital of Australia?"), constraints: try RoutingConstraints(minTier: .premium)))
        #expect(floor.recommendation?.model == "prem")
        let provider = try planner().estimate(EstimateRequest(
            input: .prompt("What is the capital of Australia?"), constraints: try RoutingConstraints(providers: ["q"])))
        #expect(provider.recommendation?.model == "std-small")
        #expect(provider.recommendation?.reason.contains("no economy model passes") == true)
        let reasoning = try planner().estimate(EstimateRequest(
            input: .prompt("What is the capital of Australia?"),
            constraints: try RoutingConstraints(requireReasoning: true)))
        #expect(reasoning.recommendation?.model == "prem-r")
    }

    @Test func aScoreJustUnderACutIsEscalatedAndSaysSo() throws {
        let prompt = "Compare the trade-offs between optimistic and pessimistic locking for a busy web shop."
        let router = ComplexityRouter(model: RoutingTestSupport.bundledModel)
        let score = router.score(prompt).score
        // Move the standard/premium cut to just above this prompt's score.
        var document = RoutingTestSupport.bundledModel.document
        document.thresholds.standard_premium = score + 0.005
        document.thresholds.economy_standard = min(document.thresholds.economy_standard, score - 0.2)
        document.thresholds.premium_frontier = max(document.thresholds.premium_frontier, score + 0.2)
        let moved = try RoutingModel(document: document, source: "test")
        let assessment = ComplexityRouter(model: moved).assess(prompt, inputTokens: 20)
        #expect(assessment.escalated)
        #expect(assessment.suggestedTier == .premium)
        #expect(assessment.runnerUpTier == .standard)
        #expect(assessment.confidence < 0.6)
        #expect(assessment.rationale.contains("escalated one tier from standard to premium"))
        let estimate = try planner(moved).estimate(EstimateRequest(input: .prompt(prompt)))
        #expect(estimate.recommendation?.tier == .premium)
        #expect(estimate.recommendation?.reason.contains("escalated") == true)
        // Far from every cut: confident, nothing escalated.
        document.thresholds.standard_premium = score + 0.2
        document.thresholds.premium_frontier = max(document.thresholds.premium_frontier, score + 0.3)
        let far = ComplexityRouter(model: try RoutingModel(document: document, source: "test")).assess(prompt, inputTokens: 20)
        #expect(!far.escalated && far.suggestedTier == .standard && far.confidence == 1)
    }

    @Test func aPromptNoModelCanHoldIsAResultNamingTheLargestContextWindow() throws {
        let prompt = Array(repeating: "word", count: 250_000).joined(separator: " ")
        let estimate = try planner().estimate(EstimateRequest(input: .prompt(prompt)))
        #expect(estimate.recommendation == nil)
        #expect(estimate.tokens.input == 250_000)
        let noFit = try #require(estimate.noFit)
        #expect(noFit.noModelCanHoldIt && noFit.model == "std" && noFit.contextWindow == 200_000)
        #expect(noFit.reason.contains("250000 tokens") && noFit.reason.contains("200000 tokens, the largest in the catalog"))
        #expect(estimate.tiers.allSatisfy { $0.model == nil })
    }

    @Test func signalsCarryUTF8AndUTF16Offsets() {
        let text = "😀 证明：对任意正整数 n，n^5 - n 能被 30 整除。"
        let assessment = ComplexityRouter(model: RoutingTestSupport.bundledModel).assess(text, inputTokens: 30)
        let proof = assessment.signals.first { $0.cue == "proof" }
        #expect(proof?.evidence == "证明")
        // 😀 is 4 UTF-8 bytes and 2 UTF-16 units, then a space.
        #expect(proof?.utf8 == 5..<11)
        #expect(proof?.utf16 == 3..<5)
        #expect(assessment.dimensions[.multiStep] != nil && assessment.dimensions[.extraction] != nil)
    }
}
