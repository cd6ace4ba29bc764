import Advisor
import Foundation
import JSON
import Log
import Routing

/// The server's side of the advisor: which catalog is in use, how tokens are counted for it,
/// and the errors and warnings around loading it.
///
/// One per `ServerContext`, shared by `preflight/estimate`, `check`, `models` and
/// `countTokens`' `model` parameter, and used directly by the command line so both price with
/// the same code. The catalog is the bundled `models/catalog.json` unless `--catalog` or
/// `initializationOptions.catalogPath` says otherwise; a catalog that fails to load never
/// replaces the one in use (`CatalogStore`). When no catalog could be loaded at all the server
/// still runs: counting works, and the catalog methods answer an error that says why.
public final class AdvisorService {
    /// The catalog in use and where it came from.
    public let store = CatalogStore()
    /// Counts tokens per model tokenizer for the planner.
    public let counter: TokenCountingService
    /// The model priced when a request names none (`initializationOptions.defaultModel`).
    public private(set) var defaultModel: String?
    /// Why there is no catalog, when loading failed (shown in every catalog method's error).
    public private(set) var unavailableReason: String?
    /// The catalog file that failed to load when there is none (named in the errors' `data.file`).
    public private(set) var unavailableFile: String?
    /// The complexity router in use: the bundled `models/routing/routing.json` unless `--routing`
    /// or `initializationOptions.routingPath` named another file that loaded completely.
    public private(set) var router: ComplexityRouter?
    /// Why there is no router, when the routing file could not be loaded.
    public private(set) var routingUnavailableReason: String?

    private let log: StderrLog
    private let bundledPath: String?
    private let today: () -> CalendarDay
    private var attemptedStartup = false

    /// The bundled reference layer (every chat model of LiteLLM's file, in Preflight's format):
    /// `models/reference/litellm-1.109.1.json`, made by `scripts/make-reference-catalog.sh`.
    public let bundledReferencePath: String?
    /// Where `preflight catalog update` writes a rebuilt reference, which then replaces the
    /// bundled one: `$PREFLIGHT_REFERENCE`, else `$XDG_DATA_HOME/preflight/reference-catalog.json`
    /// (`~/.local/share/…` without `XDG_DATA_HOME`).
    public let userReferencePath: String?
    /// The price corrections applied to the reference when it loads:
    /// `$PREFLIGHT_PRICE_OVERRIDES`, else `$XDG_CONFIG_HOME/preflight/price-overrides.json`.
    public let overridesPath: String?
    /// The reference layer, indexed, once it has loaded (on the first name the curated layer
    /// does not resolve, or the first listing that asks for it).
    public private(set) var referenceIndex: ModelNameIndex?
    /// Why the reference layer is unavailable, or why its overrides were not applied.
    public private(set) var referenceNotes: [String] = []
    /// The file the reference layer was read from, once loaded.
    public private(set) var referencePath: String?
    private var referenceAttempted = false
    private var curatedIndexCache: ModelNameIndex?

    /// Creates the service; nothing is loaded until `loadAtStart` or the first catalog use.
    ///
    /// - Parameters:
    ///   - modelsDirectory: where the bundled `catalog.json` lives (`nil`: no bundled catalog).
    ///   - today: the current UTC date, for staleness (injectable so tests are not date-bound).
    ///   - environment: where the user's rebuilt reference and price overrides are looked for.
    public init(modelsDirectory: String?, tokenCounter: TokenCountingService, log: StderrLog,
                today: @escaping () -> CalendarDay = AdvisorService.currentDay,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.counter = tokenCounter
        self.log = log
        self.bundledPath = modelsDirectory.map { "\($0)/catalog.json" }
        self.bundledReferencePath = modelsDirectory.map { "\($0)/\(AdvisorService.bundledReferenceName)" }
        self.userReferencePath = AdvisorService.userFile(environment, variable: "PREFLIGHT_REFERENCE",
                                                         base: "XDG_DATA_HOME", fallback: ".local/share",
                                                         name: "reference-catalog.json")
        self.overridesPath = AdvisorService.userFile(environment, variable: "PREFLIGHT_PRICE_OVERRIDES",
                                                     base: "XDG_CONFIG_HOME", fallback: ".config",
                                                     name: "price-overrides.json")
        self.bundledRoutingPath = modelsDirectory.map { "\($0)/routing/routing.json" }
        self.today = today
    }

    /// The path of the bundled routing file, when a models directory is known.
    public let bundledRoutingPath: String?

    // MARK: - Routing

