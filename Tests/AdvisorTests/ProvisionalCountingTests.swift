import Foundation
import Synchronization
import Testing
import Tokenizers
@testable import Advisor

/// A counter whose tokenizers other than `o200k_base` "load" on their first final count (which it
/// records), and which before that answers `provisionalCounts` with a bound (±30%) around the
/// true count: one word per token times the tokenizer's factor.
final class LoadTrackingCounter: TokenCounting {
    let factors: [TokenizerID: Double]
    let loaded = Mutex<[TokenizerID]>([])
    /// Every tokenizer answers finally, as if all were loaded already (the path before bounds).
    let preloaded: Bool

    init(factors: [TokenizerID: Double], preloaded: Bool = false) {
        self.factors = factors
        self.preloaded = preloaded
    }

    func truth(_ text: String, _ tokenizer: TokenizerID) -> Int {
        Int((Double(WordCounter().count(text, tokenizer: .o200kBase).tokens) * (factors[tokenizer] ?? 1)).rounded())
    }

    func count(_ text: String, tokenizer: TokenizerID) -> TokenCount {
        loaded.withLock { if !$0.contains(tokenizer) { $0.append(tokenizer) } }
        return .exact(truth(text, tokenizer), tokenizer: tokenizer)
    }

    func provisionalCounts(_ text: String, tokenizers: [TokenizerID], reference: TokenCount,
                           profile: UnicodeScriptProfile?) -> [TokenizerID: ProvisionalCount] {
        var result: [TokenizerID: ProvisionalCount] = [:]
        for id in tokenizers {
            if preloaded || id == .o200kBase || loaded.withLock({ $0.contains(id) }) {
                result[id] = ProvisionalCount(final: count(text, tokenizer: id))
                continue
            }
            let tokens = truth(text, id)
            let range = tokens * 7 / 10...tokens * 13 / 10 + 1
            let basis = EstimateBasis(encoding: .o200kBase, encodingTokens: reference.tokens, factor: factors[id] ?? 1,
                                      factorRange: 0.7...1.3, source: "test bound")
            result[id] = ProvisionalCount(bound: .estimated(tokens, range: range, tokenizer: id, note: "bound", basis: basis),
                                          pointRange: range)
        }
        return result
    }
}

@Suite struct ProvisionalCountingTests {
    static let prompt = "Summarise the meeting notes below in three bullet points for the team"

    func planner(_ catalog: Catalog, _ counter: LoadTrackingCounter, tier: Tier = .economy) -> EstimatePlanner {
        EstimatePlanner(catalog: catalog, counter: counter, scorer: FixedScorer(tier: tier))
    }

    /// economy: `cheap` (o200k_base) far below `dear` (qwen2); premium: `only` (tekken), alone.
    let distant = try! Catalog(version: CalendarDay("2026-11-20")!, source: "test", models: [
        model("cheap", tier: .economy, input: "0.1", output: "0.4"),
        model("dear", tier: .economy, tokenizer: .qwen2, input: "2", output: "8"),
        model("only", tier: .premium, tokenizer: .tekken, input: "3", output: "15"),
    ])

    @Test func aRequestedOpenAIModelLoadsNoOtherVocabularyWhenNoOtherModelCanWin() throws {
        let counter = LoadTrackingCounter(factors: [.qwen2: 1.2, .tekken: 1.1])
        let estimate = try planner(distant, counter).estimate(EstimateRequest(input: .prompt(Self.prompt), model: "cheap"))
        #expect(counter.loaded.withLock { $0 } == [.o200kBase])
        #expect(estimate.tokens.exact && estimate.tokens.input == counter.truth(Self.prompt, .o200kBase))
        #expect(estimate.tiers[0].model == "cheap" && estimate.tiers[0].inputCount?.isExact == true)
        // The premium tier's only model is quoted from its bound, and says so.
        let premium = try #require(estimate.tiers[2].inputCount)
        #expect(estimate.tiers[2].model == "only")
        #expect(!premium.isExact && premium.basis?.source == "test bound")
        #expect(premium.range!.contains(counter.truth(Self.prompt, .tekken)))

        // The same choices and the same priced cost as counting every model exactly.
        let old = try planner(distant, LoadTrackingCounter(factors: [.qwen2: 1.2, .tekken: 1.1], preloaded: true))
            .estimate(EstimateRequest(input: .prompt(Self.prompt), model: "cheap"))
        #expect(estimate.tiers.map(\.model) == old.tiers.map(\.model))
        #expect(estimate.cost == old.cost && estimate.tiers[0] == old.tiers[0])
        #expect(old.tiers[2].inputCount?.isExact == true)
    }

