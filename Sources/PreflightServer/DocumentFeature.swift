import Advisor
import Documents
import Foundation
import JSON
import JSONRPC
import PreflightAPI
import Routing

/// The language-server side for editors: open documents, re-estimation as they change, hover,
/// the code lens, diagnostics, settings, commands and progress.
///
/// State lives on the dispatch thread. Each change updates the `DocumentStore` at once and
/// schedules an analysis on the `AnalysisScheduler`'s worker (debounced, newest wins), with a
/// snapshot of everything it reads; its result comes back through the connection's inbox and
/// is published if the document has not changed since. Hover and the code lens use the
/// analysis of the current version, computing it on the spot when the debounced one has not
/// run yet, so they never show figures for an older text.
final class DocumentFeature {
    /// Commands `workspace/executeCommand` runs.
    static let commands = ["preflight.estimate", "preflight.check"]
    /// Settings the `preflight` section may carry.
    static let settingNames = ["defaultModel", "budget", "catalogPath", "routingPath", "debounceMs"]

    private let context: ServerContext
    private let store = DocumentStore()
    private var encoding = PositionEncoding.utf16
    private var client = ClientCapabilitiesSummary()
    private var budget: Budget?
    private var debounceMilliseconds: Int
    private var analyses: [String: DocumentAnalysis] = [:]
    private var scheduler: AnalysisScheduler?
    /// Progress tokens by work id: created (waiting for the client's answer), begun, or ended
    /// before the client answered.
    private var progress: [UInt64: ProgressState] = [:]
    /// The catalog/routing load in flight, with the settings that must wait for it: a later
    /// change merges into it (newest value per key), so loads are never lost and a default
    /// model is never applied out of order.
    private var pendingLoad: PendingLoad?
    private var nextLoadID = 0
    /// How many times each document has been opened, so a result for an earlier opening (same
    /// URI and version after a close and reopen) is not taken for the current text.
    private var openings: [String: Int] = [:]
    private var openingCounter = 0

    /// Documents larger than this are not analysed on the dispatch thread when hover or the
    /// lens asks before the debounced analysis has landed: the last analysis answers (marked as
    /// such) and `workspace/codeLens/refresh` brings the new one, so reading never waits long.
    static let onTheSpotLimitBytes = 256 * 1024

    private struct PendingLoad {
        var id: Int
        var catalogPath: String?
        var routingPath: String?
        var defaultModel: String??
    }

    private enum ProgressState { case creating(message: String), begun, endedEarly }

    /// A catalog and/or routing file decoded off the reader thread for a settings change.
    struct SettingsLoaded: Sendable {
        var id: Int
        var catalog: (path: String, result: Result<CatalogLoadResult, CatalogLoadError>)?
        var routing: (path: String, result: Result<RoutingModel, RoutingFileError>)?
    }

    init(context: ServerContext) {
        self.context = context
        self.debounceMilliseconds = context.editor.defaultDebounceMilliseconds
    }