    /// Loads the start-up routing file — `path` when given (`--routing`), else the bundled one —
    /// and returns the error, if any: the command line exits 2 with it; the server logs it and
    /// keeps the router it has — at start, when the file given cannot be used, the bundled one
    /// (so a bad `serve --routing` still routes, and says why it is not the file asked for).
    @discardableResult
    public func loadRoutingAtStart(path: String? = nil) -> RoutingFileError? {
        guard let target = path ?? bundledRoutingPath else {
            routingUnavailableReason = "no models/ directory was found, so there is no bundled routing file "
                + "(use --models-dir, PREFLIGHT_MODELS or --routing)"
            log.warning(routingUnavailableReason!)
            return RoutingFileError(file: "models/routing/routing.json", field: "", message: routingUnavailableReason!)
        }
        do throws(RoutingFileError) {
            install(routing: try decode(routingAt: target))
            return nil
        } catch {
            routingUnavailableReason = "the routing file could not be loaded: \(error)"
            if router == nil, path != nil, let bundled = bundledRoutingPath,
               let fallback = try? decode(routingAt: bundled) {
                install(routing: fallback)
                log.warning("the routing file could not be loaded: \(error); using the bundled \(bundled) instead")
            } else {
                log.warning(routingUnavailableReason! + (router == nil ? "" : "; keeping the routing in use"))
            }
            return error
        }
    }

    /// Reads and compiles the routing file at `path` without installing it; the load time is
    /// logged at `info` (`bench/routing.sh` reads it).
    public func decode(routingAt path: String) throws(RoutingFileError) -> RoutingModel {
        let start = ContinuousClock.now
        let model = try RoutingModel.load(path: path)
        let milliseconds = AdvisorService.milliseconds(since: start)
        log.info("routing \(path) loaded in \(String(format: "%.2f", milliseconds)) ms")
        return model
    }

    /// Makes `model` the router in use.
    public func install(routing model: RoutingModel) {
        router = ComplexityRouter(model: model)
        routingUnavailableReason = nil
    }

    /// The router in use, or the error the estimate methods answer when there is none.
    public func complexityRouter() throws(AdvisorServiceError) -> ComplexityRouter {
        if router == nil && routingUnavailableReason == nil { loadRoutingAtStart() }
        if let router { return router }
        throw .noRouting(reason: routingUnavailableReason ?? "unknown reason", file: bundledRoutingPath)
    }

    /// `{source, formatVersion, rows}` of the routing in use for `initialize`, or `null`.
    /// Before the bundled file is loaded (it loads at the first estimate, so `initialize` stays
    /// fast), only its `source` is known.
    public func routingDescription() -> JSONValue {
        guard let model = router?.model else {
            guard routingUnavailableReason == nil, let bundledRoutingPath else { return .null() }
            return .object(["source": .string(bundledRoutingPath)])
        }
        return .object([
            "source": .string(model.source),
            "formatVersion": .integer(model.document.formatVersion),
            "trainingRows": .integer(model.document.training.rows),
        ])
    }

    /// Today's UTC date from the system clock.
    public static func currentDay() -> CalendarDay {
        CalendarDay(unixTime: Int(Date().timeIntervalSince1970))
    }

    /// The path of the bundled catalog, when a models directory is known.
    public var bundledCatalogPath: String? { bundledPath }

    /// Loads the start-up catalog — `path` when given (`--catalog`), else the bundled one — and
    /// logs a warning when it is stale or cannot be loaded. Returns the load error, if any: a
    /// catalog given at start that cannot be used has no previous catalog to keep, so
    /// `serve --catalog` and the one-shot commands exit 2 with it (no silent fallback to the
    /// bundled prices); when the bundled catalog itself fails, the server still runs and the
    /// catalog methods answer an error naming the file that failed.
    @discardableResult
    public func loadAtStart(catalogPath path: String? = nil) -> CatalogLoadError? {
        attemptedStartup = true
        guard let target = path ?? bundledPath else {
            unavailableReason = "no models/ directory was found, so there is no bundled catalog "
                + "(use --models-dir, PREFLIGHT_MODELS or --catalog)"
            log.warning(unavailableReason!)
            return CatalogLoadError(file: "models/catalog.json", message: unavailableReason!)
        }
        do throws(CatalogLoadError) {
            try use(catalogAt: target)
            return nil
        } catch {
            let which = path == nil ? "the bundled catalog" : "the catalog"
            unavailableReason = "\(which) could not be loaded: \(error)"
            unavailableFile = target
            log.warning("\(unavailableReason!); estimates, checks and model listings are unavailable")
            return error
        }
    }

