import Advisor
import JSON

/// Everything the router says about one prompt as one JSON line, every number exact, so two
/// builds can be compared byte for byte.
///
/// Speed work on the scorer must not move a single score: the pinned fixture
/// (`Tests/RoutingTests/Fixtures/scoring-snapshots.jsonl`) and the development-row digests were
/// written by this function on the code before that work, and the tests compare the current
/// code's lines with them. Doubles are written as their IEEE-754 bit patterns (16 hex digits),
/// not as decimals, so "identical" means bit-identical; +0 is written `0` (most features are
/// zero, and the fixture stays small).
public enum ScoringSnapshot {
    /// The snapshot line of `prompt`: the 61 model inputs, the raw gain, the gate, and the full
    /// assessment (score, dimensions, tier, confidence, runner-up, escalation, rationale, deciding
    /// signals, and every signal with its quote, cue, weight and UTF-8/UTF-16 offsets).
    public static func line(_ router: ComplexityRouter, prompt: String, inputTokens: Int = 0) -> String {
        let scored = router.score(prompt)
        let assessment = router.assess(prompt, inputTokens: inputTokens)
        let dimensions = ComplexityDimension.allCases.map { dimension in
            JSONValue.string(bits(assessment.dimensions[dimension] ?? .nan))
        }
        let signals = assessment.signals.map { signal in
            JSONValue.object([
                "dimension": .string(signal.dimension.rawValue),
                "evidence": .string(signal.evidence),
                "weight": .string(bits(signal.weight)),
                "cue": signal.cue.map { .string($0) } ?? .null(),
                "utf8": signal.utf8.map { .array([.integer($0.lowerBound), .integer($0.upperBound)]) } ?? .null(),
                "utf16": signal.utf16.map { .array([.integer($0.lowerBound), .integer($0.upperBound)]) } ?? .null(),
            ])
        }
        let object = JSONValue.object([
            "features": .string(scored.features.map(bits).joined(separator: " ")),
            "raw": .string(bits(scored.raw)),
            "gated": .bool(scored.gated),
            "score": .string(bits(assessment.score)),
            "dimensions": .array(dimensions),
            "tier": .string(assessment.suggestedTier.rawValue),
            "confidence": .string(bits(assessment.confidence)),
            "runnerUp": assessment.runnerUpTier.map { .string($0.rawValue) } ?? .null(),
            "escalated": .bool(assessment.escalated),
            "rationale": .string(assessment.rationale),
            "deciding": .array(assessment.decidingSignals.map { .string($0) }),
            "signals": .array(signals),
        ])
        return object.serializedString
    }

    /// A 64-bit FNV-1a digest of `line`'s UTF-8, as 16 hex digits: what the development-row
    /// check stores per row instead of the whole line (10,706 lines would be megabytes).
    public static func digest(_ line: String) -> String {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in line.utf8 { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hex(h)
    }

    private static func bits(_ value: Double) -> String { value.bitPattern == 0 ? "0" : hex(value.bitPattern) }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
