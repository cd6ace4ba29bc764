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
        let (estimate, catalog, source) = try priced(params, advisor: advisor, isCancelled: isCancelled)
        var result = EstimateResult(estimate, catalog: catalog)
        result.priceSource = source.map { EstimateResult.PriceSource($0.resolution, catalog: $0.catalog) }
        result.warnings += notes(catalog: catalog, source: source, advisor: advisor).map { ResultWarning(message: $0) }
        return result
    }

    /// `preflight/check`: the estimate's point cost against `params.budget`; a request the
    /// priced model cannot take (`noFit`) is refused with that reason.
    public static func check(_ params: CheckParams, advisor: AdvisorService,
                             isCancelled: () -> Bool = { false }) throws(JSONRPCError) -> CheckResult {
        let (estimate, catalog, source) = try priced(params.estimate, advisor: advisor, isCancelled: isCancelled)
        let verdict = BudgetCheck.evaluate(estimate, budget: params.budget.budget)
        var result = CheckResult(verdict, estimate: estimate)
        result.priceSource = source.map { EstimateResult.PriceSource($0.resolution, catalog: $0.catalog) }
        result.warnings += notes(catalog: catalog, source: source, advisor: advisor).map { ResultWarning(message: $0) }
        return result
    }

    /// `preflight/models`: the curated catalog's version and source, each layer's age,
    /// its tiers, and one page of the models matching `tier`, `provider` and `search` in the
    /// layers asked for (docs/CATALOG.md, "Listing").
    public static func models(_ params: ModelsParams, advisor: AdvisorService) throws(JSONRPCError) -> ModelsResult {
        let catalog = try ProtocolErrors.advisor { () throws(AdvisorServiceError) in try advisor.catalog() }
        let source = catalog.source
        let layers = params.effectiveLayers
        var warnings = advisor.catalogNotes(for: catalog)
        var listed: [(CatalogModel, Catalog, CatalogLayer)] = []
        if layers != .reference { listed += catalog.models.map { ($0, catalog, .curated) } }
        // Loaded for every listing, a curated page included: the listing gives each layer's age.
        advisor.loadReferenceIfNeeded()
        if layers != .curated {
            warnings += advisor.referenceNotes
            if let reference = advisor.referenceIndex?.catalog {
                let curatedIDs = layers == .all ? Set(catalog.models.map(\.id)) : []
                listed += reference.models.filter { !curatedIDs.contains($0.id) }.map { ($0, reference, .reference) }
                warnings += advisor.undatedWarning(for: reference).map { ["reference layer: " + $0] } ?? []
                warnings += advisor.staleWarning(for: reference).map { ["reference layer: " + $0] } ?? []
            }
        }
        let provider = params.provider?.lowercased()
        let search = params.search.map(ModelsListing.searchKey)
        let matching = listed.filter { model, owner, _ in
            (params.tier == nil || owner.tier(of: model) == params.tier)
                && (provider == nil || model.provider.lowercased() == provider)
                && (search == nil || ModelsListing.searchKey(model.id).contains(search!))
        }
        let page = matching.dropFirst(params.offset).prefix(params.limit).map { model, owner, layer in
            ModelsResult.ModelEntry(model, catalog: owner, layer: layer)
        }
        var summaries = [ModelsResult.LayerSummary(layer: .curated, catalog: catalog, source: source,
                                                   staleness: advisor.staleness(of: catalog))]
        if let reference = advisor.referenceIndex?.catalog {
            summaries.append(ModelsResult.LayerSummary(layer: .reference, catalog: reference,
                                                       source: advisor.referencePath ?? reference.source,
                                                       staleness: advisor.staleness(of: reference)))
        }
        return ModelsResult(catalog, source: source, format: advisor.store.currentFormat?.rawValue,
                            staleness: advisor.staleness(of: catalog), layers: summaries, page: Array(page),
                            total: matching.count, offset: params.offset, limit: params.limit,
                            warnings: warnings.map { ResultWarning(message: $0) })
    }

    /// What an estimate's or check's warnings say about the catalogs: the curated catalog's
    /// notes; for a named model, how its name resolved (when not exactly) and its layer's age
    /// when that is the reference's.
    static func notes(catalog: Catalog, source: PricedFrom?, advisor: AdvisorService) -> [String] {
        var notes = advisor.catalogNotes(for: catalog)
        if let source {
            if let note = source.resolution.note { notes.append(note) }
            if source.resolution.layer == .reference {
                notes.append("\(source.resolution.model.id) is priced from the reference layer (LiteLLM "
                             + "\(source.catalog.version)); routing recommends only curated models")
                notes += advisor.undatedWarning(for: source.catalog).map { ["reference layer: " + $0] } ?? []
                notes += advisor.staleWarning(for: source.catalog).map { ["reference layer: " + $0] } ?? []
                notes += advisor.referenceNotes
            }
        }
        return notes
    }

    /// The named model's resolution and the catalog of its layer.
    struct PricedFrom {
        let resolution: ModelResolution
        let catalog: Catalog
    }

    /// Resolves the named model (either layer), runs the planner with it, and says where the
    /// price came from.
    static func priced(_ params: EstimateParams, advisor: AdvisorService,
                       isCancelled: () -> Bool) throws(JSONRPCError) -> (Estimate, Catalog, PricedFrom?) {
        var request = params.request(defaultModel: advisor.defaultModel)
        var planner = try ProtocolErrors.advisor { () throws(AdvisorServiceError) in try advisor.planner() }
        var source: PricedFrom? = nil
        if let id = request.model {
            // Checked here (not only in the planner) so the error names the model and, when it
            // came from `defaultModel`, where that was set.
            let field = params.request.model != nil ? "params.model" : "params.initializationOptions.defaultModel"
            let resolution = try ProtocolErrors.advisor(field: field) { () throws(AdvisorServiceError) in
                try advisor.resolve(id)
            }
            request.model = resolution.model.id
            let owner = resolution.layer == .reference ? advisor.referenceIndex?.catalog ?? planner.catalog : planner.catalog
            if resolution.layer == .reference { planner.namedModels = [resolution.model] }
            source = PricedFrom(resolution: resolution, catalog: owner)
        }
        do {
            return (try planner.estimate(request, isCancelled: isCancelled), planner.catalog, source)
        } catch is CancellationError {
            throw JSONRPCError(.requestCancelled, "request cancelled")
        } catch let error as EstimateError {
            throw ProtocolErrors.error(error, params: params)
        } catch {
            throw JSONRPCError(.internalError, "estimate failed: \(error)")
        }
    }

    /// Runs the planner, mapping its errors to -32602 at the offending field's full path.
    static func run(_ params: EstimateParams, advisor: AdvisorService,
                    isCancelled: () -> Bool) throws(JSONRPCError) -> (Estimate, Catalog) {
        let (estimate, catalog, _) = try priced(params, advisor: advisor, isCancelled: isCancelled)
        return (estimate, catalog)
    }
}