    /// Loads `path` and, if it loads completely, makes it the catalog in use (logging when it
    /// is stale). On failure the previous catalog stays and the error is thrown.
    public func use(catalogAt path: String) throws(CatalogLoadError) {
        let result = try decode(catalogAt: path)
        install(result, path: path)
    }

    /// Decodes `path` without installing it, so a caller can check more (a default model)
    /// before committing.
    ///
    /// The load time (read, parse, validate) is logged at `info`; `bench/catalog.sh` reads it.
    public func decode(catalogAt path: String) throws(CatalogLoadError) -> CatalogLoadResult {
        let start = ContinuousClock.now
        let cpuStart = AdvisorService.cpuMilliseconds()
        let result = try CatalogDecoder.load(path: path)
        let milliseconds = AdvisorService.milliseconds(since: start)
        let cpu = AdvisorService.cpuMilliseconds() - cpuStart
        log.info("catalog \(path) decoded in \(String(format: "%.2f", milliseconds)) ms "
                 + "(\(String(format: "%.2f", cpu)) ms CPU)")
        return result
    }

    /// Makes a decoded catalog the one in use.
    public func install(_ result: CatalogLoadResult, path: String) {
        store.install(result, path: path)
        curatedIndexCache = nil
        unavailableReason = nil
        unavailableFile = nil
        attemptedStartup = true
        let skipped = result.skipped.values.reduce(0, +)
        log.info("catalog \(path): \(result.format.rawValue) format, \(result.layer.rawValue) layer, version \(result.catalog.version), "
                 + "\(result.catalog.models.count) models" + (skipped > 0 ? ", \(skipped) entries skipped" : ""))
        if let warning = staleWarning(for: result.catalog) { log.warning(warning) }
        if let warning = futureWarning(for: result.catalog) { log.warning(warning) }
        if let warning = undatedWarning(for: result.catalog) { log.info(warning) }
    }

    /// Sets (or clears) the model priced when a request names none; it must be in the catalog.
    public func setDefaultModel(_ id: String?) throws(AdvisorServiceError) {
        if let id {
            _ = try model(id)
        }
        defaultModel = id
    }

    /// The catalog in use, or the error every catalog method answers when there is none.
    public func catalog() throws(AdvisorServiceError) -> Catalog {
        if !attemptedStartup { loadAtStart() }
        if let catalog = store.current { return catalog }
        throw .noCatalog(reason: unavailableReason ?? "unknown reason", file: unavailableFile ?? bundledPath)
    }

    /// The catalog model a name resolves to (`resolve(_:)`), in either layer.
    public func model(_ id: String) throws(AdvisorServiceError) -> CatalogModel {
        try resolve(id).model
    }

    /// The entry `name` names, by the naming rules (`ModelNameResolver`, docs/CATALOG.md): the
    /// curated layer first, without loading the reference; the reference layer (loaded now if it
    /// is not yet) only for a name the curated layer does not resolve.
    public func resolve(_ name: String) throws(AdvisorServiceError) -> ModelResolution {
        try resolve(name, index: try curatedIndex())
    }

    /// The entry `name` names were `curated` the curated layer (a catalog about to be installed).
    public func resolve(_ name: String, curated catalog: Catalog) throws(AdvisorServiceError) -> ModelResolution {
        try resolve(name, index: ModelNameIndex(catalog: catalog, layer: .curated))
    }

    private func resolve(_ name: String, index curated: ModelNameIndex) throws(AdvisorServiceError) -> ModelResolution {
        if let found = ModelNameResolver.resolveCurated(name, curated: curated) { return found }
        loadReferenceIfNeeded()
        do throws(ModelNameError) {
            return try ModelNameResolver.resolve(name, curated: curated, reference: referenceIndex)
        } catch {
            if case .unknown(let name, let suggestions) = error, referenceIndex == nil, let reason = referenceNotes.first {
                throw .unknownWithoutReference(name: name, suggestions: suggestions, reason: reason)
            }
            throw .modelName(error)
        }
    }

    /// The curated layer indexed for the naming rules (rebuilt after a catalog is installed).
    public func curatedIndex() throws(AdvisorServiceError) -> ModelNameIndex {
        let catalog = try catalog()
        if let cached = curatedIndexCache { return cached }
        let index = ModelNameIndex(catalog: catalog, layer: .curated)
        curatedIndexCache = index
        return index
    }

    /// The bundled reference's file name under `models/`.
    public static let bundledReferenceName = "reference/litellm-1.109.1.json"

