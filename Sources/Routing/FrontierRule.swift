/// When a prompt goes to frontier although its score is below the frontier cut.
///
/// The labelled data has no frontier model, so the premium/frontier cut on the score (the top
/// 1 % of benchmark traffic) sends no research-grade proof there: long word problems reach the
/// top of the scale as easily as proofs. The catalog's seed describes frontier as "advanced
/// research, complex multi-step reasoning"; the rule asks for exactly that evidence on top of a
/// premium score: a score of at least `minScore` (and at least the premium cut), a reasoning
/// dimension of at least `minReasoning`, and proof wording (`lex_proof`, saturated count) of at
/// least `minProof` — "prove", "show that", "démontrez", "证明", "証明", … — together with either
/// mathematical structure (`minMath` on the math dimension) or several steps (`minMultiStep`).
public struct FrontierRule: Codable, Sendable, Equatable {
    /// Lowest score for the rule to apply (it never lowers a tier below premium's cut).
    public var minScore: Double
    /// Lowest reasoning dimension.
    public var minReasoning: Double
    /// Lowest `lex_proof` feature (0.5 = one proof cue, sat(1, 1)).
    public var minProof: Double
    /// Lowest math dimension (one of this or `minMultiStep` must hold).
    public var minMath: Double
    /// Lowest multi-step dimension (one of this or `minMath` must hold).
    public var minMultiStep: Double

    /// The bundled rule.
    public static let standard = FrontierRule(minScore: 0.8, minReasoning: 0.45, minProof: 0.5, minMath: 0.25,
                                              minMultiStep: 0.25)
}