    /// Registers the methods, hooks and capabilities.
    static func register(into registry: inout MethodRegistry, context: ServerContext) {
        let feature = DocumentFeature(context: context)
        let log = context.log
        registry.onInitialize { params throws(JSONRPCError) in feature.initialize(params) }
        registry.notification("textDocument/didOpen") { params, client in
            feature.decoded(DidOpenTextDocumentParams.self, params, method: "textDocument/didOpen") { feature.didOpen($0, client: client) }
        }
        registry.notification("textDocument/didChange") { params, client in
            feature.decoded(DidChangeTextDocumentParams.self, params, method: "textDocument/didChange") { feature.didChange($0, client: client) }
        }
        registry.notification("textDocument/didClose") { params, client in
            feature.decoded(DidCloseTextDocumentParams.self, params, method: "textDocument/didClose") { feature.didClose($0, client: client) }
        }
        registry.notification("textDocument/didSave") { _ in }
        registry.notification("workspace/didChangeConfiguration") { params, client in
            feature.decoded(DidChangeConfigurationParams.self, params, method: "workspace/didChangeConfiguration") {
                feature.didChangeConfiguration($0, client: client)
            }
        }
        registry.request("textDocument/hover", TypedMethod.handler(TextDocumentPositionParams.self, log: log) {
            request throws(JSONRPCError) in feature.hover(request.params)
        })
        registry.request("textDocument/codeLens", TypedMethod.handler(CodeLensParams.self, log: log) {
            request throws(JSONRPCError) in feature.codeLenses(request.params)
        })
        registry.request("workspace/executeCommand") { params, requestContext throws(JSONRPCError) in
            try feature.executeCommand(params, context: requestContext)
        }
        registry.onInboxEvent { event, client in feature.handle(event, client: client) }
        registry.onConnectionEnd { feature.scheduler?.stop() }
        registry.onShutdown { feature.scheduler?.stop() }
        registry.capability(["positionEncoding"]) { .string(feature.encoding.rawValue) }
        registry.capability(["textDocumentSync"]) { .object(["openClose": .bool(true), "change": .integer(2)]) }
        registry.capability(["hoverProvider"]) { .bool(true) }
        registry.capability(["codeLensProvider"]) { .object(["resolveProvider": .bool(false)]) }
        registry.capability(["executeCommandProvider"]) {
            .object(["commands": .array(DocumentFeature.commands.map { .string($0) })])
        }
    }

    // MARK: - Lifecycle and settings

    private func initialize(_ params: InitializeParams) {
        client = params.capabilities
        encoding = PositionEncoding.negotiate(offered: client.positionEncodings)
        if let options = params.options {
            budget = options.budget?.budget
            if let debounce = options.debounceMs { debounceMilliseconds = debounce }
        }
        context.log.debug("position encoding \(encoding.rawValue); debounce \(debounceMilliseconds) ms")
    }

    private func didChangeConfiguration(_ params: DidChangeConfigurationParams, client channel: ClientChannel) {
        if let section = params.settings?["preflight"], !section.isNull {
            apply(settings: section, client: channel)
        } else if client.configuration {
            // The client sent no settings (or `null`): pull the `preflight` section, as LSP's
            // pull model has it.
            let items = JSONValue.array([JSONValue.object(["section": .string("preflight")])])
            channel.request(method: "workspace/configuration", params: .object(["items": items])) { [self] response in
                guard case .success(let value) = response, value.kind == .array, let section = value[0],
                      section.kind == .object else { return }
                apply(settings: section, client: channel)
            }
        }
    }

    /// Applies the `preflight` settings object: every valid setting takes effect, every bad
    /// one is a warning naming it while its previous value stays.
    private func apply(settings: JSONValue, client channel: ClientChannel) {
        var warnings: [String] = []
        guard settings.kind == .object else {
            warn(["the preflight settings must be an object; keeping the current settings"], client: channel)
            return
        }
        for name in settings.members.map(\.key) where !DocumentFeature.settingNames.contains(name) {
            let hint = StrictMembers.nearestName(to: name, in: DocumentFeature.settingNames).map { " (did you mean preflight.\($0)?)" } ?? ""
            warnings.append("unknown setting preflight.\(name)\(hint); it is ignored")
        }
        func decode<T: Decodable>(_ type: T.Type, _ name: String) -> T?? {
            guard let raw = settings[name] else { return .none }
            if raw.isNull { return .some(nil) }
            do throws(JSONDecodingFailure) {
                return .some(try JSONValueDecoder().decode(T.self, from: raw, path: "preflight.\(name)").value)
            } catch {
                warnings.append("\(error.message); keeping the previous value")
                return .none
            }
        }
        if let debounce = decode(Int.self, "debounceMs") {
            let value = debounce ?? context.editor.defaultDebounceMilliseconds
            if InitializationOptions.debounceRange.contains(value) {
                debounceMilliseconds = value
            } else {
                warnings.append("preflight.debounceMs must be 0…\(InitializationOptions.debounceRange.upperBound), not \(value); keeping \(debounceMilliseconds)")
            }
        }
        if let newBudget = decode(BudgetParams.self, "budget") { budget = newBudget?.budget }
        let defaultModel = decode(String.self, "defaultModel")
        let catalogPath = decode(String.self, "catalogPath") ?? nil
        let routingPath = decode(String.self, "routingPath") ?? nil
        warn(warnings, client: channel)
        if catalogPath != nil || routingPath != nil || pendingLoad != nil, let scheduler = scheduler(for: channel) {
            // Files are read and checked on the worker (a large catalog can take a while, with
            // progress shown) and installed when the result comes back; a change arriving
            // meanwhile merges into the load in flight, newest value per key.
            var load = pendingLoad ?? PendingLoad(id: 0)
            if let catalogPath { load.catalogPath = catalogPath }
            if let routingPath { load.routingPath = routingPath }
            if let defaultModel { load.defaultModel = defaultModel }
            let filesChanged = catalogPath != nil || routingPath != nil
            if filesChanged || pendingLoad == nil {
                nextLoadID += 1
                load.id = nextLoadID
                schedule(load, on: scheduler)
            }
            pendingLoad = load
            return
        }
        finishSettings(defaultModel: defaultModel, client: channel)
    }

