import ArgumentParser
import JSONRPC
import Log

/// Options every subcommand shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .customLong("log-level"), help: "Log verbosity on stderr: off, error, warning, info, debug, trace.")
    var logLevel: StderrLog.Level = .warning

    @Option(name: .customLong("models-dir"), help: "The models/ directory (catalog, vocabularies); overrides PREFLIGHT_MODELS.")
    var modelsDirectory: String?
}

extension StderrLog.Level: ExpressibleByArgument {}
