import ArgumentParser
import JSONRPC
import Log

/// Options every subcommand shares.
struct CommonOptions: ParsableArguments {
    @Option(help: "Log verbosity on stderr.")
    var logLevel: StderrLog.Level = .warning

    @Option(help: "The models/ directory (catalog, vocabularies); overrides PREFLIGHT_MODELS.")
    var modelsDir: String?

    /// The `--models-dir` given, if any.
    var modelsDirectory: String? { modelsDir }
}

extension StderrLog.Level: ExpressibleByArgument {}
