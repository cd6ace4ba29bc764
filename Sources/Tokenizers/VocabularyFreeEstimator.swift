#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Estimates a token count without any vocabulary — a `Tokenizer` that is never exact, but
/// carries enough of the vocabularies' knowledge to be within 10% of the exact count of a
/// language's text for almost every FLORES-200 language.
///
/// It answers for an exact encoding whose vocabulary file is missing or corrupt (`exact:
/// false`, a range and a note), for `mode: "estimate"`, for models whose tokenizer is unknown
/// (`estimator`) and for families without a public vocabulary. One pass over the UTF-8 bytes
/// splits the text into pieces the way tiktoken's regexes roughly do (letter runs with one
/// leading space, digit runs, punctuation runs, white space) and prices each piece:
/// - a piece in the word table (`EstimatorModel`: the 30,000 most frequent FLORES-200 dev pieces)
///   costs the encoding's exact count of it;
/// - any other piece costs a fitted sum of per-scalar weights (per script class, corrected per
///   frequent code point), scaled per script by how well the encoding handles the text's
///   language, which the text's own table pieces tell (each carries the ratio of exact ÷ fitted
///   cost of unknown words in its languages): English's unknown words are cheap, Yoruba's dear.
///
/// Fitted by `scripts/calibrate-vocabulary-free-estimator.py` to tiktoken's counts, separately
/// for o200k_base and cl100k_base (`EstimatorCalibration`). Cross-validated on FLORES-200 dev
/// (each article's sentences estimated by a model fitted without them) the estimate of a
/// language's total is within 10% for 200 (o200k_base) and 204 (cl100k_base) of 204 languages;
/// the range is the 5th–95th percentile of exact ÷ estimate over those held-out sentences.
/// ACCURACY.md has the per-language figures.
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
        if text.isEmpty { return .estimated(0, range: 0...0, tokenizer: id, note: note) }
        let estimate = Self.estimate(text, calibration: calibration)
        let tokens = max(1, Int(estimate.rounded()))
        let low = max(1, min(tokens, Int((estimate * calibration.interval.low).rounded(.down))))
        let high = max(tokens, Int((estimate * calibration.interval.high).rounded(.up)))
        return .estimated(tokens, range: low...high, tokenizer: id, note: note)
    }

    /// Piece kinds of the split (see `pieceKind(_:)`).
    static let letterPiece: UInt8 = 0, digitPiece: UInt8 = 1, spacePiece: UInt8 = 2, punctuationPiece: UInt8 = 3

    /// The unrounded estimate: exact counts of table pieces plus the scaled costs of the others.
    static func estimate(_ text: String, calibration: EstimatorCalibration) -> Double {
        let model = EstimatorModel.shared
        let column = calibration.column
        let classCount = classNames.count
        let intercept = calibration.classWeights[classCount]
        let leadingSpaceWeight = calibration.classWeights[classCount + 1]
        let weights = column == 0 ? model.basicPlaneWeights.0 : model.basicPlaneWeights.1
        var exactTokens = 0.0
        var unknownCost = [Double](repeating: 0, count: classCount)   // by script bucket
        var signalSum = [Double](repeating: 0, count: classCount)
        var signalWeight = [Double](repeating: 0, count: classCount)
        var text = text
        text.withUTF8 { bytes in
            let n = bytes.count
            @inline(__always) func scalar(at i: Int) -> (value: UInt32, length: Int) {
                let b0 = UInt32(bytes[i])
                if b0 < 0x80 { return (b0, 1) }
                if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), 2) }
                if b0 < 0xF0 {
                    return ((b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F), 3)
                }
                return ((b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12
                    | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F), 4)
            }
            var kind: UInt8 = 0xFF  // no open piece
            var hash = EstimatorModel.hashSeed
            var cost = 0.0
            var leadingSpace = false
            var bucket = -1
            var onlyLineBreaks = true     // the open piece is CR/LF only
            var previousKind: UInt8 = 0xFF
            @inline(__always) func finishPiece() {
                defer { previousKind = kind }
                // Line breaks right after punctuation are part of its token in both encodings
                // (`[^\s\p{L}\p{N}]+[\r\n]*`): they cost nothing of their own.
                if kind == spacePiece, onlyLineBreaks, previousKind == punctuationPiece { return }
                let script = bucket < 0 ? 2 : bucket
                if let entry = model.entry(hash: hash) {
                    exactTokens += Double(column == 0 ? entry.tokens.0 : entry.tokens.1)
                    if entry.signal > 0 {
                        signalSum[script] += Double(entry.signal * (column == 0 ? entry.logRatio.0 : entry.logRatio.1))
                        signalWeight[script] += Double(entry.signal)
                    }
                } else {
                    unknownCost[script] += max(1, intercept + (leadingSpace ? leadingSpaceWeight : 0) + cost)
                }
            }
            var i = 0
            while i < n {
                let (value, length) = scalar(at: i)
                let pieceKind = Self.pieceKind(value)
                if pieceKind != kind {
                    if kind != 0xFF { finishPiece() }
                    hash = EstimatorModel.hashSeed
                    cost = 0
                    leadingSpace = false
                    bucket = -1
                    onlyLineBreaks = true
                    kind = pieceKind
                    if value == 0x20, i + 1 < n {
                        let next = Self.pieceKind(scalar(at: i + 1).value)
                        if next == letterPiece || next == punctuationPiece { kind = next; leadingSpace = true }
                    }
                }
                if value != 0x0A, value != 0x0D { onlyLineBreaks = false }
                for j in i..<(i + length) { hash = (hash ^ UInt64(bytes[j])) &* EstimatorModel.hashPrime }
                if value < 0x10000 {
                    cost += Double(weights[Int(value)])
                } else {
                    let correction = model.supplementaryCorrections[value]
                    cost += calibration.classWeights[classOf(value)]
                        + Double((column == 0 ? correction?.0 : correction?.1) ?? 0)
                }
                if bucket < 0, value != 0x20 {
                    let scalarClass = classOf(value)
                    bucket = scalarClass == 4 || scalarClass == 5 ? 0 : scalarClass  // Latin is one script
                }
                i += length
            }
            if kind != 0xFF { finishPiece() }
        }
        var estimate = exactTokens
        for script in 0..<classCount where unknownCost[script] > 0 {
            estimate += unknownCost[script] * exp(signalSum[script] / (signalWeight[script] + scaleShrink))
        }
        return estimate
    }

    /// The piece kind of a scalar: ASCII letters and every non-ASCII scalar outside the
    /// punctuation ranges are letters; ASCII digits are digits; ASCII and a few Unicode spaces
    /// are space; the rest is punctuation. Mirrors `piece_kind` of the calibration script.
    @inline(__always)
    static func pieceKind(_ value: UInt32) -> UInt8 {
        if value < 0x80 {
            switch value {
            case 0x41...0x5A, 0x61...0x7A: return letterPiece
            case 0x30...0x39: return digitPiece
            case 0x20, 0x09, 0x0A, 0x0D: return spacePiece
            default: return punctuationPiece
            }
        }
        switch value {
        case 0xA0, 0x2000...0x2003, 0x2009, 0x200A, 0x202F, 0x205F, 0x3000: return spacePiece
        case 0xA1...0xBF, 0xD7, 0xF7, 0x2004...0x206F, 0x3001...0x303F, 0xFF00...0xFF0F, 0xFF1A...0xFF20,
             0xFF3B...0xFF40, 0xFF5B...0xFF65:
            return punctuationPiece
        default: return letterPiece
        }
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
