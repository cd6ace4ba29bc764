/// Which encoding's counts the vocabulary-free estimator approximates, with that encoding's
/// fitted weights and interval.
///
/// A value rather than a `switch` inside the estimator, so a registration names the calibration
/// its fallback uses and a new calibration (fitted by
/// `scripts/calibrate-vocabulary-free-estimator.py`) is one more constant here.
public struct EstimatorCalibration: Sendable {
    /// The encoding whose counts the estimate approximates.
    public let encoding: TokenizerID
    /// The encoding's column in the word table and per-scalar weights (0 o200k_base, 1 cl100k_base).
    let column: Int
    /// Tokens per scalar of each class of `VocabularyFreeEstimator.classNames`, then the
    /// intercept of a piece not in the word table and the weight of its leading space.
    let classWeights: [Double]
    /// The 5th and 95th percentile of exact ÷ estimated tokens on held-out FLORES-200 dev
    /// sentences (cross-validated: each sentence estimated by a model fitted without its article).
    let interval: (low: Double, high: Double)

    /// Fitted to `o200k_base`; also the calibration of families without a public vocabulary.
    public static let o200kBase = EstimatorCalibration(
        encoding: .o200kBase, column: 0, classWeights: VocabularyFreeEstimator.o200kClassWeights,
        interval: VocabularyFreeEstimator.o200kInterval)

    /// Fitted to `cl100k_base`.
    public static let cl100kBase = EstimatorCalibration(
        encoding: .cl100kBase, column: 1, classWeights: VocabularyFreeEstimator.cl100kClassWeights,
        interval: VocabularyFreeEstimator.cl100kInterval)
}
