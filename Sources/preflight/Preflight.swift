import ArgumentParser
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
                      CalibrateCommand.self],
        defaultSubcommand: Serve.self
    )
}
