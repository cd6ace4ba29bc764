import ArgumentParser
import JSONRPC
import PreflightServer
import JSON

/// `preflight models`: the catalog's models, tiers and price date (a warning on stderr when the
/// prices are more than 90 days old).
struct ModelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models",
        abstract: "List the catalog's models and tiers.")

    @OptionGroup var common: CommonOptions
    @OptionGroup var advisor: AdvisorOptions

    @Option(name: .customLong("tier"), help: "Only this tier: economy, standard, premium or frontier.")
    var tier: String?

    func run() throws {
        // Loading logs the stale-catalog warning (at the default log level) on stderr.
        let context = try AdvisorCommandSupport.context(common: common, options: advisor, command: "models")
        let params = JSONValue.object(["tier": tier.map { JSONValue.string($0) }])
        let result = try AdvisorCommandSupport.call("models", usageFields: ["params.tier"]) {
            () throws(JSONRPCError) in try AdvisorMethods.models(params, advisor: context.advisor)
        }
        AdvisorCommandSupport.print(advisor.json ? result.serializedString : TextReport.models(result))
    }
}
