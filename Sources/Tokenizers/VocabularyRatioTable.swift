/// One exact vocabulary's token ratios to `o200k_base` per script, measured by
/// `scripts/fit-vocabulary-ratios.py` (FLORES-200 dev sentences and ../shared/eval prompts) and
/// generated into `VocabularyRatioTable.builtIn`.
///
/// A text is a concatenation of pieces, and the ratio of a sum lies between its parts' lowest and
/// highest ratios; so a text whose pieces each tokenize like some measured text of their script
/// has a ratio inside the union of those scripts' intervals. That is an empirical bound, not a
/// proof: it decides which models the planner may skip counting exactly (and those models' tier
/// quotes say `exact: false`), never the count of the model an estimate prices.
public struct VocabularyRatioTable: Sendable {
    /// The vocabulary (`cl100k_base`, `qwen3.5`, …).
    public let vocabulary: TokenizerID
    /// The highest ratio of a run of ASCII digits: 3 for vocabularies that split every digit
    /// (`o200k_base` groups up to three), 1 for those that group three as well.
    public let digitRunHigh: Double
    /// The ratio for text without a content script, or in a script the table lacks: every text
    /// measured.
    public let defaultRatio: VocabularyRatio
    /// Ratios by script.
    public let byScript: [UnicodeScript: VocabularyRatio]
    /// Where the ratios come from.
    public var source: String { "models/calibration/vocabulary-ratios.json: \(vocabulary)" }

    /// Creates a table; see the properties.
    public init(vocabulary: TokenizerID, digitRunHigh: Double, defaultRatio: VocabularyRatio,
                byScript: [UnicodeScript: VocabularyRatio]) {
        self.vocabulary = vocabulary
        self.digitRunHigh = digitRunHigh
        self.defaultRatio = defaultRatio
        self.byScript = byScript
    }

    /// The built-in table of `vocabulary`, or `nil` when none was measured (`o200k_base` itself,
    /// names that are not exact vocabularies).
    public static func table(for vocabulary: TokenizerID) -> VocabularyRatioTable? {
        builtIn.first { $0.vocabulary == vocabulary }
    }

    /// The ratio interval for a text with `profile`: the point weighted by each content script's
    /// scalars, the ends the lowest and highest of the scripts present (the default's when there
    /// is none, or for a script not in the table), widened to 1 and `digitRunHigh` when the text
    /// has ASCII digits.
    public func ratio(for profile: UnicodeScriptProfile, hasDigits: Bool) -> VocabularyRatio {
        var point = 0.0, weight = 0.0
        var low = Double.infinity, high = 0.0
        for (script, scalars) in profile.scalarCounts where script.isContentScript {
            let entry = byScript[script] ?? defaultRatio
            point += entry.ratio * Double(scalars)
            weight += Double(scalars)
            low = min(low, entry.low)
            high = max(high, entry.high)
        }
        if weight == 0 {
            point = defaultRatio.ratio
            weight = 1
            low = defaultRatio.low
            high = defaultRatio.high
        }
        if hasDigits {
            low = min(low, 1)
            high = max(high, digitRunHigh)
        }
        return VocabularyRatio(point / weight, low: low, high: high)
    }
}
