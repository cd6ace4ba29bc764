import Advisor
import Foundation
import JSON
import Testing
@testable import Routing

/// The everyday set (Fixtures/everyday-prompts.jsonl, 106 hand-written prompts: writing,
/// summaries, emails, translation, extraction, conversation, STEM, coding, reasoning, in several
/// languages), each with an expected tier range and a coarse gain label (how much a stronger model
/// helps). Not every prompt lands in range yet (docs/ROUTING.md, known limits), so the suite holds
/// the router to aggregate bars that the over-escalation of writing tasks used to fail: most
/// prompts in range, low-gain writing never at premium or above en masse, and the score ranking
/// prompts by gain.
@Suite struct EverydaySetTests {
    struct Case {
        let prompt: String, category: String, gain: Int, minTier: Tier, maxTier: Tier
    }

    static let cases: [Case] = try! RoutingTestSupport.jsonLines(RoutingTestSupport.fixtures + "/everyday-prompts.jsonl").map {
        Case(prompt: $0["prompt"]!.stringValue!, category: $0["category"]!.stringValue!,
             gain: ["low": 0, "medium": 1, "high": 2][$0["gain"]!.stringValue!]!,
             minTier: Tier(rawValue: $0["minTier"]!.stringValue!)!, maxTier: Tier(rawValue: $0["maxTier"]!.stringValue!)!)
    }

    @Test func mostEverydayPromptsLandInRangeAndTheScoreRanksThemByGain() {
        let router = ComplexityRouter(model: RoutingTestSupport.bundledModel)
        let scored = EverydaySetTests.cases.map { ($0, router.assess($0.prompt, inputTokens: 0)) }
        #expect(scored.count >= 100)
        let inRange = scored.filter { $0.0.minTier <= $0.1.suggestedTier && $0.1.suggestedTier <= $0.0.maxTier }.count
        #expect(Double(inRange) / Double(scored.count) >= 0.85, "\(inRange) of \(scored.count) in range")
        let writingKinds: Set = ["writing", "email", "summarisation", "translation", "classification"]
        let lowWriting = scored.filter { writingKinds.contains($0.0.category) && $0.0.gain == 0 }
        #expect(!lowWriting.isEmpty)
        #expect(lowWriting.allSatisfy { $0.1.suggestedTier != .frontier })
        let premiumShare = Double(lowWriting.filter { $0.1.suggestedTier >= .premium }.count) / Double(lowWriting.count)
        #expect(premiumShare <= 0.2, "low-gain writing at premium or above: \(premiumShare)")
        // Ordinal AUC: a pair with a higher gain label should score higher.
        var concordant = 0.0, pairs = 0.0
        for a in scored { for b in scored where a.0.gain > b.0.gain {
            pairs += 1
            concordant += a.1.score > b.1.score ? 1 : (a.1.score == b.1.score ? 0.5 : 0)
        } }
        #expect(concordant / pairs >= 0.85, "AUC \(concordant / pairs)")
    }
}
