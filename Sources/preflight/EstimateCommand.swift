import Advisor
import ArgumentParser
import JSONRPC
import PreflightAPI
import PreflightServer
import Tokenizers

/// `preflight estimate [FILE]`: `preflight/estimate` on one prompt, as text or `--json`.
struct EstimateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "estimate",
        abstract: "Estimate a prompt's tokens, tier, model and cost in credits.",
        discussion: "Reads FILE (or stdin for - or no FILE) byte for byte. Exit 2 when the file or catalog cannot be read.")

    @OptionGroup var common: CommonOptions
    @OptionGroup var advisor: AdvisorOptions
    @OptionGroup var pricing: PricingOptions

    @Argument(help: "Prompt file, or - for stdin (the default).")
    var file: String?

    func run() throws {
        let context = try AdvisorCommandSupport.context(common: common, options: advisor, command: "estimate")
        try pricing.checkModel(in: context)
        try pricing.loadRouting(in: context, command: "estimate")
        let prompt = try AdvisorCommandSupport.readPrompt(file, command: "estimate")
        let params = pricing.params(prompt: prompt.text)
        let result = try AdvisorCommandSupport.call("estimate") { () throws(JSONRPCError) in
            try AdvisorMethods.estimate(params, advisor: context.advisor)
        }
        if advisor.json {
            AdvisorCommandSupport.print(try AdvisorCommandSupport.json(result))
            return
        }
        // The headline is the priced model's count; the exact o200k_base count goes beside it
        // when that is another tokenizer (what `preflight count` would print).
        let reference = result.tokens.tokenizer == TokenizerID.o200kBase.name
            ? nil : context.tokenCounter.count(prompt.text, tokenizer: .o200kBase)
        AdvisorCommandSupport.print(TextReport.estimate(result, label: prompt.label, requested: pricing.model != nil,
                                                        reference: reference))
    }
}
