import Tokenizers

/// `basis` of an estimated count: `{encoding, encodingTokens?, factor, factorRange: {low, high},
/// source}` — which exact encoding counted the text, how many tokens it gave, the factor that made
/// the family's estimate from it (with its interval) and where that factor comes from.
///
/// Present on every estimate (`exact: false`) so a client can show and redo how a figure was made;
/// absent on exact counts.
public struct EstimateBasisResult: Codable, Sendable, Equatable {
    /// The exact encoding counted in (for the vocabulary-free estimator: the encoding it is
    /// calibrated to).
    public let encoding: String
    /// Its exact count of the text; absent for the vocabulary-free estimator.
    public let encodingTokens: Int?
    /// The factor applied (rounded to 3 decimals).
    public let factor: Double
    /// The factor's interval (rounded to 3 decimals).
    public let factorRange: Interval<Double>
    /// Where the factor comes from (`models/calibration/family-factors.json: claude`, …).
    public let source: String

    /// The report of `basis`.
    public init(_ basis: EstimateBasis) {
        func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
        encoding = basis.encoding.name
        encodingTokens = basis.encodingTokens
        factor = rounded(basis.factor)
        factorRange = Interval(low: rounded(basis.factorRange.lowerBound), high: rounded(basis.factorRange.upperBound))
        source = basis.source
    }
}
