import ArgumentParser
import Foundation
import PreflightServer

/// `preflight`: token counts, tier routing and cost estimates for LLM prompts.
///
/// `serve` (the default) speaks JSON-RPC 2.0 over stdio for editors and scripts; the other
/// subcommands answer the same questions on the command line.
@main
struct Preflight: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preflight",
        abstract: "Count tokens, pick the cheapest adequate model tier and price a prompt, offline.",
        discussion: """
            Exit codes: 0 success; 3 `check` refused by the budget; 2 input or catalog error; \
            64 usage error.
            """,
        version: PreflightVersion.current,
        subcommands: [Serve.self, Count.self, EstimateCommand.self, CheckCommand.self, ModelsCommand.self,
                      CalibrateCommand.self, CatalogCommand.self],
        defaultSubcommand: Serve.self
    )

    /// Runs the command line; a first word that is not a command is a usage error naming the
    /// nearest command, instead of the default command (`serve`) refusing it as its argument.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let first = arguments.first, let message = unknownCommandMessage(first) {
            FileHandle.standardError.write(Data("preflight: error: \(message)\n".utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        main(arguments)
    }

    /// The commands a first word may name.
    static var commandNames: [String] { configuration.subcommands.map { $0._commandName } + ["help"] }

    /// Why `word` (the first argument) cannot be run, or `nil` when it is an option or a command.
    static func unknownCommandMessage(_ word: String) -> String? {
        guard !word.hasPrefix("-"), !commandNames.contains(word) else { return nil }
        let names = configuration.subcommands.map { $0._commandName }
        let nearest = names.map { ($0, editDistance(word, $0)) }.min { $0.1 < $1.1 }
        var message = "unknown command \"\(word)\""
        if let nearest, nearest.1 <= max(2, word.count / 3) || nearest.0.hasPrefix(word) {
            message += "; did you mean \"\(nearest.0)\"?"
        }
        return message + " (commands: \(names.joined(separator: ", ")); see preflight --help)"
    }

    /// Levenshtein distance between two words.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
