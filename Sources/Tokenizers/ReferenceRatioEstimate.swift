/// A text's count in a vocabulary that is not loaded (or in a family counted on one), made from
/// the text's exact `o200k_base` count and that vocabulary's measured ratios to it
/// (`VocabularyRatioTable`), without loading anything.
///
/// The estimate planner asks for these to rank models whose vocabularies are not loaded yet: a
/// model whose cost at `pointRange`'s low end cannot beat another's at its high end is never
/// counted exactly, so an estimate on an OpenAI model no longer loads all six vocabularies.
public struct ReferenceRatioEstimate: Sendable, Equatable {
    /// The estimate, as a tier quote reports it: `exact: false`, the interval the real count is
    /// expected in, a note, and a basis naming `o200k_base`, its count and the combined factor.
    public let count: TokenCount
    /// The interval the tokenizer's own `tokens` is expected in (for a family: its point
    /// estimate, made from the basis vocabulary's exact count) — what decides which models must
    /// be counted exactly.
    public let pointRange: ClosedRange<Int>

    /// The estimate of `text`, whose exact `o200k_base` count is `reference`, for `tokenizer`:
    /// counted in `ratios.vocabulary` directly, or through `family` when `tokenizer` is a
    /// family counted on that vocabulary (its per-script factors applied on top).
    public init(text: String, reference: Int, tokenizer: TokenizerID, ratios: VocabularyRatioTable,
                family: FamilyFactorTable? = nil) {
        self.init(profile: UnicodeScriptProfile(text), hasDigits: Self.hasDigits(text), reference: reference,
                  tokenizer: tokenizer, ratios: ratios, family: family)
    }

    /// Whether `text` has an ASCII digit (what widens a ratio interval to the digit rule).
    public static func hasDigits(_ text: String) -> Bool {
        text.utf8.contains { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// The estimate from the text's script profile and digit check, made once for every
    /// tokenizer estimated on the same text.
    public init(profile: UnicodeScriptProfile, hasDigits: Bool, reference: Int, tokenizer: TokenizerID,
                ratios: VocabularyRatioTable, family: FamilyFactorTable? = nil) {
        let ratio = ratios.ratio(for: profile, hasDigits: hasDigits)
        // The family's factors over the scripts present: the point weighted like the ratio's, the
        // interval of the point factors (what the family's own point estimate can be) and of the
        // factors' ends (what its real count can be).
        var factor = 1.0, pointLow = 1.0, pointHigh = 1.0, low = 1.0, high = 1.0
        if let family {
            let scripts = profile.scalarCounts.filter { $0.key.isContentScript }
            let factors = scripts.isEmpty ? [(family.defaultFactor, 1)] : scripts.map { (family.factor(for: $0.key), $0.value) }
            let total = Double(factors.reduce(0) { $0 + $1.1 })
            factor = factors.reduce(0.0) { $0 + $1.0.factor * Double($1.1) } / total
            pointLow = factors.map { $0.0.factor }.min()!
            pointHigh = factors.map { $0.0.factor }.max()!
            low = factors.map { $0.0.low }.min()!
            high = factors.map { $0.0.high }.max()!
        }
        let n = Double(reference)
        let tokens = Int((n * ratio.ratio * factor).rounded())
        let range = min(tokens, Int((n * ratio.low * low).rounded(.down)))...max(tokens, Int((n * ratio.high * high).rounded(.up)))
        let pointLowEnd = min(tokens, Int((n * ratio.low * pointLow).rounded(.down)))
        pointRange = pointLowEnd...max(tokens, Int((n * ratio.high * pointHigh).rounded(.up)))
        let source = ratios.source + (family.map { " × " + $0.source } ?? "")
        let basis = EstimateBasis(
            encoding: .o200kBase, encodingTokens: reference,
            factor: reference > 0 ? Double(tokens) / n : ratio.ratio * factor,
            factorRange: reference > 0 ? Double(range.lowerBound) / n...Double(range.upperBound) / n
                : ratio.low * low...ratio.high * high,
            source: source)
        count = .estimated(tokens, range: range, tokenizer: tokenizer,
                           note: "estimate: ranked without loading \(ratios.vocabulary): o200k_base's exact count × "
                               + "\(ratios.vocabulary)'s measured ratio to it\(family.map { " × the \($0.id) factor" } ?? "") ("
                               + "\(source)); its cost range settled its tier without an exact count",
                           basis: basis)
    }
}
