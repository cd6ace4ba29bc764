import Advisor
import JSON
import JSONRPC
import PreflightAPI

/// `preflight/estimate`, `preflight/check` and `preflight/models`: the advisor's methods.
///
/// Each is a public typed function as well as a registered method, so the command line answers
/// with the very same code (it builds the params struct from its flags) and its `--json` output
/// is the method's result by construction.
public enum AdvisorMethods {
    static func register(into registry: inout MethodRegistry, context: ServerContext) {
        let advisor = context.advisor
        registry.request("preflight/estimate", TypedMethod.handler("preflight/estimate", EstimateParams.self, log: context.log) {
            request throws(JSONRPCError) in try estimate(request.params, advisor: advisor) { request.isCancelled }
        })
        registry.request("preflight/check", TypedMethod.handler("preflight/check", CheckParams.self, log: context.log) {
            request throws(JSONRPCError) in try check(request.params, advisor: advisor) { request.isCancelled }
        })
        registry.request("preflight/models", TypedMethod.handler("preflight/models", ModelsParams.self, log: context.log) {
            request throws(JSONRPCError) in try models(request.params, advisor: advisor)
        })
    }

    /// `preflight/estimate`: tokens, inflation, complexity, recommendation, cost and tiers.
    /// `isCancelled` is polled between the models priced; once true the estimate stops with
    /// -32800.
    public static func estimate(_ params: EstimateParams, advisor: AdvisorService,
                                isCancelled: () -> Bool = { false }) throws(JSONRPCError) -> EstimateResult {
        let (estimate, catalog) = try run(params, advisor: advisor, isCancelled: isCancelled)
        var result = EstimateResult(estimate, catalog: catalog)
        result.warnings += advisor.catalogNotes(for: catalog).map { ResultWarning(message: $0) }
        return result
    }

    /// `preflight/check`: the estimate's point cost against `params.budget`; a request the
    /// priced model cannot take (`noFit`) is refused with that reason.
    public static func check(_ params: CheckParams, advisor: AdvisorService,
                             isCancelled: () -> Bool = { false }) throws(JSONRPCError) -> CheckResult {
        let (estimate, catalog) = try run(params.estimate, advisor: advisor, isCancelled: isCancelled)
        let verdict = BudgetCheck.evaluate(estimate, budget: params.budget.budget)
        var result = CheckResult(verdict, estimate: estimate)
        result.warnings += advisor.catalogNotes(for: catalog).map { ResultWarning(message: $0) }
        return result
    }

    /// `preflight/models`: the catalog's version and source, its tiers, and its models
    /// (only those of `params.tier` when given).
    public static func models(_ params: ModelsParams, advisor: AdvisorService) throws(JSONRPCError) -> ModelsResult {
        let catalog = try ProtocolErrors.advisor { () throws(AdvisorServiceError) in try advisor.catalog() }
        return ModelsResult(catalog, source: catalog.source, format: advisor.store.currentFormat?.rawValue,
                            staleness: advisor.staleness(of: catalog), tier: params.tier,
                            warnings: advisor.catalogNotes(for: catalog).map { ResultWarning(message: $0) })
    }

    /// Runs the planner, mapping its errors to -32602 at the offending field's full path.
    static func run(_ params: EstimateParams, advisor: AdvisorService,
                    isCancelled: () -> Bool) throws(JSONRPCError) -> (Estimate, Catalog) {
        let request = params.request(defaultModel: advisor.defaultModel)
        let planner = try ProtocolErrors.advisor { () throws(AdvisorServiceError) in try advisor.planner() }
        if let id = request.model {
            // Checked here (not only in the planner) so the error names the model and, when it
            // came from `defaultModel`, where that was set.
            let field = params.request.model != nil ? "params.model" : "params.initializationOptions.defaultModel"
            _ = try ProtocolErrors.advisor(field: field) { () throws(AdvisorServiceError) in try advisor.model(id) }
        }
        do {
            return (try planner.estimate(request, isCancelled: isCancelled), planner.catalog)
        } catch is CancellationError {
            throw JSONRPCError(.requestCancelled, "request cancelled")
        } catch let error as EstimateError {
            throw ProtocolErrors.error(error, params: params)
        } catch {
            throw JSONRPCError(.internalError, "estimate failed: \(error)")
        }
    }
}
