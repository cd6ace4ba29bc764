/// What an estimated count rests on: the exact encoding it was counted in and the factor that
/// turned that count into the family's, with the factor's range and where the factor comes from.
///
/// Carried by every estimate (`TokenCount.basis`) so a caller can see how a Claude or Gemini
/// figure was made — "o200k_base counted 1,000, times 1.17 (1.05–1.30) from the claude factor
/// table" — and redo it, instead of trusting an opaque number.
public struct EstimateBasis: Sendable, Equatable {
    /// The exact encoding the text was counted in (`o200k_base`, `tekken`, …); for the
    /// vocabulary-free estimator, the encoding it is calibrated to.
    public let encoding: TokenizerID
    /// That encoding's count of the text; `nil` when nothing was counted exactly (the
    /// vocabulary-free estimator).
    public let encodingTokens: Int?
    /// The factor applied: the estimate ÷ `encodingTokens` (weighted over the text's scripts).
    public let factor: Double
    /// The factor's interval (weighted the same way); the count's range is this times
    /// `encodingTokens`.
    public let factorRange: ClosedRange<Double>
    /// Where the factor comes from, e.g. `models/calibration/family-factors.json: claude`.
    public let source: String

    /// Creates a basis; see the properties.
    public init(encoding: TokenizerID, encodingTokens: Int?, factor: Double, factorRange: ClosedRange<Double>,
                source: String) {
        self.encoding = encoding
        self.encodingTokens = encodingTokens
        self.factor = factor
        self.factorRange = factorRange
        self.source = source
    }

    /// The basis of a sum of estimated parts counted on the same basis: their encoding counts
    /// added and the factors re-weighted by them; for the vocabulary-free estimator (no encoding
    /// count), factor 1 and the summed range relative to the summed estimate; `nil` when the parts
    /// rest on different bases (or some on none).
    static func summing(_ parts: [TokenCount]) -> EstimateBasis? {
        let bases = parts.map(\.basis)
        guard let first = bases.first ?? nil else { return nil }
        if first.encodingTokens == nil {
            guard bases.allSatisfy({ $0?.encodingTokens == nil && $0?.encoding == first.encoding
                                     && $0?.source == first.source }) else { return nil }
            let tokens = Double(max(parts.reduce(0) { $0 + $1.tokens }, 1))
            let low = Double(parts.reduce(0) { $0 + $1.low }), high = Double(parts.reduce(0) { $0 + $1.high })
            return EstimateBasis(encoding: first.encoding, encodingTokens: nil, factor: 1,
                                 factorRange: min(1, low / tokens)...max(1, high / tokens), source: first.source)
        }
        var encodingTokens = 0, estimate = 0.0, low = 0.0, high = 0.0
        for case let basis? in bases {
            guard basis.encoding == first.encoding, basis.source == first.source,
                  let tokens = basis.encodingTokens else { return nil }
            encodingTokens += tokens
            estimate += Double(tokens) * basis.factor
            low += Double(tokens) * basis.factorRange.lowerBound
            high += Double(tokens) * basis.factorRange.upperBound
        }
        guard bases.allSatisfy({ $0 != nil }) else { return nil }
        guard encodingTokens > 0 else { return first }
        let n = Double(encodingTokens)
        return EstimateBasis(encoding: first.encoding, encodingTokens: encodingTokens, factor: estimate / n,
                             factorRange: (low / n)...(high / n), source: first.source)
    }
}
