/// A dimension along which a prompt can be demanding.
public enum ComplexityDimension: String, CaseIterable, Sendable, Comparable {
    case reasoning, code, math, constraints, creativity, domainKnowledge, contextLength

    /// Declaration order, so reports list dimensions deterministically.
    public static func < (lhs: ComplexityDimension, rhs: ComplexityDimension) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One piece of evidence that raised a dimension.
public struct ComplexitySignal: Sendable, Equatable {
    /// The dimension raised.
    public let dimension: ComplexityDimension
    /// What in the prompt raised it (a quoted phrase, or a measured size).
    public let evidence: String
    /// How much it added to the dimension (0…1).
    public let weight: Double

    /// Creates a signal.
    public init(dimension: ComplexityDimension, evidence: String, weight: Double) {
        self.dimension = dimension
        self.evidence = evidence
        self.weight = weight
    }
}

/// How demanding a prompt is, and the tier that follows, as `complexity` reports it.
public struct ComplexityAssessment: Sendable, Equatable {
    /// Overall score, 0 (trivial) … 1 (research-grade).
    public let score: Double
    /// Per-dimension scores, 0…1, every dimension present.
    public let dimensions: [ComplexityDimension: Double]
    /// The evidence behind the dimensions, strongest first.
    public let signals: [ComplexitySignal]
    /// The cheapest tier the scorer considers adequate.
    public let suggestedTier: Tier
    /// How sure the scorer is of `suggestedTier`, 0…1.
    public let confidence: Double
    /// One sentence on how the tier was reached.
    public let rationale: String

    /// Creates an assessment.
    public init(score: Double, dimensions: [ComplexityDimension: Double], signals: [ComplexitySignal],
                suggestedTier: Tier, confidence: Double, rationale: String) {
        self.score = score
        self.dimensions = dimensions
        self.signals = signals
        self.suggestedTier = suggestedTier
        self.confidence = confidence
        self.rationale = rationale
    }
}

/// Scores how demanding a prompt is. The routing work supplies the real scorer; until then
/// `PlaceholderComplexityScorer` stands in and says so.
public protocol ComplexityScoring: Sendable {
    /// Assesses `text` (the prompt, or the messages' text), whose input is `inputTokens` long.
    func assess(_ text: String, inputTokens: Int) -> ComplexityAssessment
}
