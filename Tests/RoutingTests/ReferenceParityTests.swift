import Foundation
import JSON
import Testing
@testable import Routing

/// The Swift port against the Python reference: `scripts/routing-reference-fixture.py` ran the
/// prototype on 114 prompts (every regression prompt, seven rows of each development source and
/// some structural cases) and stored its feature vectors, raw gains, scores, tiers and evidence.
/// Both sides use the reference's routing file.
@Suite struct ReferenceParityTests {
    /// One fixture line, read into Sendable values.
    struct Row: Sendable {
        let source: String, prompt: String, features: [Double], raw: Double, score: Double, tier: String
        let confidence: Double, escalated: Bool, gate: Bool, signals: [String]
    }

    static let rows: [Row] = try! RoutingTestSupport.jsonLines(RoutingTestSupport.fixtures + "/reference-scores.jsonl").map { row in
        Row(source: row["source"]!.stringValue!, prompt: row["prompt"]!.stringValue!,
            features: row["features"]!.elements.map { $0.doubleValue! }, raw: row["raw"]!.doubleValue!,
            score: row["score"]!.doubleValue!, tier: row["tier"]!.stringValue!,
            confidence: row["confidence"]!.doubleValue!, escalated: row["escalated"]!.boolValue!,
            gate: row["gate"]!.intValue == 1,
            signals: row["signals"]!.elements.map { s in
                let u8 = s["utf8"]!.elements.map { $0.intValue! }, u16 = s["utf16"]!.elements.map { $0.intValue! }
                return "\(s["dimension"]!.stringValue!) \(s["label"]!.stringValue!) \(u8[0])-\(u8[1]) \(u16[0])-\(u16[1])"
            })
    }

    @Test func theFixtureCoversEverySource() {
        let sources = Set(ReferenceParityTests.rows.map(\.source))
        #expect(ReferenceParityTests.rows.count >= 100)
        #expect(sources.isSuperset(of: ["regression", "gsm8k", "mmlu", "arc-challenge", "winogrande", "mbpp",
                                        "alpacaeval", "structure"]))
    }

    @Test(arguments: ReferenceParityTests.rows.indices)
    func featuresScoresAndTiersMatchTheReference(_ index: Int) throws {
        let row = try #require(ReferenceParityTests.rows.count > index ? ReferenceParityTests.rows[index] : nil)
        let prompt = row.prompt
        let router = ComplexityRouter(model: RoutingTestSupport.referenceModel)
        let scored = router.score(prompt)
        let expected = row.features
        #expect(scored.features.count == expected.count)
        for (i, (got, want)) in zip(scored.features, expected).enumerated() {
            #expect(abs(got - want) < 1e-9, "feature \(FeatureLayout.allNames[i]): \(got) vs reference \(want)")
        }
        #expect(scored.gated == row.gate)
        #expect(abs(scored.raw - row.raw) < 1e-9, "raw \(scored.raw) vs reference \(row.raw)")
        #expect(abs(scored.score - row.score) < 1e-4)
        let decision = router.decide(score: scored.score, features: scored.features)
        // The reference applies the same frontier rule, so the final tiers must agree.
        #expect(decision.tier.rawValue == row.tier)
        #expect(abs(decision.confidence - row.confidence) < 0.011)
        #expect(decision.escalated == row.escalated)
    }

    @Test(arguments: ReferenceParityTests.rows.indices)
    func evidenceSpansMatchTheReference(_ index: Int) throws {
        let row = try #require(ReferenceParityTests.rows.count > index ? ReferenceParityTests.rows[index] : nil)
        let scored = ComplexityRouter(model: RoutingTestSupport.referenceModel).score(row.prompt)
        let dims = Array(scored.features[FeatureLayout.featureNames.count...])
        let offsets = TextOffsets(scored.scalars)
        let got = scored.extraction.evidence.filter { dims[$0.dimension] >= 0.05 }.map { item -> String in
            let span = item.span ?? 0..<scored.scalars.count
            let u8 = offsets.utf8(span), u16 = offsets.utf16(span)
            return "\(FeatureLayout.dimensions[item.dimension]) \(item.label) \(u8.lowerBound)-\(u8.upperBound) \(u16.lowerBound)-\(u16.upperBound)"
        }
        let want = row.signals
        #expect(got.sorted() == want.sorted())
    }
}