    /// The reference file that loads: the user's rebuilt one when it exists, else the bundled one.
    public var referenceCandidatePath: String? {
        if let userReferencePath, FileManager.default.fileExists(atPath: userReferencePath) { return userReferencePath }
        return bundledReferencePath
    }

    /// Loads the reference layer once (its load time is logged like the curated catalog's), then
    /// applies the price overrides when their file exists. Failures are kept in `referenceNotes`;
    /// the curated layer works without the reference.
    public func loadReferenceIfNeeded() {
        guard !referenceAttempted else { return }
        referenceAttempted = true
        guard let path = referenceCandidatePath else {
            referenceNotes.append("no reference catalog: no models/ directory was found")
            return
        }
        do throws(CatalogLoadError) {
            var catalog = try decode(catalogAt: path).catalog
            if let overridesPath, FileManager.default.fileExists(atPath: overridesPath) {
                do {
                    catalog = try PriceOverrides.load(path: overridesPath, reference: catalog).applied(to: catalog)
                } catch {
                    referenceNotes.append("the price overrides were not applied: \(error)")
                    log.warning(referenceNotes.last!)
                }
            }
            referenceIndex = ModelNameIndex(catalog: catalog, layer: .reference)
            referencePath = path
            log.info("reference catalog \(path): version \(catalog.version), \(catalog.models.count) models")
        } catch {
            referenceNotes.append("the reference catalog could not be loaded: \(error)")
            log.warning(referenceNotes.last!)
        }
    }

    /// `$variable`, else `$base/preflight/name`, else `$HOME/fallback/preflight/name`: where a
    /// user file lives (the rebuilt reference, the price overrides).
    public static func userFile(_ environment: [String: String], variable: String, base: String, fallback: String,
                         name: String) -> String? {
        if let explicit = environment[variable], !explicit.isEmpty { return explicit }
        if let directory = environment[base], directory.hasPrefix("/") { return "\(directory)/preflight/\(name)" }
        if let home = environment["HOME"], !home.isEmpty { return "\(home)/\(fallback)/preflight/\(name)" }
        return nil
    }

    /// A planner over the catalog in use.
    public func planner() throws(AdvisorServiceError) -> EstimatePlanner {
        EstimatePlanner(catalog: try catalog(), counter: counter, scorer: try complexityRouter())
    }

    /// How old `catalog` is today; `nil` when it carries no date.
    public func staleness(of catalog: Catalog) -> CatalogStaleness? {
        catalog.staleness(today: today())
    }

    /// The note for a catalog with no date (neither `pricesAsOf` nor a date `version`).
    public func undatedWarning(for catalog: Catalog) -> String? {
        guard catalog.pricesAsOf == nil else { return nil }
        return "the model catalog \(catalog.version) carries no date (no \"pricesAsOf\"), so its age is unknown; "
            + "its prices may be out of date"
    }

    /// The warning for a stale catalog, or `nil` when it is fresh.
    public func staleWarning(for catalog: Catalog) -> String? {
        guard let staleness = staleness(of: catalog), staleness.isStale, let date = catalog.pricesAsOf else { return nil }
        return "the model catalog is stale: its prices are from \(date), "
            + "\(staleness.ageInDays) days ago (more than \(Catalog.staleAfterDays)); "
            + "estimates may not match current prices"
    }

    /// The warning for a catalog dated after today (a mistyped version, most likely: its age
    /// and staleness mean nothing), or `nil`.
    public func futureWarning(for catalog: Catalog) -> String? {
        guard let staleness = staleness(of: catalog), staleness.isFutureDated,
              let date = catalog.pricesAsOf else { return nil }
        let days = -staleness.ageInDays
        return "the model catalog is dated \(date), \(days) day\(days == 1 ? "" : "s") in the future; "
            + "check its version (its age cannot tell whether its prices are current)"
    }

    /// What every catalog method's result says about the catalog in use: that it is dated in
    /// the future, that it is stale, that it carries no date.
    public func catalogNotes(for catalog: Catalog) -> [String] {
        [futureWarning(for: catalog), staleWarning(for: catalog), undatedWarning(for: catalog)].compactMap { $0 }
    }

    /// Wall-clock milliseconds since `start`, for the load times the benches read from the log.
    static func milliseconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    }

    /// CPU time of this thread in milliseconds: unlike the wall clock, not inflated when other
    /// processes compete for the cores, so load-time figures stay comparable.
    static func cpuMilliseconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) * 1000 + Double(spec.tv_nsec) / 1e6
    }
}
