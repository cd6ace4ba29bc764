import Advisor
import Foundation

/// The calibrated complexity router: the `ComplexityScoring` the server injects into the planner.
///
/// It extracts the 61 interpretable features (`FeatureExtractor`), adds the fitted linear gain
/// (plus the hashed exam vocabulary on exam-style prompts), squashes the gain to a 0…1 score,
/// and cuts that one scale into the four tiers with the routing file's thresholds. Confidence is
/// `0.5 + 0.5·min(1, distance to the nearest threshold / band)`; when it is below the file's
/// `escalateBelow` and the score sits just under a cut, the tier is raised by one and the
/// rationale says so. A premium prompt with research-grade evidence goes to frontier by the
/// file's `FrontierRule`. Every dimension that is raised carries signals quoting the evidence
/// with UTF-8 and UTF-16 offsets.
public struct ComplexityRouter: ComplexityScoring {
    /// The routing file in use.
    public let model: RoutingModel

    /// At most this many signals per dimension are reported (the strongest), so a long prompt's
    /// reply stays small; the dimension values use every match.
    public static let signalsPerDimension = 5

    /// Creates a router over `model`.
    public init(model: RoutingModel) {
        self.model = model
    }

    /// Everything the router computes for one prompt, for tests, `calibrate` and the benchmark.
    public struct Scored: Sendable {
        /// The model inputs (52 features, then 9 dimensions).
        public let features: [Double]
        /// The raw gain before the squash.
        public let raw: Double
        /// The 0…1 score.
        public let score: Double
        /// Whether the hashed exam vocabulary applied.
        public let gated: Bool
        let extraction: FeatureExtractor.Result
        let scalars: [UInt32]
    }

    /// Features, raw gain and score of `text`.
    public func score(_ text: String) -> Scored {
        let decoded = FeatureExtractor.decode(text)
        let result = model.extractor.extract(decoded)
        let raw = model.raw(result)
        return Scored(features: result.vector, raw: raw, score: model.squash(raw), gated: result.gate,
                      extraction: result, scalars: decoded.scalars)
    }

    /// The tier decision for a score and its features: (tier, confidence, runner-up, escalated,
    /// by the frontier rule).
    public func decide(score: Double, features: [Double]) -> (tier: Tier, confidence: Double, runnerUp: Tier?,
                                                              escalated: Bool, frontierRule: Bool) {
        let cuts = model.cuts
        var index = 0, nearest = 0
        var distance = Double.infinity
        for (k, cut) in cuts.enumerated() {
            if score >= cut { index += 1 }
            if abs(score - cut) < distance { distance = abs(score - cut); nearest = k }
        }
        let confidence = 0.5 + 0.5 * min(1, distance / model.document.confidence.band)
        // The tier across the nearest cut.
        var runnerUp: Tier? = Tier.allCases[score >= cuts[nearest] ? nearest : nearest + 1]
        var escalated = false
        if confidence < model.document.confidence.escalateBelow && index < 3 && score < cuts[index]
            && cuts[index] - score == distance {
            runnerUp = Tier.allCases[index]
            index += 1
            escalated = true
        }
        var byRule = false
        let rule = model.frontierRule
        if index == 2 && score >= max(rule.minScore, cuts[1]) {
            let dimension = { (name: String) in features[FeatureLayout.featureNames.count + FeatureLayout.dimensions.firstIndex(of: name)!] }
            if dimension("reasoning") >= rule.minReasoning && features[FeatureLayout.lex("proof")] >= rule.minProof
                && (dimension("math") >= rule.minMath || dimension("multiStep") >= rule.minMultiStep) {
                index = 3
                byRule = true
                runnerUp = .premium
            }
        }
        let tier = Tier.allCases[index]
        if runnerUp == tier { runnerUp = nil }
        return (tier, (confidence * 100).rounded() / 100, runnerUp, escalated, byRule)
    }