    private func schedule(_ load: PendingLoad, on scheduler: AnalysisScheduler) {
        let loader = context.editor.catalogLoader
        let (id, catalogPath, routingPath) = (load.id, load.catalogPath, load.routingPath)
        let what = [catalogPath.map { "catalog \($0)" }, routingPath.map { "routing \($0)" }].compactMap { $0 }
        scheduler.schedule(key: "settings:load", delayMilliseconds: 0, title: "loading " + what.joined(separator: " and ")) { _ in
            var loaded = SettingsLoaded(id: id)
            if let catalogPath {
                do {
                    loaded.catalog = (catalogPath, .success(try loader(catalogPath)))
                } catch let error as CatalogLoadError {
                    loaded.catalog = (catalogPath, .failure(error))
                } catch {
                    loaded.catalog = (catalogPath, .failure(CatalogLoadError(file: catalogPath, message: "\(error)")))
                }
            }
            if let routingPath {
                do throws(RoutingFileError) {
                    loaded.routing = (routingPath, .success(try RoutingModel.load(path: routingPath)))
                } catch {
                    loaded.routing = (routingPath, .failure(error))
                }
            }
            return loaded
        }
    }

    private func install(_ loaded: SettingsLoaded, client channel: ClientChannel) {
        var warnings: [String] = []
        if let (path, result) = loaded.catalog {
            switch result {
            case .success(let catalog): context.advisor.install(catalog, path: path)
            case .failure(let error): warnings.append("preflight.catalogPath: cannot load \(path): \(error); keeping the catalog in use")
            }
        }
        if let (path, result) = loaded.routing {
            switch result {
            case .success(let model): context.advisor.install(routing: model)
            case .failure(let error): warnings.append("preflight.routingPath: cannot load \(path): \(error); keeping the routing in use")
            }
        }
        warn(warnings, client: channel)
        // Only the newest load carries the settings that waited for it (an older one's result
        // can still arrive after a newer load was scheduled; its files are installed, then the
        // newer load installs its own).
        guard let pending = pendingLoad, pending.id == loaded.id else { return }
        pendingLoad = nil
        finishSettings(defaultModel: pending.defaultModel, client: channel)
    }

