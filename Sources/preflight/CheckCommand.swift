import Advisor
import ArgumentParser
import Foundation
import JSONRPC
import PreflightAPI
import PreflightServer

/// `preflight check [FILE]`: `preflight/check` on one prompt; the exit code is the verdict.
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
    @OptionGroup var pricing: PricingOptions

    @Option(parsing: .unconditional, help: "Self-funded balance in credits.")
    var balance: Double?

    @Option(parsing: .unconditional, help: "Balance that must remain after the request (default 0.10).")
    var minBalance: Double?

    @Option(parsing: .unconditional, help: "Organisation spending limit for this member, in credits.")
    var limit: Double?

    @Option(parsing: .unconditional, help: "What this member has already spent against --limit (default 0).")
    var spent: Double?

    @Argument(help: "Prompt file, or - for stdin (the default).")
    var file: String?

    func validate() throws {
        if balance == nil && limit == nil {
            throw ValidationError("give --balance (self-funded) and/or --limit (organisation-funded)")
        }
        if spent != nil && limit == nil { throw ValidationError("--spent needs --limit") }
        if minBalance != nil && balance == nil { throw ValidationError("--min-balance needs --balance") }
        for (name, value) in [("--balance", balance), ("--min-balance", minBalance), ("--limit", limit), ("--spent", spent)] {
            if let value, !value.isFinite { throw ValidationError("\(name) must be a finite number") }
        }
        _ = try budget()
    }

    /// The budget the options describe; an invalid one is a usage error naming the option.
    func budget() throws -> Budget {
        func amount(_ value: Double?) -> Decimal? { value.flatMap { Decimal(string: "\($0)", locale: nil) } }
        do {
            return try Budget(balance: amount(balance), minimumBalance: amount(minBalance),
                              spendingLimit: amount(limit), spent: amount(spent) ?? 0)
        } catch let error as BudgetError {
            let option = ["budget.minimumBalance": "--min-balance", "budget.spendingLimit": "--limit",
                          "budget.spent": "--spent"][error.field] ?? "--balance"
            throw ValidationError("\(option) \(error.message)")
        }
    }

    func run() throws {
        let context = try AdvisorCommandSupport.context(common: common, options: advisor, command: "check")
        try pricing.checkModel(in: context)
        try pricing.loadRouting(in: context, command: "check")
        let prompt = try AdvisorCommandSupport.readPrompt(file, command: "check")
        let params = CheckParams(estimate: pricing.params(prompt: prompt.text), budget: BudgetParams(try budget()))
        let result = try AdvisorCommandSupport.call("check") { () throws(JSONRPCError) in
            try AdvisorMethods.check(params, advisor: context.advisor)
        }
        if advisor.json {
            AdvisorCommandSupport.print(try AdvisorCommandSupport.json(result))
        } else {
            // A refusal that the 0.10 default minimum causes names the option that changes it.
            let hint = !result.allowed && minBalance == nil && result.reason.contains("minimum balance")
                ? "the minimum balance of 0.10 is the default; set another with --min-balance (0 allows spending "
                    + "the balance down to zero)" : nil
            AdvisorCommandSupport.print(TextReport.check(result, label: prompt.label, hint: hint))
        }
        if !result.allowed { throw ExitCode(3) }
    }
}
