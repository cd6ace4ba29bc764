import Foundation
import Testing
import Tokenizers
@testable import Advisor

/// Properties of every estimate's cost (issue 12), over a few hundred random valid requests from
/// a seeded generator: `cost.credits` is the sum of its parts, exactly; it is the exact total
/// rounded; and it never decreases when any token count of the request grows — a longer prompt,
/// more expected output, more reasoning (within the output), more cached or cache-written input.
/// The catalog is random too: prices with up to four decimals per million (finer than a
/// nano-credit per token), long-context prices whose thresholds the prompts cross, service tiers
/// with and without their own long-context prices.
@Suite struct CostPropertyTests {
    /// SplitMix64: a small seeded generator, so a failure names a case that can be replayed.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let seed: UInt64 = 20_261_128
    static let cases = 300
    /// Words that trigger no task-kind, length or code cue, so growing a prompt only grows it.
    static let filler = ["lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit", "sed", "tempor"]
    static let instructions = ["", "Summarise the following notes.", "Classify the sentiment of this review.",
                               "Translate this into French.", "Write an essay on the following.",
                               "Explain the following passage.", "Extract the names from this text."]

    /// A price per million with up to four decimals (as LiteLLM's 0.0375 or 0.0625).
    static func price(_ random: inout Seeded, from low: Int = 1, to high: Int = 200_000) -> Decimal {
        Decimal(Int.random(in: low...high, using: &random)) / 10_000
    }

    static func catalog(_ random: inout Seeded) throws -> Catalog {
        var models: [CatalogModel] = []
        for index in 0..<8 {
            let input = price(&random), output = price(&random)
            let cached = Bool.random(using: &random) ? price(&random, to: 20_000) : nil
            let write = Bool.random(using: &random) ? price(&random) : nil
            let reasoningPrice = Bool.random(using: &random) ? price(&random) : nil
            func scaled(_ value: Decimal) -> Decimal { value * Decimal(Int.random(in: 10...30, using: &random)) / 10 }
            // Long-context prices with a threshold the random prompts cross; a cached price is
            // sometimes published only above it (as LiteLLM's flex tiers do).
            let longContext: LongContextPricing? = Bool.random(using: &random) ? LongContextPricing(
                above: Int.random(in: 20...300, using: &random), inputPerMillion: scaled(input),
                outputPerMillion: scaled(output),
                cachedInputPerMillion: Bool.random(using: &random) ? price(&random, to: 20_000) : nil) : nil
            var tiers: [ServiceTier: ServiceTierPricing] = [:]
            if Bool.random(using: &random) {
                tiers[.batch] = ServiceTierPricing(inputPerMillion: input / 2, outputPerMillion: output / 2,
                                                   cachedInputPerMillion: cached.map { $0 / 2 },
                                                   longContext: longContext.map {
                    LongContextPricing(above: $0.above, inputPerMillion: $0.inputPerMillion / 2,
                                       outputPerMillion: $0.outputPerMillion / 2)
                })
            }
            if Bool.random(using: &random) {   // no long-context prices of its own, often above the standard ones
                tiers[.priority] = ServiceTierPricing(inputPerMillion: scaled(input) * 2, outputPerMillion: scaled(output) * 2)
            }
            models.append(CatalogModel(
                id: "m\(index)", provider: "p\(index % 3)", tier: Tier.allCases[index % 4],
                tokenizer: index % 2 == 0 ? .o200kBase : "other", contextWindow: 1_000_000,
                maxOutputTokens: 100_000, inputPerMillion: input, outputPerMillion: output,
                cachedInputPerMillion: cached, cacheWritePerMillion: write, reasoningPerMillion: reasoningPrice,
                reasoning: Bool.random(using: &random), longContext: longContext, serviceTiers: tiers))
        }
        return try Catalog(version: CalendarDay("2026-11-20")!, source: "property", models: models)
    }

    /// One random valid request: its instruction, filler words and the request.
    struct Case {
        var instruction: String
        var words: Int
        var request: EstimateRequest

        var prompt: String {
            ([instruction] + (0..<words).map { CostPropertyTests.filler[$0 % CostPropertyTests.filler.count] })
                .filter { !$0.isEmpty }.joined(separator: " ")
        }

        func with(words: Int) -> Case {
            var copy = self
            copy.words = words
            copy.request.input = .prompt(copy.prompt)
            return copy
        }
    }

    static func randomCase(_ random: inout Seeded, catalog: Catalog) -> Case {
        let instruction = instructions.randomElement(using: &random)!
        let words = Int.random(in: 1...400, using: &random)
        let model = Bool.random(using: &random) ? catalog.models.randomElement(using: &random)! : nil
        var request = EstimateRequest(input: .prompt(""))
        request.model = model?.id
        let inputTokens = words + instruction.split(separator: " ").count
        if Bool.random(using: &random) { request.expectedOutputTokens = Int.random(in: 0...5_000, using: &random) }
        if model?.reasoning == true, Bool.random(using: &random) {
            request.reasoningTokens = Int.random(in: 0...(request.expectedOutputTokens ?? 3_000), using: &random)
        }
        if Bool.random(using: &random) {
            let floor = max(1, request.expectedOutputTokens ?? 0, request.reasoningTokens ?? 0)
            request.maxOutputTokens = floor + Int.random(in: 0...3_000, using: &random)
        }
        request.cachedInputTokens = Int.random(in: 0...(inputTokens / 2), using: &random)
        request.cacheWriteTokens = Int.random(in: 0...(inputTokens / 2), using: &random)
        request.serviceTier = ServiceTier.allCases.randomElement(using: &random)!
        var made = Case(instruction: instruction, words: words, request: request)
        made.request.input = .prompt(made.prompt)
        return made
    }

