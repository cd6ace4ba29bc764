/// A dimension along which a prompt can be demanding, in the order replies list them.
public enum ComplexityDimension: String, CaseIterable, Sendable, Comparable {
    case reasoning, multiStep, math, code, constraints, creativity, domainKnowledge, contextLength, extraction

    /// Declaration order, so reports list dimensions deterministically.
    public static func < (lhs: ComplexityDimension, rhs: ComplexityDimension) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One piece of evidence that raised a dimension.
public struct ComplexitySignal: Sendable, Equatable {
    /// The dimension raised.
    public let dimension: ComplexityDimension
    /// What in the prompt raised it: the quoted text of a span, or a measured size.
    public let evidence: String
    /// How much it added to the dimension (0…1).
    public let weight: Double
    /// What kind of cue it is (`proof`, `expression`, `code line`, …), so a quote in another
    /// language still says why it counts.
    public let cue: String?
    /// The quoted span in UTF-8 bytes of the scored text; `nil` for a measured structure.
    public let utf8: Range<Int>?
    /// The same span in UTF-16 code units (what LSP positions use); `nil` likewise.
    public let utf16: Range<Int>?

    /// Creates a signal.
    public init(dimension: ComplexityDimension, evidence: String, weight: Double, cue: String? = nil,
                utf8: Range<Int>? = nil, utf16: Range<Int>? = nil) {
        self.dimension = dimension
        self.evidence = evidence
        self.weight = weight
        self.cue = cue
        self.utf8 = utf8
        self.utf16 = utf16
    }
}

/// How demanding a prompt is, and the tier that follows, as `complexity` reports it.
public struct ComplexityAssessment: Sendable, Equatable {
    /// Overall score, 0 (trivial) … 1 (research-grade), one scale for all four tiers.
    public let score: Double
    /// Per-dimension scores, 0…1, every dimension present.
    public let dimensions: [ComplexityDimension: Double]
    /// The evidence behind the dimensions, strongest first.
    public let signals: [ComplexitySignal]
    /// The cheapest tier the scorer considers adequate.
    public let suggestedTier: Tier
    /// How sure the scorer is of `suggestedTier`, 0…1 (from the distance to the nearest threshold).
    public let confidence: Double
    /// One sentence on how the tier was reached.
    public let rationale: String
    /// The tier on the other side of the nearest threshold: the alternative a reader should know.
    public let runnerUpTier: Tier?
    /// Whether the tier was raised by one because the score sat just under a threshold with low
    /// confidence.
    public let escalated: Bool
    /// The few signals that decided the tier, already phrased (`math "integral"`), for `reason`.
    public let decidingSignals: [String]

    /// Creates an assessment.
    public init(score: Double, dimensions: [ComplexityDimension: Double], signals: [ComplexitySignal],
                suggestedTier: Tier, confidence: Double, rationale: String, runnerUpTier: Tier? = nil,
                escalated: Bool = false, decidingSignals: [String] = []) {
        self.score = score
        self.dimensions = dimensions
        self.signals = signals
        self.suggestedTier = suggestedTier
        self.confidence = confidence
        self.rationale = rationale
        self.runnerUpTier = runnerUpTier
        self.escalated = escalated
        self.decidingSignals = decidingSignals
    }
}

/// Scores how demanding a prompt is. The planner is handed one (the server's is the calibrated
/// router in the `Routing` module), so Advisor stays free of any particular model.
public protocol ComplexityScoring: Sendable {
    /// Assesses `text` (the prompt, or the messages' text), whose input is `inputTokens` long.
    func assess(_ text: String, inputTokens: Int) -> ComplexityAssessment
}
