/// The settings of a fit (`training.config` in the routing file), so a re-fit is reproducible
/// from the file alone.
public struct FitConfiguration: Codable, Sendable, Equatable {
    /// Ridge strength of stage 1 (shrinkage towards the prior).
    public var lam: Double
    /// Ridge strength of the hashed exam-vocabulary stage; `nil` skips stage 2.
    public var lam_h: Double?
    /// Total weight of a preference-labelled source (AlpacaEval): 0 reports it without fitting on it.
    public var pref_weight: Double
    /// A preference is not an accuracy gap: preference-labelled targets are scaled by this.
    public var pref_scale: Double
    /// Shrink towards the prior with the pinned features held (else towards 0, nothing pinned).
    public var use_prior: Bool
    /// Always true here: stage 2 is fitted on stage-1 residuals (the prototype's shipped form).
    public var two_stage: Bool?
    /// Sources whose labels are preferences rather than accuracies (default `["alpacaeval"]`).
    public var preferenceSources: [String]?
    /// Per-source total weight overriding 1 (or `pref_weight`), e.g. `{"mmlu": 0.5}`.
    public var sourceWeights: [String: Double]?
    /// Folds for the out-of-fold threshold shares (default 5).
    public var folds: Int?
    /// Seed of the fold assignment (default 0).
    public var seed: Int?

    /// The prototype's shipped settings.
    public static let standard = FitConfiguration(lam: 0.01, lam_h: 1e-3, pref_weight: 0, pref_scale: 0.25,
                                                  use_prior: true, two_stage: true, preferenceSources: ["alpacaeval"],
                                                  sourceWeights: nil, folds: 5, seed: 0)

    /// The preference-labelled sources in effect.
    public var preferenceSourceSet: Set<String> { Set(preferenceSources ?? ["alpacaeval"]) }
}