    /// Assesses `text`; see the type's documentation.
    public func assess(_ text: String, inputTokens: Int) -> ComplexityAssessment {
        let scored = score(text)
        let decision = decide(score: scored.score, features: scored.features)
        let dimensionValues = Array(scored.features[FeatureLayout.featureNames.count...])
        var dimensions: [ComplexityDimension: Double] = Dictionary(minimumCapacity: dimensionValues.count)
        for (i, dimension) in ComplexityRouter.dimensionCases.enumerated() {
            dimensions[dimension] = (dimensionValues[i] * 1000).rounded() / 1000
        }
        let signals = self.signals(scored, dimensionValues: dimensionValues)
        var deciding: [String] = []
        var seen: [ComplexityDimension] = []
        for signal in signals where signal.weight > 0 && !seen.contains(signal.dimension) {
            seen.append(signal.dimension)
            var text = TextBuilder(capacity: signal.evidence.utf8.count + 24)
            text.append(signal.dimension.rawValue)
            if signal.utf8 == nil {
                text.append(" ")
                text.append(signal.evidence)
            } else {
                text.append(" \"")
                text.append(signal.evidence)
                text.append("\"")
            }
            deciding.append(text.string)
            if deciding.count == 3 { break }
        }
        let score = (scored.score * 1_000_000).rounded() / 1_000_000
        let rationale = self.rationale(score: scored.score, decision: decision, deciding: deciding)
        return ComplexityAssessment(score: score, dimensions: dimensions, signals: signals,
                                    suggestedTier: decision.tier, confidence: decision.confidence, rationale: rationale,
                                    runnerUpTier: decision.runnerUp, escalated: decision.escalated,
                                    decidingSignals: deciding)
    }

    private static let cutNames = ["economy/standard", "standard/premium", "premium/frontier"]
    /// `FeatureLayout.dimensions` as the API's cases.
    private static let dimensionCases = FeatureLayout.dimensions.map { ComplexityDimension(rawValue: $0)! }

    private func rationale(score: Double, decision: (tier: Tier, confidence: Double, runnerUp: Tier?, escalated: Bool,
                                                     frontierRule: Bool), deciding: [String]) -> String {
        let cuts = model.cuts
        var text = TextBuilder(capacity: 160 + deciding.reduce(0) { $0 + $1.utf8.count + 2 })
        text.append("score ")
        text.append(score, digits: 3)
        if decision.frontierRule {
            text.append(" is premium, and research-grade evidence (proof wording with strong reasoning) sends it to frontier")
        } else if decision.escalated, let runnerUp = decision.runnerUp {
            text.append(" sits just under the ")
            text.append(ComplexityRouter.cutNames[runnerUp.rank])
            text.append(" cut ")
            text.append(cuts[runnerUp.rank], digits: 3)
            text.append(" with confidence ")
            text.append(decision.confidence, digits: 2)
            text.append(", so it is escalated one tier from ")
            text.append(runnerUp.rawValue)
            text.append(" to ")
            text.append(decision.tier.rawValue)
        } else {
            let nearest = cuts.enumerated().min { abs(score - $0.element) < abs(score - $1.element) }!
            text.append(" is ")
            text.append(decision.tier.rawValue)
            text.append(score >= nearest.element ? ", above the " : ", below the ")
            text.append(ComplexityRouter.cutNames[nearest.offset])
            text.append(" cut ")
            text.append(nearest.element, digits: 3)
            text.append(" (confidence ")
            text.append(decision.confidence, digits: 2)
            text.append(")")
        }
        if deciding.isEmpty {
            text.append(", with no complexity cues")
        } else {
            text.append(", on ")
            for (k, item) in deciding.enumerated() {
                if k > 0 { text.append(", ") }
                text.append(item)
            }
        }
        if let runnerUp = decision.runnerUp, !decision.escalated {
            text.append("; runner-up ")
            text.append(runnerUp.rawValue)
        }
        return text.string
    }

    /// The reported signals: evidence of dimensions of at least 0.05, strongest first, at most
    /// `signalsPerDimension` per dimension, with UTF-8 and UTF-16 offsets for spans.
    func signals(_ scored: Scored, dimensionValues: [Double]) -> [ComplexitySignal] {
        let all = scored.extraction.evidence
        var order: [Int] = []
        order.reserveCapacity(all.count)
        for (i, item) in all.enumerated() where dimensionValues[item.dimension] >= 0.05 { order.append(i) }
        guard !order.isEmpty else { return [] }
        order.sort { a, b in all[a].weight != all[b].weight ? all[a].weight > all[b].weight : a < b }
        var perDimension = [Int](repeating: 0, count: FeatureLayout.dimensions.count)
        var kept: [FeatureExtractor.Evidence] = []
        kept.reserveCapacity(min(order.count, FeatureLayout.dimensions.count * ComplexityRouter.signalsPerDimension))
        var spans: [Range<Int>] = []
        spans.reserveCapacity(kept.capacity)
        for i in order where perDimension[all[i].dimension] < ComplexityRouter.signalsPerDimension {
            perDimension[all[i].dimension] += 1
            kept.append(all[i])
            if let span = all[i].span { spans.append(span) }
        }
        let offsets = TextOffsets(scored.scalars, spans: spans)
        return kept.map { item in
            let dimension = ComplexityRouter.dimensionCases[item.dimension]
            guard let span = item.span else {
                return ComplexitySignal(dimension: dimension, evidence: item.label, weight: item.weight, cue: item.label)
            }
            return ComplexitySignal(dimension: dimension, evidence: offsets.quote(span), weight: item.weight,
                                    cue: item.label, utf8: offsets.utf8(span), utf16: offsets.utf16(span))
        }
    }
}

