/// Estimates a token count without any vocabulary, from how many scalars of each script the
/// text has — a `Tokenizer` that is never exact.
///
/// It answers for an exact encoding whose vocabulary file is missing (`exact: false`, a range
/// and a note), for `mode: "estimate"`, for models whose tokenizer is unknown (`estimator`) and
/// for families without a public vocabulary. The model is linear: each scalar class (ASCII
/// letters, digits, white space and punctuation; other Latin; combining marks; one class per
/// script block: Cyrillic, Arabic, Devanagari, Han, ...) costs a fitted number of tokens per
/// scalar. The weights were fitted by least squares to tiktoken's counts on every FLORES-200
/// dev line (`scripts/calibrate-vocabulary-free-estimator.py`, tables in
/// `VocabularyFreeEstimatorTables.swift`), separately for o200k_base and cl100k_base
/// (`EstimatorCalibration`). On those lines half the o200k estimates are within ±10% and 90%
/// within ±30%; the range reported is the 5th–95th percentile of the true count over the
/// estimate. It is weakest on Latin-script languages, where the real cost depends on the
/// vocabulary (English is overestimated by about 45%, Vietnamese by 64%) — see
/// docs/TOKENIZERS.md.
public struct VocabularyFreeEstimator: Tokenizer {
    /// The name the estimate is reported under (the encoding or family it stands in for).
    public let id: TokenizerID
    /// Which encoding's counts the estimate approximates.
    public let calibration: EstimatorCalibration
    /// Why this is an estimate, copied into every count's `note`.
    public let note: String?

    /// An estimator reporting under `id`, approximating `calibration`'s encoding.
    public init(id: TokenizerID, calibration: EstimatorCalibration = .o200kBase, note: String?) {
        self.id = id
        self.calibration = calibration
        self.note = note
    }

    /// Always `false`: the counts are estimates with a range.
    public var isExact: Bool { false }

    /// None: special-token text is estimated like any other text.
    public var specialTokenNames: [String] { [] }

    /// The estimate for `text` with its range; `allowedSpecial` is ignored (no vocabulary).
    ///
    /// Empty text is 0 tokens (range 0…0); any other text at least 1.
    public func count(_ text: String, allowedSpecial: SpecialTokenPolicy) -> TokenCount {
        let weights = calibration.weights
        var counts = [Int](repeating: 0, count: Self.classNames.count)
        var scalars = 0
        // Over the UTF-8 bytes: an ASCII byte is its own scalar and needs no range search (a
        // long prompt is mostly ASCII; this pass is the estimate's whole cost).
        var text = text
        text.withUTF8 { bytes in
            var ascii = (0, 0, 0, 0)
            var i = 0
            let n = bytes.count
            while i < n {
                let b0 = UInt32(bytes[i])
                if b0 < 0x80 {
                    switch b0 {
                    case 0x41...0x5A, 0x61...0x7A: ascii.0 += 1
                    case 0x30...0x39: ascii.1 += 1
                    case 0x20, 0x09, 0x0A, 0x0D: ascii.2 += 1
                    default: ascii.3 += 1
                    }
                    i += 1
                } else {
                    let value: UInt32
                    if b0 < 0xE0 {
                        value = (b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                        i += 2
                    } else if b0 < 0xF0 {
                        value = (b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                        i += 3
                    } else {
                        value = (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12
                            | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
                        i += 4
                    }
                    counts[Self.classOf(value)] += 1
                }
                scalars += 1
            }
            counts[0] += ascii.0; counts[1] += ascii.1; counts[2] += ascii.2; counts[3] += ascii.3
        }
        if scalars == 0 { return .estimated(0, range: 0...0, tokenizer: id, note: note) }
        var estimate = 0.0
        for (count, weight) in zip(counts, weights) { estimate += Double(count) * weight }
        let tokens = max(1, Int(estimate.rounded()))
        let low = max(1, min(tokens, Int((estimate * calibration.interval.low).rounded(.down))))
        let high = max(tokens, Int((estimate * calibration.interval.high).rounded(.up)))
        return .estimated(tokens, range: low...high, tokenizer: id, note: note)
    }

    /// `nil`: without a vocabulary there are no token boundaries to report.
    public func encode(_ text: String, allowedSpecial: SpecialTokenPolicy) -> [TokenSpan]? {
        nil
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
