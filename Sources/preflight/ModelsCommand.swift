import Advisor
import ArgumentParser
import JSONRPC
import PreflightAPI
import PreflightServer

/// `preflight models [--tier T]`: the catalog as a table or `--json`.
struct ModelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models",
        abstract: "List the catalog's models and tiers.")

    @OptionGroup var common: CommonOptions
    @OptionGroup var advisor: AdvisorOptions

    @Option(help: "Only this tier.")
    var tier: Tier?

    func run() throws {
        // Loading logs the stale-catalog warning (at the default log level) on stderr.
        let context = try AdvisorCommandSupport.context(common: common, options: advisor, command: "models")
        let result = try AdvisorCommandSupport.call("models") { () throws(JSONRPCError) in
            try AdvisorMethods.models(ModelsParams(tier: tier), advisor: context.advisor)
        }
        AdvisorCommandSupport.print(advisor.json ? try AdvisorCommandSupport.json(result) : TextReport.models(result))
    }
}

extension Tier: ExpressibleByArgument {}