/// Scalar offsets of one text converted to UTF-8 and UTF-16 offsets, and quotes.
///
/// Only the offsets asked for are converted (the edges of the reported spans, in one pass up to
/// the last of them), so a long prompt with a few signals costs no table of every scalar.
struct TextOffsets {
    private let scalars: [UInt32]
    /// Converted scalar offsets, ascending, with their UTF-8 and UTF-16 offsets.
    private let known: [Int]
    private let utf8Known: [Int]
    private let utf16Known: [Int]

    /// Offsets for every edge of `spans` (all of the text's offsets when nil).
    init(_ scalars: [UInt32], spans: [Range<Int>]? = nil) {
        self.scalars = scalars
        var wanted: [Int]
        if let spans {
            wanted = []
            wanted.reserveCapacity(spans.count * 2 + 2)
            for span in spans { wanted.append(span.lowerBound); wanted.append(span.upperBound) }
            wanted.sort()
        } else {
            wanted = Array(0...scalars.count)
        }
        var utf8: [Int] = [], utf16: [Int] = []
        utf8.reserveCapacity(wanted.count)
        utf16.reserveCapacity(wanted.count)
        // Offsets are the scalar position plus what non-ASCII scalars add (1–3 UTF-8 bytes, 0–1
        // UTF-16 unit), so an ASCII scalar costs one test: a signal near the end of a long
        // prompt walks all of it, and this walk was about 4 % of scoring a development row.
        var position = 0, extraBytes = 0, extraUnits = 0
        scalars.withUnsafeBufferPointer { scalars in
            for target in wanted {
                while position < target {
                    let c = scalars[position]
                    if c >= 0x80 {
                        extraBytes += c < 0x800 ? 1 : c < 0x10000 ? 2 : 3
                        extraUnits += c >= 0x10000 ? 1 : 0
                    }
                    position += 1
                }
                utf8.append(position + extraBytes)
                utf16.append(position + extraUnits)
            }
        }
        known = wanted
        utf8Known = utf8
        utf16Known = utf16
    }

    /// Index of `offset` in `known` (it must be one of them).
    private func index(_ offset: Int) -> Int {
        var low = 0, high = known.count - 1
        while low < high {
            let mid = (low + high) / 2
            if known[mid] < offset { low = mid + 1 } else { high = mid }
        }
        precondition(known[low] == offset, "offset \(offset) was not converted")
        return low
    }

    func utf8(_ span: Range<Int>) -> Range<Int> { utf8Known[index(span.lowerBound)]..<utf8Known[index(span.upperBound)] }
    func utf16(_ span: Range<Int>) -> Range<Int> { utf16Known[index(span.lowerBound)]..<utf16Known[index(span.upperBound)] }

    /// The span's text; longer than 80 scalars: its first 77 and "...".
    ///
    /// The UTF-8 is written straight into the new string's storage (no byte array first): a
    /// reply quotes up to 45 spans, and building each quote was about a third of the signals'
    /// cost.
    func quote(_ span: Range<Int>) -> String {
        let shown = span.count <= 80 ? span : span.lowerBound..<(span.lowerBound + 77)
        var length = shown != span ? 3 : 0
        for c in scalars[shown] { length += UTF8Bytes.length(c) }
        return String(unsafeUninitializedCapacity: length) { out in
            var k = 0
            for c in scalars[shown] {
                if c < 0x80 {
                    out[k] = UInt8(c); k += 1
                } else if c < 0x800 {
                    out[k] = UInt8(0xC0 | (c >> 6)); out[k + 1] = UInt8(0x80 | (c & 0x3F)); k += 2
                } else if c < 0x10000 {
                    out[k] = UInt8(0xE0 | (c >> 12)); out[k + 1] = UInt8(0x80 | ((c >> 6) & 0x3F))
                    out[k + 2] = UInt8(0x80 | (c & 0x3F)); k += 3
                } else {
                    out[k] = UInt8(0xF0 | (c >> 18)); out[k + 1] = UInt8(0x80 | ((c >> 12) & 0x3F))
                    out[k + 2] = UInt8(0x80 | ((c >> 6) & 0x3F)); out[k + 3] = UInt8(0x80 | (c & 0x3F)); k += 4
                }
            }
            if shown != span {
                out[k] = 0x2E; out[k + 1] = 0x2E; out[k + 2] = 0x2E; k += 3
            }
            return k
        }
    }
}
