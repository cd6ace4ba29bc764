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

    /// `[{name, exact}]` for `initialize`: which tokenizers exist and whether they are exact.
    func tokenizerDescriptions() -> [JSONValue] {
        tokenCounter.availableTokenizers.map { .object(["name": .string($0.id.name), "exact": .bool($0.isExact)]) }
    }
}