    /// Sets the default model (checked against the catalog now in use) and re-estimates every
    /// open document with the new settings.
    private func finishSettings(defaultModel: String??, client channel: ClientChannel) {
        if let defaultModel {
            do throws(AdvisorServiceError) {
                try context.advisor.setDefaultModel(defaultModel)
            } catch {
                warn(["preflight.defaultModel: \(error); keeping \(context.advisor.defaultModel.map { "\"\($0)\"" } ?? "the recommended model")"],
                     client: channel)
            }
        }
        // Kept analyses were made with the old settings: hover and the lens must not show them.
        analyses.removeAll()
        for uri in store.openURIs { scheduleAnalysis(uri: uri, delayMilliseconds: 0, client: channel) }
    }

    private func warn(_ warnings: [String], client channel: ClientChannel) {
        for warning in warnings {
            context.log.warning(warning)
            if let params = try? TypedMethod.encode(ShowMessageParams(type: .warning, message: "Preflight: \(warning)")) {
                channel.notify(method: "window/showMessage", params: params)
            }
        }
    }

    // MARK: - Documents

    private func didOpen(_ params: DidOpenTextDocumentParams, client channel: ClientChannel) {
        let item = params.textDocument
        store.open(uri: item.uri, languageId: item.languageId, version: item.version, text: item.text)
        openingCounter += 1
        openings[item.uri] = openingCounter
        analyses[item.uri] = nil
        scheduleAnalysis(uri: item.uri, delayMilliseconds: 0, client: channel)
    }

    private func didChange(_ params: DidChangeTextDocumentParams, client channel: ClientChannel) {
        let uri = params.textDocument.uri
        let outcome = store.change(uri: uri, version: params.textDocument.version,
                                   changes: params.contentChanges.map(\.textChange), encoding: encoding)
        switch outcome {
        case .notOpen:
            context.log.warning("didChange for \(uri), which is not open; ignored")
            return
        case .wentOutOfSync(let error):
            context.log.warning("\(uri) version \(params.textDocument.version): cannot apply an edit (\(error)); "
                                + "the document is out of sync until the client sends it whole or reopens it")
        case .applied, .stillOutOfSync:
            break
        }
        scheduleAnalysis(uri: uri, delayMilliseconds: debounceMilliseconds, client: channel)
    }

    private func didClose(_ params: DidCloseTextDocumentParams, client channel: ClientChannel) {
        let uri = params.textDocument.uri
        guard store.close(uri: uri) else { return }
        analyses[uri] = nil
        openings[uri] = nil
        scheduler?.cancel(key: "document:" + uri)
        publish(PublishDiagnosticsParams(uri: uri, version: nil, diagnostics: []), client: channel)
    }

    private func scheduler(for channel: ClientChannel) -> AnalysisScheduler? {
        if let scheduler { return scheduler }
        guard let inbox = channel.inbox else { return nil }
        let created = AnalysisScheduler(clock: context.editor.clock, inbox: inbox,
                                        progressThresholdMilliseconds: context.editor.progressThresholdMilliseconds)
        scheduler = created
        return created
    }

    /// Schedules the analysis of `uri`'s current text on the worker.
    private func scheduleAnalysis(uri: String, delayMilliseconds: Int, client channel: ClientChannel) {
        guard let entry = store[uri], let scheduler = scheduler(for: channel) else { return }
        let analyzer = makeAnalyzer()
        let document = entry.document
        let state = entry.state
        let opening = openings[uri] ?? 0
        let statistics = context.editorStatistics
        let name = uri.split(separator: "/").last.map(String.init) ?? uri
        scheduler.schedule(key: "document:" + uri, delayMilliseconds: delayMilliseconds, title: "estimating \(name)") { isCancelled in
            statistics.countAnalysis()
            return analyzer.analyse(document, state: state, opening: opening, isCancelled: isCancelled)
        }
    }

    private func makeAnalyzer() -> DocumentAnalyzer {
        let advisor = context.advisor
        var planner = Result { () throws(AdvisorServiceError) in try advisor.planner() }
        var defaultModel = advisor.defaultModel
        // The setting is a name as the user typed it: price the entry it resolves to (a
        // reference-only model joins the planner as a named model).
        if let name = defaultModel, case .success(var ready) = planner, let resolution = try? advisor.resolve(name) {
            defaultModel = resolution.model.id
            if resolution.layer == .reference { ready.namedModels = [resolution.model] }
            planner = .success(ready)
        }
        return DocumentAnalyzer(planner: planner, counter: advisor.counter, defaultModel: defaultModel,
                                budget: budget, encoding: encoding)
    }

    /// The analysis of `uri`'s current version: the kept one, or one made now — except for a
    /// document over `onTheSpotLimitBytes`, where the last analysis answers (its `version` says
    /// which) while the worker makes the new one.
    private func currentAnalysis(_ uri: String) -> (DocumentStore.Entry, DocumentAnalysis)? {
        guard let entry = store[uri] else { return nil }
        if let analysis = analyses[uri], analysis.version == entry.document.version { return (entry, analysis) }
        if entry.document.utf8.count > DocumentFeature.onTheSpotLimitBytes, let last = analyses[uri] {
            return (entry, last)
        }
        guard let analysis = makeAnalyzer().analyse(entry.document, state: entry.state, opening: openings[uri] ?? 0) else {
            return nil
        }
        analyses[uri] = analysis
        return (entry, analysis)
    }

    // MARK: - Background results

    private func handle(_ event: any Sendable, client channel: ClientChannel) {
        switch event {
        case let analysis as DocumentAnalysis:
            guard let entry = store[analysis.uri], entry.document.version == analysis.version,
                  openings[analysis.uri] == analysis.opening else { return }
            analyses[analysis.uri] = analysis
            publish(PublishDiagnosticsParams(uri: analysis.uri, version: analysis.version, diagnostics: analysis.diagnostics),
                    client: channel)
            if client.codeLensRefresh {
                channel.request(method: "workspace/codeLens/refresh", params: nil) { _ in }
            }
        case let loaded as SettingsLoaded:
            install(loaded, client: channel)
        case let event as AnalysisScheduler.ProgressEvent:
            progress(event, client: channel)
        default:
            break
        }
    }

    private func publish(_ params: PublishDiagnosticsParams, client channel: ClientChannel) {
        guard let json = try? TypedMethod.encode(params) else { return }
        channel.notify(method: "textDocument/publishDiagnostics", params: json)
        context.editorStatistics.countPublication()
    }

    /// `$/progress` for work past the threshold: the token is created first
    /// (`window/workDoneProgress/create`), and `begin` is sent only once the client accepted it
    /// and only if the work has not ended meanwhile.
    private func progress(_ event: AnalysisScheduler.ProgressEvent, client channel: ClientChannel) {
        guard client.workDoneProgress else { return }
        switch event {
        case .begin(let id, let title, let message):
            let token = "preflight-\(id)"
            progress[id] = .creating(message: message)
            channel.request(method: "window/workDoneProgress/create", params: .object(["token": .string(token)])) { [self] response in
                guard case .creating = progress[id] else {
                    progress[id] = nil  // ended before the client answered: nothing to show
                    return
                }
                guard case .success = response else {
                    progress[id] = nil
                    return
                }
                progress[id] = .begun
                send(WorkDoneProgressParams(token: token, value: .begin(title: title, message: message)), client: channel)
            }
        case .end(let id):
            switch progress[id] {
            case .begun:
                progress[id] = nil
                send(WorkDoneProgressParams(token: "preflight-\(id)", value: .end(message: "done")), client: channel)
            case .creating:
                progress[id] = .endedEarly
            default:
                break
            }
        }
    }

    private func send(_ params: WorkDoneProgressParams, client channel: ClientChannel) {
        guard let json = try? TypedMethod.encode(params) else { return }
        channel.notify(method: "$/progress", params: json)
    }

    // MARK: - Requests

    private func hover(_ params: TextDocumentPositionParams) -> HoverResult? {
        guard let (entry, analysis) = currentAnalysis(params.textDocument.uri) else { return nil }
        let document = entry.document
        let bytes = document.paragraph(aroundLine: params.position.line)
        var paragraph: (lines: ClosedRange<Int>, outcome: DocumentAnalyzer.Outcome)?
        if !bytes.isEmpty {
            let lines = document.line(containingByte: bytes.lowerBound)...document.line(containingByte: bytes.upperBound)
            paragraph = (lines, makeAnalyzer().estimateResult(document.text(ofBytes: bytes)))
        }
        var markdown = HoverMarkdown.render(analysis, paragraph: paragraph)
        if analysis.version != document.version {
            markdown += "\n\n_Figures for version \(analysis.version); version \(document.version) is being estimated._"
        }
        let contents = client.markdownHover
            ? HoverResult.Content(kind: "markdown", value: markdown)
            : HoverResult.Content(kind: "plaintext", value: HoverMarkdown.plainText(markdown))
        return HoverResult(contents: contents,
                           range: bytes.isEmpty ? nil : document.range(ofBytes: bytes, encoding: encoding))
    }

    private func codeLenses(_ params: CodeLensParams) -> [CodeLensResult] {
        guard let (_, analysis) = currentAnalysis(params.textDocument.uri) else { return [] }
        let argument = JSONValue.object(["uri": .string(params.textDocument.uri)])
        return [CodeLensResult(range: .documentStart,
                               command: .init(title: analysis.lensTitle, command: "preflight.estimate", arguments: [argument]))]
    }

    private func executeCommand(_ params: JSONValue?, context requestContext: RequestContext) throws(JSONRPCError) -> JSONValue {
        let command = try TypedMethod.decode(ExecuteCommandParams.self, from: params).value
        guard DocumentFeature.commands.contains(command.command) else {
            throw .invalidParams("unknown command \"\(command.command)\" (the server runs \(DocumentFeature.commands.joined(separator: ", ")))",
                                 field: "params.command")
        }
        guard let first = command.arguments?.first else {
            throw .invalidParams("\(command.command) needs one argument, {uri, range?}", field: "params.arguments")
        }
        let arguments: DocumentCommandArguments
        do throws(JSONDecodingFailure) {
            arguments = try JSONValueDecoder().decode(DocumentCommandArguments.self, from: first, path: "params.arguments[0]").value
        } catch {
            throw ProtocolErrors.error(error)
        }
        guard let entry = store[arguments.uri] else {
            throw .invalidParams("\(arguments.uri) is not open: open it (textDocument/didOpen) first", field: "params.arguments[0].uri")
        }
        let document = entry.document
        var text = document.text
        if let range = arguments.range {
            do throws(DocumentEditError) {
                let start = try document.byteOffset(of: range.start, encoding: encoding)
                let end = try document.byteOffset(of: range.end, encoding: encoding)
                guard start <= end else { throw DocumentEditError.invertedRange(range) }
                text = document.text(ofBytes: start..<end)
            } catch {
                throw .invalidParams("params.arguments[0].range: \(error)", field: "params.arguments[0].range")
            }
        }
        let estimate = EstimateParams(EstimateRequest(input: .prompt(text), model: arguments.model))
        let advisor = context.advisor
        if command.command == "preflight.estimate" {
            return try TypedMethod.encode(try AdvisorMethods.estimate(estimate, advisor: advisor) { requestContext.isCancelled })
        }
        guard let budget = arguments.budget ?? self.budget.map(BudgetParams.init) else {
            throw .invalidParams("preflight.check needs a budget: give params.arguments[0].budget or set the preflight.budget setting",
                                 field: "params.arguments[0].budget")
        }
        let check = CheckParams(estimate: estimate, budget: budget)
        return try TypedMethod.encode(try AdvisorMethods.check(check, advisor: advisor) { requestContext.isCancelled })
    }

    // MARK: - Decoding notifications

    /// Decodes a notification's params; a malformed notification cannot be answered, so it is
    /// logged (naming the field) and dropped.
    private func decoded<P: Decodable>(_ type: P.Type, _ params: JSONValue?, method: String, _ body: (P) -> Void) {
        do throws(JSONRPCError) {
            body(try TypedMethod.decode(P.self, from: params).value)
        } catch {
            context.log.warning("\(method): \(error.message)\(error.field.map { " (\($0))" } ?? ""); notification ignored")
        }
    }
}
