import Foundation

/// The part of a prompt the complexity scorer reads: all of it up to 256 KiB, otherwise its
/// first 192 KiB and last 64 KiB joined by a newline, with the evidence offsets mapped back to
/// the whole prompt.
///
/// Why: scoring costs several exact counts per byte and holds per-scalar arrays (about 13 bytes
/// per input byte), so a prompt of tens of megabytes took most of an estimate's time and memory,
/// while what decides a tier — the instruction, the kind of task, the cues — sits at the start
/// and the end of pasted material, and every size feature is saturated long before 256 KiB (the
/// context-length dimension is already at its maximum at about 50,000 tokens). Offsets of
/// evidence from the tail are shifted to where that text lies in the prompt; evidence that
/// straddles the join keeps its quote but loses its offsets; the context-length evidence, which
/// would measure the sample, is restated with the prompt's own count.
public struct ScoringWindow: Sendable {
    /// Texts of at most this many UTF-8 bytes are scored whole.
    public static let wholeTextLimit = 256 * 1024
    /// Bytes taken from the start of a longer text (cut back to a scalar boundary).
    public static let headBytes = 192 * 1024
    /// Bytes taken from its end (cut forward to a scalar boundary).
    public static let tailBytes = 64 * 1024

    /// What the scorer reads.
    public let text: String
    /// Whether `text` is a sample (the prompt was longer than `wholeTextLimit`).
    public let isSampled: Bool
    /// The whole prompt's length in UTF-8 bytes.
    public let totalBytes: Int
    /// Length of the head in `text`, in UTF-8 bytes and UTF-16 units (the join follows it).
    private let headUTF8: Int, headUTF16: Int
    /// Where the tail starts in the whole prompt, in UTF-8 bytes and UTF-16 units.
    private let tailUTF8: Int, tailUTF16: Int

    /// The window of `prompt`.
    public init(_ prompt: String) {
        var prompt = prompt
        let parts = prompt.withUTF8 { bytes -> (head: String, tail: String, headEnd: Int, tailStart: Int, middle16: Int)? in
            let count = bytes.count
            guard count > Self.wholeTextLimit else { return nil }
            var headEnd = Self.headBytes
            while headEnd > 0 && bytes[headEnd] & 0xC0 == 0x80 { headEnd -= 1 }
            var tailStart = count - Self.tailBytes
            while tailStart < count && bytes[tailStart] & 0xC0 == 0x80 { tailStart += 1 }
            // UTF-16 units of the skipped middle: one per scalar, two for a 4-byte scalar.
            var middle16 = 0
            for index in headEnd..<tailStart {
                let byte = bytes[index]
                if byte & 0xC0 != 0x80 { middle16 += byte >= 0xF0 ? 2 : 1 }
            }
            return (String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<headEnd]), as: UTF8.self),
                    String(decoding: UnsafeBufferPointer(rebasing: bytes[tailStart..<count]), as: UTF8.self),
                    headEnd, tailStart, middle16)
        }
        totalBytes = prompt.utf8.count
        guard let parts else {
            text = prompt
            isSampled = false
            headUTF8 = 0; headUTF16 = 0; tailUTF8 = 0; tailUTF16 = 0
            return
        }
        text = parts.head + "\n" + parts.tail
        isSampled = true
        headUTF8 = parts.headEnd
        headUTF16 = parts.head.utf16.count
        tailUTF8 = parts.tailStart
        tailUTF16 = headUTF16 + parts.middle16
    }

    /// Scores the window with `scorer`; `inputTokens` is the whole prompt's count.
    public func assess(with scorer: any ComplexityScoring, inputTokens: Int) -> ComplexityAssessment {
        let assessment = scorer.assess(text, inputTokens: inputTokens)
        guard isSampled else { return assessment }
        let signals = assessment.signals.map { signal -> ComplexitySignal in
            guard let utf8 = signal.utf8 else {
                guard signal.dimension == .contextLength else { return signal }
                let measured = "\(inputTokens) tokens (o200k_base)"
                return ComplexitySignal(dimension: signal.dimension, evidence: measured, weight: signal.weight,
                                        cue: measured)
            }
            if utf8.upperBound <= headUTF8 { return signal }
            guard utf8.lowerBound > headUTF8, let utf16 = signal.utf16 else {
                return ComplexitySignal(dimension: signal.dimension, evidence: signal.evidence, weight: signal.weight,
                                        cue: signal.cue)
            }
            let shift8 = tailUTF8 - (headUTF8 + 1), shift16 = tailUTF16 - (headUTF16 + 1)
            return ComplexitySignal(dimension: signal.dimension, evidence: signal.evidence, weight: signal.weight,
                                    cue: signal.cue,
                                    utf8: (utf8.lowerBound + shift8)..<(utf8.upperBound + shift8),
                                    utf16: (utf16.lowerBound + shift16)..<(utf16.upperBound + shift16))
        }
        return ComplexityAssessment(score: assessment.score, dimensions: assessment.dimensions, signals: signals,
                                    suggestedTier: assessment.suggestedTier, confidence: assessment.confidence,
                                    rationale: assessment.rationale, runnerUpTier: assessment.runnerUpTier,
                                    escalated: assessment.escalated, decidingSignals: assessment.decidingSignals)
    }

    /// The warning an estimate carries when the window is a sample.
    public var note: String? {
        guard isSampled else { return nil }
        return "complexity was scored on the first 192 KiB and the last 64 KiB of this "
            + "\(totalBytes)-byte prompt (the size features are saturated well before that)"
    }
}
