/// The fitted weights and interval the vocabulary-free estimator uses to approximate one
/// encoding's counts.
///
/// A value rather than a `switch` inside the estimator, so a registration names the calibration
/// its fallback uses and a new calibration (fitted by
/// `scripts/calibrate-vocabulary-free-estimator.py`) is one more constant here.
public struct EstimatorCalibration: Sendable {
    /// The encoding whose counts the weights were fitted to.
    public let encoding: TokenizerID
    /// Tokens per scalar of each class of `VocabularyFreeEstimator.classNames`.
    let weights: [Double]
    /// The 5th and 95th percentile of true ÷ estimated tokens on the fitting lines.
    let interval: (low: Double, high: Double)

    /// Fitted to `o200k_base` on every FLORES-200 dev line; also the calibration of families
    /// without a public vocabulary.
    public static let o200kBase = EstimatorCalibration(
        encoding: .o200kBase, weights: VocabularyFreeEstimator.o200kWeights,
        interval: VocabularyFreeEstimator.o200kInterval)

    /// Fitted to `cl100k_base` on every FLORES-200 dev line.
    public static let cl100kBase = EstimatorCalibration(
        encoding: .cl100kBase, weights: VocabularyFreeEstimator.cl100kWeights,
        interval: VocabularyFreeEstimator.cl100kInterval)
}
