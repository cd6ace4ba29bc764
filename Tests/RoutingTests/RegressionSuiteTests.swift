import Foundation
import JSON
import Testing
@testable import Routing
import Advisor

/// The regression suite (Fixtures/regression-prompts.jsonl): hand-written prompts across the
/// four tiers and eleven languages — keyword-free hard prompts, keyword-heavy easy ones — each
/// with the tier range it must land in under the bundled routing file.
@Suite struct RegressionSuiteTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let prompt: String, language: String, minTier: Tier, maxTier: Tier, note: String
        var testDescription: String { "[\(language)] \(note): \(prompt.prefix(50))" }
    }

    static let cases: [Case] = try! RoutingTestSupport.jsonLines(RoutingTestSupport.fixtures + "/regression-prompts.jsonl").map {
        Case(prompt: $0["prompt"]!.stringValue!, language: $0["language"]!.stringValue!,
             minTier: Tier(rawValue: $0["minTier"]!.stringValue!)!, maxTier: Tier(rawValue: $0["maxTier"]!.stringValue!)!,
             note: $0["note"]!.stringValue!)
    }

    @Test func theSuiteSpansTiersAndLanguages() {
        let cases = RegressionSuiteTests.cases
        #expect(cases.count >= 60)
        #expect(Set(cases.map(\.language)).count >= 11)
        for tier in Tier.allCases {
            #expect(cases.contains { $0.minTier <= tier && tier <= $0.maxTier }, "no prompt may land in \(tier)")
        }
        #expect(cases.contains { $0.minTier == .frontier })
        #expect(cases.contains { $0.maxTier == .economy })
    }

    @Test(arguments: RegressionSuiteTests.cases)
    func landsInItsExpectedRange(_ item: Case) {
        let assessment = ComplexityRouter(model: RoutingTestSupport.bundledModel).assess(item.prompt, inputTokens: 0)
        #expect(item.minTier <= assessment.suggestedTier && assessment.suggestedTier <= item.maxTier,
                "\(assessment.suggestedTier.rawValue) (score \(assessment.score)) outside \(item.minTier.rawValue)…\(item.maxTier.rawValue): \(assessment.rationale)")
    }
}