    @Test func creditsIsTheSumOfItsPartsAndNeverDecreasesWhenATokenCountGrows() throws {
        var random = Seeded(state: Self.seed)
        let catalog = try Self.catalog(&random)
        let planner = EstimatePlanner(catalog: catalog, counter: WordCounter(), scorer: FixedScorer(tier: .standard))
        var checked = 0, grown = 0
        for number in 0..<Self.cases {
            let base = Self.randomCase(&random, catalog: catalog)
            let label = "case \(number) (seed \(Self.seed)): \(base.request)"
            let estimate = try planner.estimate(base.request)
            let cost = estimate.cost
            #expect(cost.credits == cost.input + cost.cachedInput + cost.cacheWrite + cost.output + cost.reasoning, "\(label)")
            #expect(cost.credits == CreditRounding.round(cost.exactCredits), "\(label)")
            #expect(cost.range.low <= cost.credits && cost.credits <= cost.range.high, "\(label)")
            checked += 1

            // The same model, with one token count grown at a time.
            var pinned = base
            pinned.request.model = estimate.model.id
            let before = try planner.estimate(pinned.request).cost.credits
            let step = Int.random(in: 1...300, using: &random)
            var variants: [(String, Case)] = [("prompt", pinned.with(words: pinned.words + step))]
            var cached = pinned.with(words: pinned.words + step)
            cached.request.cachedInputTokens += step
            variants.append(("cachedInputTokens", cached))
            var written = pinned.with(words: pinned.words + step)
            written.request.cacheWriteTokens += step
            variants.append(("cacheWriteTokens", written))
            if let expected = pinned.request.expectedOutputTokens {
                var more = pinned
                more.request.expectedOutputTokens = expected + step
                more.request.maxOutputTokens = pinned.request.maxOutputTokens.map { $0 + step }
                variants.append(("expectedOutputTokens", more))
                if let reasoning = pinned.request.reasoningTokens {
                    var thinking = more
                    thinking.request.reasoningTokens = reasoning + step
                    variants.append(("reasoningTokens", thinking))
                }
            }
            for (grownField, variant) in variants {
                let after = try planner.estimate(variant.request).cost.credits
                #expect(after >= before, "\(label): \(grownField) + \(step) gave \(after) < \(before)")
                grown += 1
            }
        }
        #expect(checked == Self.cases && grown >= 3 * Self.cases)
    }

    @Test func theCostModelNeverCostsLessForMoreTokensOfAnyKind() throws {
        var random = Seeded(state: Self.seed &+ 1)
        let catalog = try Self.catalog(&random)
        let costs = CostModel()
        for number in 0..<Self.cases {
            let model = catalog.models.randomElement(using: &random)!
            let tier = ServiceTier.allCases.randomElement(using: &random)!
            let input = Int.random(in: 0...600, using: &random)
            let cached = Int.random(in: 0...(input / 2), using: &random), write = Int.random(in: 0...(input / 2), using: &random)
            let output = Int.random(in: 0...5_000, using: &random), reasoning = Int.random(in: 0...output, using: &random)
            let usage = TokenUsage(input: input, cachedInput: cached, cacheWrite: write, output: output, reasoning: reasoning)
            let base = try costs.price(usage, on: model, serviceTier: tier)
            #expect(base.credits == base.input + base.cachedInput + base.cacheWrite + base.output + base.reasoning)
            let step = Int.random(in: 1...400, using: &random)
            let grown: [(String, TokenUsage)] = [
                ("input", TokenUsage(input: input + step, cachedInput: cached, cacheWrite: write, output: output, reasoning: reasoning)),
                ("cached", TokenUsage(input: input + step, cachedInput: cached + step, cacheWrite: write, output: output, reasoning: reasoning)),
                ("written", TokenUsage(input: input + step, cachedInput: cached, cacheWrite: write + step, output: output, reasoning: reasoning)),
                ("output", TokenUsage(input: input, cachedInput: cached, cacheWrite: write, output: output + step, reasoning: reasoning)),
                ("reasoning", TokenUsage(input: input, cachedInput: cached, cacheWrite: write, output: output + step, reasoning: reasoning + step)),
            ]
            for (kind, more) in grown {
                let after = try costs.price(more, on: model, serviceTier: tier)
                #expect(after.credits >= base.credits, "case \(number): \(model.id) \(tier) \(usage), \(kind) + \(step)")
                #expect(after.exactCredits >= base.exactCredits)
            }
        }
    }
}
