import ArgumentParser
import Foundation
import JSONRPC
import PreflightServer
import Log

/// `preflight serve`: the JSON-RPC 2.0 / LSP server on stdin and stdout.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve JSON-RPC 2.0 on stdin/stdout (LSP Content-Length framing, or one JSON message per line).")

    @OptionGroup var common: CommonOptions

    @Option(help: "Largest message accepted; larger ones get -32600 and are discarded.")
    var maxMessageBytes: Int = 64 << 20

    @Option(help: "A catalog to use instead of models/catalog.json (Preflight format or LiteLLM's price file).")
    var catalog: String?

    @Option(help: "A routing file (from `preflight calibrate`) instead of models/routing/routing.json.")
    var routing: String?

    @Flag(help: "Accepted for editors that pass it; stdio is the only transport.")
    var stdio = false

    func validate() throws {
        guard maxMessageBytes > 0 else { throw ValidationError("--max-message-bytes must be positive") }
    }

    func run() throws {
        JSONRPCConnection.prepareProcess()
        let log = StderrLog(level: common.logLevel)
        if isatty(0) != 0 {
            FileHandle.standardError.write(Data(
                "preflight \(PreflightVersion.current): serving JSON-RPC on stdin/stdout. Editors start this for you; for a quick try, type {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\"} and press Enter. See README.md.\n".utf8))
        }
        let models = ModelsDirectoryLocator.locate(
            option: common.modelsDirectory, environment: ProcessInfo.processInfo.environment)
        if let models {
            log.info("models directory: \(models.path) (from \(models.source.rawValue))")
        } else {
            log.warning("no models/ directory found (use --models-dir or PREFLIGHT_MODELS); counts will be estimates")
        }
        let context = ServerContext(log: log, modelsDirectory: models?.path)
        // Loaded now so a stale or broken catalog is in the log at start. A --catalog that
        // cannot be used is fatal (exit 2): there is no previous catalog to keep, and pricing
        // with another one in silence would answer every script with the wrong models' prices.
        // A broken bundled catalog is not: the server runs, counting works, and the catalog
        // methods answer an error naming the file.
        if let error = context.advisor.loadAtStart(catalogPath: catalog), catalog != nil {
            FileHandle.standardError.write(Data("preflight serve: invalid catalog: \(error)\n".utf8))
            throw ExitCode(2)
        }
        // A routing file given here is loaded (and checked) now; the bundled one loads at the
        // first estimate, so starting the server and `initialize` stay fast.
        if let routing { context.advisor.loadRoutingAtStart(path: routing) }
        let server = PreflightLanguageServer(context: context)
        let connection = JSONRPCConnection(
            configuration: .init(maxMessageBytes: maxMessageBytes), log: log)
        let code = connection.run(handler: server)
        log.info("exiting with code \(code)")
        throw ExitCode(code)
    }
}
