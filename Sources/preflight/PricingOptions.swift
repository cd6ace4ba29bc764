import Advisor
import ArgumentParser
import JSONRPC
import PreflightAPI
import PreflightServer

/// The options `estimate` and `check` share: which model to price and what the caller knows of
/// the request beyond its text — the output length, the prompt cache, reasoning and the service
/// tier — each the `preflight/estimate` parameter of the same meaning.
struct PricingOptions: ParsableArguments {
    @Option(help: "Price this catalog model instead of the recommended one.")
    var model: String?

    @Option(help: ArgumentHelp("Output tokens you expect (reasoning included); replaces the projection.",
                               valueName: "tokens"))
    var expectedOutput: Int?

    @Option(help: ArgumentHelp("Cap on output tokens, reasoning included (caps the projection and its range).",
                               valueName: "tokens"))
    var maxOutput: Int?

    @Option(help: ArgumentHelp("Input tokens read from the provider's prompt cache.", valueName: "tokens"))
    var cachedInput: Int?

    @Option(help: ArgumentHelp("Input tokens written to the prompt cache.", valueName: "tokens"))
    var cacheWrite: Int?

    @Option(help: ArgumentHelp("Hidden reasoning tokens you expect (0 when reasoning is off); replaces a reasoning "
                               + "model's default projection.", valueName: "tokens"))
    var reasoning: Int?

    @Option(help: ArgumentHelp("The provider's price list: standard, batch, flex or priority.", valueName: "tier"))
    var serviceTier: ServiceTier = .standard

    @Option(name: .customLong("routing"), help: "A routing file (from `preflight calibrate`) instead of models/routing/routing.json.")
    var routingPath: String?

    func validate() throws {
        if let maxOutput, maxOutput < 1 { throw ValidationError("--max-output must be at least 1") }
        let counts: [(String, Int?)] = [("--expected-output", expectedOutput), ("--max-output", maxOutput),
                                        ("--cached-input", cachedInput), ("--cache-write", cacheWrite),
                                        ("--reasoning", reasoning)]
        for (name, value) in counts {
            guard let value else { continue }
            if value < 0 { throw ValidationError("\(name) must not be negative, got \(value)") }
            if value > EstimateParams.maxInteger {
                throw ValidationError("\(name) must be at most \(EstimateParams.maxInteger)")
            }
        }
        // Options that contradict each other are usage errors, before any prompt is read.
        if let expectedOutput, let maxOutput, expectedOutput > maxOutput {
            throw ValidationError("--expected-output \(expectedOutput) exceeds --max-output \(maxOutput), where the request would stop")
        }
        if let reasoning, let expectedOutput, reasoning > expectedOutput {
            throw ValidationError("--reasoning \(reasoning) exceeds --expected-output \(expectedOutput) (reasoning is part of the output)")
        }
        if let reasoning, let maxOutput, reasoning > maxOutput {
            throw ValidationError("--reasoning \(reasoning) exceeds --max-output \(maxOutput)")
        }
    }

    /// An unknown `--model` is a usage error (exit 64), found before any prompt is read.
    func checkModel(in context: ServerContext) throws {
        guard let model else { return }
        do throws(AdvisorServiceError) {
            _ = try context.advisor.model(model)
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// Loads `--routing` (or the bundled routing file); exit 2 naming the file and member when it
    /// cannot be used.
    func loadRouting(in context: ServerContext, command: String) throws {
        if let error = context.advisor.loadRoutingAtStart(path: routingPath) {
            throw AdvisorCommandSupport.fail(command, "invalid routing file: \(error)")
        }
    }

    /// The method's params for `prompt`.
    func params(prompt: String) -> EstimateParams {
        EstimateParams(EstimateRequest(input: .prompt(prompt), model: model, expectedOutputTokens: expectedOutput,
                                       maxOutputTokens: maxOutput, cachedInputTokens: cachedInput ?? 0,
                                       cacheWriteTokens: cacheWrite ?? 0, reasoningTokens: reasoning,
                                       serviceTier: serviceTier))
    }
}

extension ServiceTier: ExpressibleByArgument {}
