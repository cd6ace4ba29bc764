import Advisor
import ArgumentParser
import JSONRPC
import PreflightAPI
import PreflightServer

/// `preflight models [--tier T] [--provider P] [--search TEXT] [--layer L] [--limit N] [--offset N]`:
/// one page of the catalog's models as a table or `--json` (the `preflight/models` result).
struct ModelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models",
        abstract: "List the catalog's models and tiers; --search finds any model name Preflight can price.")

    @OptionGroup var common: CommonOptions
    @OptionGroup var advisor: AdvisorOptions

    @Option(help: "Only this tier.")
    var tier: Tier?

    @Option(help: "Only models served by this provider (LiteLLM's provider name, e.g. bedrock_converse).")
    var provider: String?

    @Option(help: "Only models whose id contains TEXT (any case); searches the reference layer too.")
    var search: String?

    @Option(help: "Which layers: curated (routing's models), reference (LiteLLM's), all. Default: curated, or all with --search.")
    var layer: ModelsParams.Layers?

    @Option(help: "At most this many models (1…\(ModelsParams.maximumLimit)).")
    var limit: Int = ModelsParams.defaultLimit

    @Option(help: "Skip this many matching models first.")
    var offset: Int = 0

    func validate() throws {
        guard (1...ModelsParams.maximumLimit).contains(limit) else {
            throw ValidationError("--limit must be 1…\(ModelsParams.maximumLimit)")
        }
        guard offset >= 0 else { throw ValidationError("--offset must not be negative") }
    }

    func run() throws {
        // Loading logs the stale-catalog warning (at the default log level) on stderr.
        let context = try AdvisorCommandSupport.context(common: common, options: advisor, command: "models")
        let params = ModelsParams(tier: tier, provider: provider, search: search, layer: layer, limit: limit, offset: offset)
        let result = try AdvisorCommandSupport.call("models") { () throws(JSONRPCError) in
            try AdvisorMethods.models(params, advisor: context.advisor)
        }
        AdvisorCommandSupport.print(advisor.json ? try AdvisorCommandSupport.json(result) : TextReport.models(result))
    }
}

extension Tier: ExpressibleByArgument {}
extension ModelsParams.Layers: ExpressibleByArgument {}
