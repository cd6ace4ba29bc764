import ArgumentParser
import Foundation

/// Subcommands whose features have not landed yet: each says so and exits 2, as the transport
/// issue specifies, instead of pretending to work.
protocol PendingCommand: ParsableCommand {
    static var arrivesWith: String { get }
}

extension PendingCommand {
    func run() throws {
        FileHandle.standardError.write(Data(
            "preflight \(Self.configuration.commandName ?? ""): not yet available (arrives with \(Self.arrivesWith))\n".utf8))
        throw ExitCode(2)
    }
}

/// `preflight count` (placeholder until the exact tokenizers land).
struct Count: PendingCommand {
    static let configuration = CommandConfiguration(abstract: "Count tokens in files or stdin (not yet available).")
    static let arrivesWith = "the exact tokenizers"
    @Argument(help: "Files to count; stdin when none.") var files: [String] = []
}
