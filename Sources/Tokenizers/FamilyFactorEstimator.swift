/// A family's tokenizer estimated from an exact public encoding: each script run of the text
/// (`UnicodeScriptProfile`) is counted exactly in `table.basis` and multiplied by that script's
/// `FamilyFactor`.
///
/// Never exact: every count carries the range the factors' intervals give, a note, and an
/// `EstimateBasis` naming the encoding, its count and the effective factor, so the figure can
/// be checked by hand. Counting run by run is what lets a Japanese quote inside English prose
/// take Japanese's factor; for text in one script it is the whole text's exact count. When the
/// basis encoding cannot be loaded, its vocabulary-free estimate stands in and its range widens
/// the result.
public struct FamilyFactorEstimator: Tokenizer {
    /// One script run's exact count in the basis encoding.
    public struct BasisRun: Sendable {
        /// The run's script.
        public let script: UnicodeScript
        /// Its count in the basis encoding.
        public let count: TokenCount
    }

    /// The family's factors and basis.
    public let table: FamilyFactorTable
    /// Counts in the basis encoding (shared with the registry that made this).
    public let basisTokenizer: any Tokenizer

    /// Creates the estimator over `basisTokenizer`, which must count in `table.basis`.
    public init(table: FamilyFactorTable, basisTokenizer: any Tokenizer) {
        self.table = table
        self.basisTokenizer = basisTokenizer
    }

    /// The family's name.
    public var id: TokenizerID { table.id }
    /// Always `false`: no public vocabulary of the family's own counts this.
    public var isExact: Bool { false }
    /// None: the family's special tokens are not known.
    public var specialTokenNames: [String] { [] }

    /// The estimate; special-token policies do not apply (the family's are unknown).
    public func count(_ text: String, allowedSpecial: SpecialTokenPolicy) -> TokenCount {
        estimate(from: Self.basisRuns(of: text, in: basisTokenizer))
    }

    /// `nil`: an estimate has no token boundaries.
    public func encode(_ text: String, allowedSpecial: SpecialTokenPolicy) -> [TokenSpan]? { nil }

    /// The text's script runs counted in `basisTokenizer` — what every family on that basis
    /// needs, so a caller estimating several families counts the text once per basis. `profile`
    /// is `text`'s script profile when the caller has made it already (else it is made here).
    public static func basisRuns(of text: String, profile: UnicodeScriptProfile? = nil,
                                 in basisTokenizer: any Tokenizer) -> [BasisRun] {
        (profile ?? UnicodeScriptProfile(text)).runs.map { run in
            BasisRun(script: run.script, count: basisTokenizer.count(String(text[run.range]), allowedSpecial: .none))
        }
    }

    /// The family's estimate from runs counted by `basisRuns` (in `table.basis`).
    public func estimate(from runs: [BasisRun]) -> TokenCount {
        var base = 0
        var estimate = 0.0, low = 0.0, high = 0.0
        var basisNote: String? = nil
        for run in runs {
            let factor = table.factor(for: run.script)
            if !run.count.isExact { basisNote = run.count.note }
            base += run.count.tokens
            estimate += Double(run.count.tokens) * factor.factor
            low += Double(run.count.low) * factor.low
            high += Double(run.count.high) * factor.high
        }
        let tokens = Int(estimate.rounded())
        let range = min(tokens, Int(low.rounded(.down)))...max(tokens, Int(high.rounded(.up)))
        let fallback = table.defaultFactor
        let n = Double(base)
        let basis = EstimateBasis(encoding: table.basis, encodingTokens: base,
                                  factor: base > 0 ? estimate / n : fallback.factor,
                                  factorRange: base > 0 ? (low / n)...max(low / n, high / n) : fallback.low...fallback.high,
                                  source: table.source)
        var note = "estimate: \(table.id) (\(table.models)) has no public vocabulary Preflight can ship or tie to "
            + "these models; counted in \(table.basis) × a per-script family factor (\(table.source))"
        if let basisNote { note += "; the \(table.basis) count is itself estimated: \(basisNote)" }
        return .estimated(tokens, range: range, tokenizer: table.id, note: note, basis: basis)
    }
}
