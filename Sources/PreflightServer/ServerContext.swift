import JSONRPC
import Tokenizers
import JSON
import Log

/// What the method handlers share: configuration, the log, and the token counters.
///
/// Lives on the connection's dispatch thread with the server; created once by `preflight serve` (or a test).
public final class ServerContext {
    /// Where logs go (stderr).
    public let log: StderrLog
    /// Counts tokens for `preflight/countTokens` and friends.
    public let tokenCounter: TokenCountingService
    /// The catalog in use and the advisor's token counting (estimate, check, models).
    public let advisor: AdvisorService
    /// The editor features' clock, loaders and thresholds.
    public let editor: EditorConfiguration
    /// What the editor features did (analyses run, diagnostics published).
    public let editorStatistics: EditorStatistics

    /// Creates a context whose token counters and catalog come from `modelsDirectory`
    /// (`nil`: no vocabularies and no bundled catalog).
    public init(log: StderrLog, modelsDirectory: String?, editor: EditorConfiguration = EditorConfiguration(),
                editorStatistics: EditorStatistics = EditorStatistics()) {
        self.log = log
        self.editor = editor
        self.editorStatistics = editorStatistics
        self.tokenCounter = TokenCountingService(modelsDirectory: modelsDirectory, log: log)
        self.advisor = AdvisorService(modelsDirectory: modelsDirectory, tokenCounter: tokenCounter, log: log)
    }

    /// `[{name, exact, models?, basis?}]` for `initialize`: which tokenizers exist, whether they
    /// are exact, and for each estimated family the models it stands for and its basis
    /// (`{encoding, factor, factorRange: {low, high}, source}`: the default factor and the widest
    /// interval over its scripts).
    func tokenizerDescriptions() -> [JSONValue] {
        tokenCounter.availableTokenizers.map { available in
            guard let table = available.familyFactors else {
                return .object(["name": .string(available.id.name), "exact": .bool(available.isExact)])
            }
            let range = table.overallRange
            return .object([
                "name": .string(available.id.name), "exact": .bool(available.isExact), "models": .string(table.models),
                "basis": .object([
                    "encoding": .string(table.basis.name),
                    "factor": .real(table.defaultFactor.factor),
                    "factorRange": .object(["low": .real(range.lowerBound), "high": .real(range.upperBound)]),
                    "source": .string(table.source),
                ]),
            ])
        }
    }
}