    @Test func modelsWhoseCostRangesOverlapAreCountedExactly() throws {
        // qwen2 counts 10% fewer tokens at the same prices: only an exact count can tell.
        let close = try Catalog(version: CalendarDay("2026-11-20")!, source: "test", models: [
            model("a", tier: .economy, input: "0.1", output: "0.4"),
            model("b", tier: .economy, tokenizer: .qwen2, input: "0.1", output: "0.4"),
        ])
        let counter = LoadTrackingCounter(factors: [.qwen2: 0.9])
        let estimate = try planner(close, counter).estimate(EstimateRequest(input: .prompt(Self.prompt), model: "a"))
        #expect(Set(counter.loaded.withLock { $0 }) == [.o200kBase, .qwen2])
        #expect(estimate.tiers[0].model == "b" && estimate.tiers[0].inputCount?.isExact == true)
        let old = try planner(close, LoadTrackingCounter(factors: [.qwen2: 0.9], preloaded: true))
            .estimate(EstimateRequest(input: .prompt(Self.prompt), model: "a"))
        #expect(estimate.tiers == old.tiers && estimate.cost == old.cost)
    }

    @Test func theRecommendedModelIsPricedWithItsExactCount() throws {
        let counter = LoadTrackingCounter(factors: [.qwen2: 1.2, .tekken: 1.1])
        let estimate = try planner(distant, counter, tier: .premium).estimate(EstimateRequest(input: .prompt(Self.prompt)))
        #expect(estimate.recommendation?.model == "only")
        #expect(estimate.tokens.exact && estimate.tokens.input == counter.truth(Self.prompt, .tekken))
        #expect(estimate.tiers[2].inputCount == .exact(counter.truth(Self.prompt, .tekken), tokenizer: .tekken))
        #expect(estimate.recommendation?.reason.contains("its \(counter.truth(Self.prompt, .tekken)) input") == true)
        #expect(!counter.loaded.withLock { $0 }.contains(.qwen2), "dear cannot win the economy tier")
        let old = try planner(distant, LoadTrackingCounter(factors: [.qwen2: 1.2, .tekken: 1.1], preloaded: true),
                              tier: .premium).estimate(EstimateRequest(input: .prompt(Self.prompt)))
        #expect(estimate.cost == old.cost && estimate.recommendation == old.recommendation && estimate.tiers == old.tiers)
    }

    @Test func aTierWhereNoModelSurelyFitsIsCountedExactly() throws {
        // The prompt's bound straddles `small`'s window: whether it fits needs the exact count.
        let words = WordCounter().count(Self.prompt, tokenizer: .o200kBase).tokens
        let tight = try Catalog(version: CalendarDay("2026-11-20")!, source: "test", models: [
            model("big", tier: .standard, input: "1", output: "4"),
            model("small", tier: .economy, tokenizer: .qwen2, context: words + 12, input: "0.1", output: "0.4"),
        ])
        let counter = LoadTrackingCounter(factors: [.qwen2: 1.0])
        let estimate = try planner(tight, counter).estimate(EstimateRequest(input: .prompt(Self.prompt), model: "big",
                                                                             expectedOutputTokens: 10))
        #expect(counter.loaded.withLock { $0 }.contains(.qwen2))
        #expect(estimate.tiers[0].model == "small" && estimate.tiers[0].inputCount?.isExact == true)
    }
}
