import Advisor
import Foundation
import Log
import Testing
import Tokenizers
@testable import PreflightServer

/// The first estimate of a process loads the vocabularies it needs, not every one the bundled
/// catalog names, and gives what counting every model exactly gives for everything it counts.
@Suite struct ColdStartLoadingTests {
    static let allSix: Set<TokenizerID> = [.o200kBase, .cl100kBase, .qwen35, .qwen2, .deepSeekV4, .tekken]

    /// An advisor over the bundled catalog and a fresh registry; `preloaded`: every vocabulary
    /// loaded first, so every model is counted exactly (the path before bounds).
    func advisor(preloaded: Bool) throws -> (AdvisorService, TokenCountingService) {
        let log = StderrLog(level: .off)
        let models = ServerHarness.modelsDirectory
        let counter = TokenCountingService(modelsDirectory: models, log: log)
        if preloaded { for id in Self.allSix { _ = try counter.registry.load(id) } }
        let advisor = AdvisorService(modelsDirectory: models, tokenCounter: counter, log: log)
        #expect(advisor.loadAtStart() == nil)
        return (advisor, counter)
    }

    func example(_ name: String) throws -> String {
        try String(contentsOfFile: ServerHarness.modelsDirectory + "/../examples/\(name)", encoding: .utf8)
    }

    @Test(arguments: [("english.txt", "gpt-4.1-mini"), ("english.txt", nil), ("code.txt", "gpt-4.1-mini"),
                      ("japanese.txt", nil)])
    func anEstimateLoadsOnlyWhatItNeedsAndAgreesWithCountingEveryModel(file: String, model: String?) throws {
        let text = try example(file)
        let request = EstimateRequest(input: .prompt(text), model: model)
        let (lazy, counter) = try advisor(preloaded: false)
        let estimate = try lazy.planner().estimate(request)
        let loaded = Set(counter.registry.loadedTokenizers).intersection(Self.allSix)
        #expect(loaded.contains(.o200kBase))
        #expect(loaded.count < Self.allSix.count, "\(file) \(model ?? "recommended"): loaded \(loaded.map(\.name).sorted())")

        let (eager, _) = try advisor(preloaded: true)
        let old = try eager.planner().estimate(request)
        #expect(estimate.model.id == old.model.id && estimate.cost == old.cost && estimate.tokens == old.tokens)
        #expect(estimate.recommendation == old.recommendation)
        #expect(estimate.tiers.map(\.model) == old.tiers.map(\.model))
        for (quote, exact) in zip(estimate.tiers, old.tiers) {
            guard let count = quote.inputCount, let final = exact.inputCount else { continue }
            if count.basis?.source.contains("vocabulary-ratios.json") == true {
                #expect(!count.isExact && count.basis?.encoding == .o200kBase)
                #expect(count.range!.contains(final.tokens), "\(quote.tier) \(quote.model ?? "")")
            } else {
                #expect(quote == exact)
            }
        }
    }
}
