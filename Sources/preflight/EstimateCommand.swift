import ArgumentParser
import JSONRPC
import PreflightServer
import JSON

/// `preflight estimate`: what a prompt will cost, on the recommended model or `--model`.
///
/// Builds `preflight/estimate`'s params from its flags and calls the same function the server
/// does, so `--json` prints exactly the method's result.
struct EstimateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "estimate",
        abstract: "Estimate a prompt's tokens, tier, model and cost in credits.",
        discussion: "Reads FILE (or stdin for - or no FILE) byte for byte. Exit 2 when the file or catalog cannot be read.")

    @OptionGroup var common: CommonOptions
    @OptionGroup var advisor: AdvisorOptions

    @Option(name: .customLong("model"), help: "Price this catalog model instead of the recommended one.")
    var model: String?

    @Option(name: .customLong("max-output"), help: "Cap on output tokens (caps the projection and its range).")
    var maxOutput: Int?

    @Argument(help: "Prompt file, or - for stdin (the default).")
    var file: String?

    func validate() throws {
        if let maxOutput, maxOutput < 1 { throw ValidationError("--max-output must be at least 1") }
    }

    func run() throws {
        let context = try AdvisorCommandSupport.context(common: common, options: advisor, command: "estimate")
        let prompt = try AdvisorCommandSupport.readPrompt(file, command: "estimate")
        let params = JSONValue.object([
            "prompt": .string(prompt.text),
            "model": model.map { JSONValue.string($0) },
            "maxOutputTokens": maxOutput.map { JSONValue.integer($0) },
        ])
        let result = try AdvisorCommandSupport.call("estimate", usageFields: ["params.model", "params.maxOutputTokens"]) {
            () throws(JSONRPCError) in try AdvisorMethods.estimate(params, advisor: context.advisor)
        }
        AdvisorCommandSupport.print(advisor.json ? result.serializedString : TextReport.estimate(result, label: prompt.label))
    }
}
