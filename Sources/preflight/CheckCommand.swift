import ArgumentParser
import JSONRPC
import PreflightServer
import JSON

/// `preflight check`: the pre-flight budget check, for CI gates and scripts.
///
/// Exit 0 when the request is within budget, 3 when the budget refuses it (the reason on
/// stdout), 2 for an unreadable prompt or catalog, 64 for bad options.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a prompt's estimated cost against a balance and/or a spending limit.",
        discussion: """
            Allowed iff balance − credits ≥ minimum balance (with --balance) and spent + credits ≤ limit \
            (with --limit). Exit 0 allowed, 3 refused, 2 input or catalog error, 64 usage error.
            """)

    @OptionGroup var common: CommonOptions
    @OptionGroup var advisor: AdvisorOptions

    @Option(name: .customLong("balance"), help: "Self-funded balance in credits.")
    var balance: Double?

    @Option(name: .customLong("min-balance"), help: "Balance that must remain after the request (default 0.10).")
    var minimumBalance: Double?

    @Option(name: .customLong("limit"), help: "Organisation spending limit for this member, in credits.")
    var limit: Double?

    @Option(name: .customLong("spent"), help: "What this member has already spent against --limit (default 0).")
    var spent: Double?

    @Option(name: .customLong("model"), help: "Price this catalog model instead of the recommended one.")
    var model: String?

    @Option(name: .customLong("max-output"), help: "Cap on output tokens.")
    var maxOutput: Int?

    @Argument(help: "Prompt file, or - for stdin (the default).")
    var file: String?

    func validate() throws {
        if balance == nil && limit == nil {
            throw ValidationError("give --balance (self-funded) and/or --limit (organisation-funded)")
        }
        if spent != nil && limit == nil { throw ValidationError("--spent needs --limit") }
        if minimumBalance != nil && balance == nil { throw ValidationError("--min-balance needs --balance") }
        if let maxOutput, maxOutput < 1 { throw ValidationError("--max-output must be at least 1") }
        for (name, value) in [("--balance", balance), ("--min-balance", minimumBalance), ("--limit", limit), ("--spent", spent)] {
            if let value, !value.isFinite { throw ValidationError("\(name) must be a finite number") }
        }
    }

    func run() throws {
        let context = try AdvisorCommandSupport.context(common: common, options: advisor, command: "check")
        let prompt = try AdvisorCommandSupport.readPrompt(file, command: "check")
        let budget = JSONValue.object([
            "balance": balance.map { JSONValue.real($0) },
            "minimumBalance": minimumBalance.map { JSONValue.real($0) },
            "spendingLimit": limit.map { JSONValue.real($0) },
            "spent": spent.map { JSONValue.real($0) },
        ])
        let params = JSONValue.object([
            "prompt": .string(prompt.text),
            "model": model.map { JSONValue.string($0) },
            "maxOutputTokens": maxOutput.map { JSONValue.integer($0) },
            "budget": budget,
        ])
        let result = try AdvisorCommandSupport.call(
            "check", usageFields: ["params.model", "params.maxOutputTokens", "params.budget"]
        ) { () throws(JSONRPCError) in try AdvisorMethods.check(params, advisor: context.advisor) }
        AdvisorCommandSupport.print(advisor.json ? result.serializedString : TextReport.check(result, label: prompt.label))
        if result["allowed"]?.boolValue != true { throw ExitCode(3) }
    }
}
