/// Estimates a token count without any vocabulary, from how many scalars of each script the
/// text has.
///
/// It answers `preflight/countTokens` with `exact: false` when a vocabulary file is missing,
/// and is the base for tokenizers whose vocabulary is not public. The model is linear: each
/// scalar class (ASCII letters, digits, white space and punctuation; other Latin; combining
/// marks; one class per script block: Cyrillic, Arabic, Devanagari, Han, ...) costs a fitted
/// number of tokens per scalar. The weights were fitted by least squares to tiktoken's counts
/// on every FLORES-200 dev line (`scripts/calibrate-vocabulary-free-estimator.py`, tables in
/// `VocabularyFreeEstimatorTables.swift`), separately for o200k_base and cl100k_base. On those
/// lines half the o200k estimates are within ±10% and 90% within ±30%; the interval reported is
/// the 5th–95th percentile of the true count over the estimate. It is weakest on Latin-script
/// languages, where the real cost depends on the vocabulary (English is overestimated by
/// about 45%, Vietnamese by 64%) — see docs/TOKENIZERS.md.
public enum VocabularyFreeEstimator {
    /// Estimates the `o200k_base` token count of `text`.
    public static func estimate(_ text: String) -> TokenEstimate {
        estimate(text, for: .o200kBase)
    }

    /// Estimates the token count of `text` in `encoding` (when its vocabulary is unavailable).
    public static func estimate(_ text: String, for encoding: EncodingName) -> TokenEstimate {
        let weights: [Double]
        let interval: (low: Double, high: Double)
        switch encoding {
        case .o200kBase: (weights, interval) = (o200kWeights, o200kInterval)
        case .cl100kBase: (weights, interval) = (cl100kWeights, cl100kInterval)
        }
        var counts = [Int](repeating: 0, count: classNames.count)
        var scalars = 0
        for scalar in text.unicodeScalars {
            counts[classOf(scalar.value)] += 1
            scalars += 1
        }
        if scalars == 0 { return TokenEstimate(tokens: 0, low: 0, high: 0) }
        var estimate = 0.0
        for (count, weight) in zip(counts, weights) { estimate += Double(count) * weight }
        let tokens = max(1, Int(estimate.rounded()))
        let low = max(1, min(tokens, Int((estimate * interval.low).rounded(.down))))
        let high = max(tokens, Int((estimate * interval.high).rounded(.up)))
        return TokenEstimate(tokens: tokens, low: low, high: high)
    }

    /// The class index of a scalar (see `classNames`).
    static func classOf(_ value: UInt32) -> Int {
        if value < 0x80 {
            switch value {
            case 0x41...0x5A, 0x61...0x7A: return 0  // asciiLetter
            case 0x30...0x39: return 1                // asciiDigit
            case 0x20, 0x09, 0x0A, 0x0D: return 2     // asciiSpace
            default: return 3                         // asciiPunctuation
            }
        }
        var low = 0
        var high = classRanges.count
        while low < high {  // first range whose start is > value
            let middle = (low + high) / 2
            if classRanges[middle].0 <= value { low = middle + 1 } else { high = middle }
        }
        if low > 0, value <= classRanges[low - 1].1 { return Int(classRanges[low - 1].2) }
        return classNames.count - 1  // other
    }
}
