/// How many tokens one exact vocabulary makes per `o200k_base` token of the same text, for one
/// script: the total ratio measured on that script's texts and the lowest and highest ratio of a
/// single text, widened (`models/calibration/vocabulary-ratios.json`).
///
/// What lets the estimate planner rank a Qwen or Mistral model against the others from the
/// `o200k_base` count it already has, loading that model's vocabulary only when the model's cost
/// range can still win its tier.
public struct VocabularyRatio: Sendable, Equatable {
    /// The point ratio (the script's total; English's for Latin).
    public let ratio: Double
    /// The lowest ratio of any text measured, widened.
    public let low: Double
    /// The highest ratio of any text measured, widened.
    public let high: Double

    /// Creates a ratio; `low <= ratio <= high` is the caller's promise (the table test checks it).
    public init(_ ratio: Double, low: Double, high: Double) {
        self.ratio = ratio
        self.low = low
        self.high = high
    }
}
