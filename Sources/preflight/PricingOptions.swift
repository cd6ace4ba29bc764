import Advisor
import ArgumentParser
import JSONRPC
import PreflightAPI
import PreflightServer

/// The options `estimate` and `check` share: which model to price and the output cap.
struct PricingOptions: ParsableArguments {
    @Option(help: "Price this catalog model instead of the recommended one.")
    var model: String?

    @Option(help: "Cap on output tokens (caps the projection and its range).")
    var maxOutput: Int?

    @Option(name: .customLong("routing"), help: "A routing file (from `preflight calibrate`) instead of models/routing/routing.json.")
    var routingPath: String?

    func validate() throws {
        if let maxOutput, maxOutput < 1 { throw ValidationError("--max-output must be at least 1") }
        if let maxOutput, maxOutput > EstimateParams.maxInteger {
            throw ValidationError("--max-output must be at most \(EstimateParams.maxInteger)")
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
        EstimateParams(EstimateRequest(input: .prompt(prompt), model: model, maxOutputTokens: maxOutput))
    }
}
