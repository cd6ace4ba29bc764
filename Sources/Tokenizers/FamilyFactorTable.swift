/// A family without a usable public vocabulary, counted as an exact count in a public encoding
/// times a per-script factor (`models/calibration/family-factors.json`, where each factor's
/// source, date and measurement are recorded).
///
/// A value, so a family is one more table row rather than a new type; `FamilyFactorTable.builtIn`
/// is generated from the JSON file (`scripts/fit-family-factors.py`) and a test checks the
/// two agree.
public struct FamilyFactorTable: Sendable {
    /// The name the family's estimates report (`claude`, `claude-4.7`, `gemini`, …).
    public let id: TokenizerID
    /// The models it stands for, in words (for `initialize` and the docs).
    public let models: String
    /// The exact encoding the text is counted in.
    public let basis: TokenizerID
    /// The factor for scripts not listed in `byScript`.
    public let defaultFactor: FamilyFactor
    /// Factors by script (`UnicodeScript` raw names); empty when one factor fits every script.
    public let byScript: [UnicodeScript: FamilyFactor]
    /// Where the factors come from, short (`models/calibration/family-factors.json: claude`).
    public var source: String { "models/calibration/family-factors.json: \(id)" }

    /// Creates a table; see the properties.
    public init(id: TokenizerID, models: String, basis: TokenizerID, defaultFactor: FamilyFactor,
                byScript: [UnicodeScript: FamilyFactor] = [:]) {
        self.id = id
        self.models = models
        self.basis = basis
        self.defaultFactor = defaultFactor
        self.byScript = byScript
    }

    /// The lowest and highest factor of any script (the default included): the widest interval
    /// an estimate of this family can have.
    public var overallRange: ClosedRange<Double> {
        let all = [defaultFactor] + Array(byScript.values)
        return all.map(\.low).min()!...all.map(\.high).max()!
    }

    /// The factor for text in `script` (`common` and `inherited` text takes the default).
    public func factor(for script: UnicodeScript) -> FamilyFactor {
        byScript[script] ?? defaultFactor
    }
}
