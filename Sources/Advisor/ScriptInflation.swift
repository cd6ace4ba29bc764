/// Calibrated token inflation of one script relative to English, for one encoding.
public struct ScriptInflation: Sendable, Equatable {
    /// Median over the script's languages of (language tokens / English tokens).
    public let median: Double
    /// The least inflated language's ratio.
    public let low: Double
    /// The most inflated language's ratio.
    public let high: Double
    /// How many languages the figures summarise.
    public let languages: Int

    /// Creates an entry.
    public init(median: Double, low: Double, high: Double, languages: Int) {
        self.median = median
        self.low = low
        self.high = high
        self.languages = languages
    }
}
