import Advisor
import JSONRPC
import JSON

/// `preflight/estimate`, `preflight/check` and `preflight/models`: the advisor's methods.
///
/// Each is a public function over `params` as well as a registered method, so the command line
/// answers with the very same code (it builds the params object from its flags) and its
/// `--json` output is the method's result by construction.
public enum AdvisorMethods {
    static func register(into registry: inout MethodRegistry, context: ServerContext) {
        let advisor = context.advisor
        registry.request("preflight/estimate") { params throws(JSONRPCError) in
            try estimate(params, advisor: advisor)
        }
        registry.request("preflight/check") { params throws(JSONRPCError) in
            try check(params, advisor: advisor)
        }
        registry.request("preflight/models") { params throws(JSONRPCError) in
            try models(params, advisor: advisor)
        }
    }

    /// `preflight/estimate`: tokens, inflation, complexity, recommendation, cost and tiers.
    public static func estimate(_ params: JSONValue?, advisor: AdvisorService) throws(JSONRPCError) -> JSONValue {
        let reader = try ParamsReader(params: params)
        let (estimate, catalog) = try run(reader, advisor: advisor)
        return AdvisorJSON.estimate(estimate, catalog: catalog)
    }

    /// `preflight/check`: the estimate's point cost against `params.budget`.
    public static func check(_ params: JSONValue?, advisor: AdvisorService) throws(JSONRPCError) -> JSONValue {
        let reader = try ParamsReader(params: params)
        // The budget is read first: a malformed budget is reported even when the prompt is fine.
        let budget = try EstimateParams.budget(from: reader)
        let (estimate, _) = try run(reader, advisor: advisor)
        let verdict = BudgetCheck.evaluate(credits: estimate.cost.credits, budget: budget)
        return AdvisorJSON.check(verdict, estimate: estimate)
    }

    /// `preflight/models`: the catalog's version and source, its tiers, and its models
    /// (only those of `params.tier` when given).
    public static func models(_ params: JSONValue?, advisor: AdvisorService) throws(JSONRPCError) -> JSONValue {
        let reader = try ParamsReader(params: params)
        let tier = try reader.choice("tier", EstimateParams.tierNames).flatMap(Tier.init(rawValue:))
        let catalog = try advisor.catalog()
        return AdvisorJSON.models(catalog, source: catalog.source, format: advisor.store.currentFormat,
                                  staleness: advisor.staleness(of: catalog), tier: tier)
    }

    /// Parses the estimate fields and runs the planner, mapping its errors to -32602 at the
    /// offending field's full path.
    static func run(_ reader: ParamsReader, advisor: AdvisorService) throws(JSONRPCError) -> (Estimate, Catalog) {
        let request = try EstimateParams.request(from: reader, defaultModel: advisor.defaultModel)
        let planner = try advisor.planner()
        if let id = request.model {
            // Checked here (not only in the planner) so the error names the model and, when it
            // came from `defaultModel`, where that was set.
            let field = reader.has("model") ? reader.field("model") : "params.initializationOptions.defaultModel"
            _ = try advisor.model(id, field: field)
        }
        do {
            return (try planner.estimate(request), planner.catalog)
        } catch let error as EstimateError {
            var field = "params.\(error.field)"
            if error.code == .noModelFits && !reader.has("constraints") {
                // Nothing was constrained: what is too big for every model is the input, or the
                // output length the caller asked for.
                let inputField = reader.has("messages") ? reader.field("messages") : reader.field("prompt")
                if error.message.contains("context window") {
                    field = inputField
                } else if reader.has("expectedOutputTokens") {
                    field = reader.field("expectedOutputTokens")
                } else if reader.has("reasoningTokens") {
                    field = reader.field("reasoningTokens")
                } else {
                    field = inputField
                }
            }
            throw JSONRPCError(.invalidParams, "\(field): \(error.message)", field: field)
        } catch {
            throw JSONRPCError(.internalError, "estimate failed: \(error)")
        }
    }
}
