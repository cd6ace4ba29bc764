/// A deliberately simple keyword scorer standing in until the routing work lands.
///
/// Each dimension adds the weights of the cue phrases found in the prompt (capped at 1);
/// `contextLength` grows linearly to 1 at 50,000 input tokens. The score blends the strongest
/// dimension (60 %) with a weighted mean of all (40 %), and the tier follows fixed cut-offs
/// (economy < 0.2 ≤ standard < 0.45 ≤ premium < 0.7 ≤ frontier). Confidence grows with the
/// distance from the nearest cut-off, from 0.5 to 0.8 — never high, because keyword cues are
/// weak evidence. Every `rationale` states that this is a placeholder.
public struct PlaceholderComplexityScorer: ComplexityScoring {
    /// Creates the scorer.
    public init() {}

    /// Tier cut-offs on the score: at or above `cutoffs[i]` is tier i+1.
    public static let cutoffs: [Double] = [0.2, 0.45, 0.7]

    static let cues: [ComplexityDimension: [(String, Double)]] = [
        .reasoning: [("step by step", 0.4), ("prove", 0.4), ("derive", 0.4), ("analyze", 0.3), ("analyse", 0.3),
                     ("trade-off", 0.3), ("tradeoff", 0.3), ("evaluate", 0.25), ("compare", 0.2), ("why", 0.15),
                     ("reason", 0.2), ("justify", 0.3), ("plan", 0.15), ("multi-step", 0.4), ("strategy", 0.2)],
        .code: [("```", 0.4), ("function", 0.25), ("implement", 0.3), ("refactor", 0.35), ("debug", 0.3),
                ("algorithm", 0.35), ("compile", 0.25), ("regex", 0.25), ("sql", 0.25), ("python", 0.2),
                ("swift", 0.2), ("javascript", 0.2), ("api", 0.15), ("concurren", 0.4), ("class ", 0.15),
                ("stack trace", 0.3), ("bug", 0.2)],
        .math: [("equation", 0.35), ("integral", 0.45), ("derivative", 0.4), ("probability", 0.35),
                ("theorem", 0.45), ("calculate", 0.2), ("solve", 0.25), ("matrix", 0.3), ("proof", 0.4),
                ("optimi", 0.3), ("percent", 0.15), ("how many", 0.15), ("sum of", 0.15)],
        .constraints: [("must", 0.15), ("exactly", 0.2), ("at least", 0.15), ("at most", 0.15),
                       ("without", 0.1), ("only", 0.1), ("format", 0.15), ("json", 0.15), ("do not", 0.15),
                       ("constraint", 0.3), ("requirement", 0.2)],
        .creativity: [("story", 0.3), ("poem", 0.35), ("creative", 0.3), ("imagine", 0.25), ("slogan", 0.2),
                      ("lyrics", 0.3), ("fiction", 0.3), ("brainstorm", 0.25)],
        .domainKnowledge: [("legal", 0.3), ("medical", 0.3), ("diagnos", 0.35), ("clinical", 0.35),
                           ("regulat", 0.25), ("tax", 0.2), ("quantum", 0.4), ("pharmac", 0.35),
                           ("contract", 0.2), ("genom", 0.4), ("financial", 0.2), ("physics", 0.3),
                           ("research", 0.25), ("peer-review", 0.35)],
    ]

    static let meanWeights: [ComplexityDimension: Double] = [
        .reasoning: 0.25, .code: 0.2, .math: 0.2, .constraints: 0.1, .creativity: 0.05,
        .domainKnowledge: 0.15, .contextLength: 0.05,
    ]

    /// Assesses `text` with keyword cues; see the type's documentation for the rule.
    public func assess(_ text: String, inputTokens: Int) -> ComplexityAssessment {
        let lower = text.lowercased()
        var dimensions: [ComplexityDimension: Double] = [:]
        var signals: [ComplexitySignal] = []
        for dimension in ComplexityDimension.allCases {
            var value = 0.0
            for (phrase, weight) in PlaceholderComplexityScorer.cues[dimension] ?? [] where lower.contains(phrase) {
                value += weight
                signals.append(ComplexitySignal(dimension: dimension,
                                                evidence: "\"\(phrase.trimmingTrailingSpace)\"", weight: weight))
            }
            dimensions[dimension] = min(1, value)
        }
        let contextLength = min(1, Double(max(0, inputTokens)) / 50_000)
        dimensions[.contextLength] = contextLength
        if contextLength > 0.02 {
            signals.append(ComplexitySignal(dimension: .contextLength, evidence: "\(inputTokens) input tokens",
                                            weight: contextLength))
        }
        let strongest = dimensions.values.max() ?? 0
        let mean = PlaceholderComplexityScorer.meanWeights.reduce(0.0) { $0 + $1.value * (dimensions[$1.key] ?? 0) }
        let score = ((0.6 * strongest + 0.4 * mean) * 1000).rounded() / 1000
        let cutoffs = PlaceholderComplexityScorer.cutoffs
        let tierIndex = cutoffs.filter { score >= $0 }.count
        let tier = Tier.allCases[tierIndex]
        let distance = cutoffs.map { abs(score - $0) }.min() ?? 1
        let confidence = ((0.5 + 0.3 * min(1, distance / 0.1)) * 100).rounded() / 100
        signals.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.dimension < $1.dimension }
        let top = signals.prefix(3).map { "\($0.dimension.rawValue) \($0.evidence)" }.joined(separator: ", ")
        let rationale = "placeholder keyword heuristic pending the routing work: score \(score) → "
            + "\(tier.rawValue)" + (top.isEmpty ? " (no complexity cues found)" : " (cues: \(top))")
        return ComplexityAssessment(score: score, dimensions: dimensions, signals: signals,
                                    suggestedTier: tier, confidence: confidence, rationale: rationale)
    }
}

extension String {
    fileprivate var trimmingTrailingSpace: String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
