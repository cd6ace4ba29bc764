import Advisor
import Foundation
import JSONRPC
import Testing
import Tokenizers
@testable import PreflightServer
import Log
import PreflightAPI

private func d(_ text: String) -> Decimal { Decimal(string: text, locale: nil)! }

/// A catalog file dated `version` with one o200k model and one `claude` model.
private func catalogFile(version: String, inputPrice: String = "1") throws -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-advisor-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let path = directory.appendingPathComponent("catalog.json").path
    let text = """
        {"version": "\(version)", "models": [
          {"id": "a", "provider": "p", "tier": "economy", "tokenizer": "o200k_base", "contextWindow": 1000,
           "inputPerMillion": \(inputPrice), "outputPerMillion": 2},
          {"id": "c", "provider": "anthropic", "tier": "premium", "tokenizer": "claude", "contextWindow": 1000,
           "inputPerMillion": 3, "outputPerMillion": 15}]}
        """
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
}

private func service(today: String = "2026-11-21", modelsDirectory: String? = nil) -> AdvisorService {
    let log = StderrLog(level: .off)
    return AdvisorService(modelsDirectory: modelsDirectory,
                          tokenCounter: TokenCountingService(modelsDirectory: nil, log: log), log: log,
                          today: { CalendarDay(today)! })
}

@Suite struct AdvisorServiceTests {
    @Test func staleMeansMoreThanNinetyDays() throws {
        let path = try catalogFile(version: "2026-11-20")
        let onDay90 = service(today: "2027-02-18")
        try onDay90.use(catalogAt: path)
        let catalog = try onDay90.catalog()
        #expect(onDay90.staleness(of: catalog) == CatalogStaleness(ageInDays: 90, isStale: false))
        #expect(onDay90.staleWarning(for: catalog) == nil)
        let onDay91 = service(today: "2027-02-19")
        #expect(onDay91.staleness(of: catalog) == CatalogStaleness(ageInDays: 91, isStale: true))
        #expect(onDay91.staleWarning(for: catalog)?.contains("prices are from 2026-11-20, 91 days ago") == true)
    }

    @Test func aFailedLoadKeepsTheCatalogInUse() throws {
        let advisor = service()
        let good = try catalogFile(version: "2026-11-20")
        try advisor.use(catalogAt: good)
        let bad = try catalogFile(version: "2026-11-21", inputPrice: "-1")
        do throws(CatalogLoadError) {
            try advisor.use(catalogAt: bad)
            Issue.record("a negative price loaded")
        } catch {
            #expect(error.file == bad)
            #expect(error.modelID == "a")
            #expect(error.field == "inputPerMillion")
            let rpc = ProtocolErrors.error(error, field: "params.initializationOptions.catalogPath")
            #expect(rpc.code == .invalidParams)
            #expect(rpc.details["file"] == bad)
            #expect(rpc.details["catalogField"] == "inputPerMillion")
        }
        #expect(try advisor.catalog().pricesAsOf == CalendarDay("2026-11-20"))
        #expect(advisor.store.currentPath == good)
    }

    @Test func withoutACatalogEveryCatalogUseSaysWhy() {
        let advisor = service(modelsDirectory: nil)
        #expect(advisor.loadAtStart() != nil)
        do throws(AdvisorServiceError) {
            _ = try advisor.catalog()
            Issue.record("a catalog appeared from nowhere")
        } catch {
            guard case .noCatalog(let reason, _) = error else {
                Issue.record("expected noCatalog, got \(error)")
                return
            }
            #expect(reason.contains("no models/ directory was found"))
            let rpc = ProtocolErrors.error(error, field: nil)
            #expect(rpc.code == .internalError)
            #expect(rpc.message.contains("no models/ directory was found"))
        }
    }

    @Test func aCatalogDatedInTheFutureIsSaidToBe() throws {
        let advisor = service(today: "2026-11-21")
        try advisor.use(catalogAt: try catalogFile(version: "2029-12-25"))
        let catalog = try advisor.catalog()
        let staleness = try #require(advisor.staleness(of: catalog))
        #expect(staleness.isFutureDated && !staleness.isStale)
        #expect(advisor.futureWarning(for: catalog) == "the model catalog is dated 2029-12-25, 1130 days in the future; "
                + "check its version (its age cannot tell whether its prices are current)")
        let models = try AdvisorMethods.models(ModelsParams(), advisor: advisor)
        #expect(models.warnings.map(\.message).contains { $0.contains("1130 days in the future") })
        #expect(models.catalog.ageInDays == -1130)
        // Today's catalog is neither.
        try advisor.use(catalogAt: try catalogFile(version: "2026-11-21"))
        #expect(try AdvisorMethods.models(ModelsParams(), advisor: advisor).warnings.isEmpty)
    }

    @Test func aBadStartupCatalogIsNotReplacedByTheBundledOne() throws {
        // A --catalog given at start has no previous catalog to keep: the error is returned (the
        // command line exits 2 with it) and no other catalog prices in its place.
        let models = ServerHarness.modelsDirectory
        let advisor = service(modelsDirectory: models)
        let bad = try catalogFile(version: "2026-11-20", inputPrice: "-1")
        let error = try #require(advisor.loadAtStart(catalogPath: bad))
        #expect(error.file == bad)
        #expect(advisor.store.current == nil)
        #expect(throws: AdvisorServiceError.self) { try advisor.catalog() }
    }

    @Test func withNoCatalogAtAllTheErrorNamesTheFileThatFailed() throws {
        let advisor = service(modelsDirectory: "/nonexistent-models")
        let bad = try catalogFile(version: "2026-11-20", inputPrice: "-1")
        #expect(advisor.loadAtStart(catalogPath: bad) != nil)
        do throws(AdvisorServiceError) {
            _ = try advisor.catalog()
            Issue.record("a catalog loaded")
        } catch {
            guard case .noCatalog(_, let file) = error else { Issue.record("\(error)"); return }
            #expect(file == bad)
            #expect(ProtocolErrors.error(error, field: nil).details["file"] == bad)
        }
    }

    @Test func lineAndColumnAreNumbersOnTheWire() throws {
        let error = CatalogLoadError(file: "c.json", modelID: "m", field: "f", message: "bad", line: 3, column: 14)
        let json = ProtocolErrors.error(error, field: "params.initializationOptions.catalogPath").json()
        #expect(json["data"]?["line"]?.intValue == 3)
        #expect(json["data"]?["column"]?.intValue == 14)
        #expect(json["data"]?["file"]?.stringValue == "c.json")
        #expect(json["data"]?.serializedString
                == #"{"field":"params.initializationOptions.catalogPath","catalogField":"f","column":14,"file":"c.json","line":3,"model":"m"}"#)
        // Naming the option in the message keeps every detail.
        let named = PreflightLanguageServer.namingTheOption(ProtocolErrors.error(error, field: "params.initializationOptions.catalogPath"))
        #expect(named.integerDetails == ["line": 3, "column": 14])
        #expect(named.message.hasPrefix("initializationOptions.catalogPath: "))
    }

    @Test func unknownModelsAreInvalidParamsAtTheGivenField() throws {
        let advisor = service()
        try advisor.use(catalogAt: try catalogFile(version: "2026-11-20"))
        #expect(try advisor.model("c").tokenizer == "claude")
        do throws(AdvisorServiceError) {
            try advisor.setDefaultModel("zz")
            Issue.record("unknown default model accepted")
        } catch {
            // This service has no models/ directory, so no reference layer: the error says so.
            #expect(error == .unknownWithoutReference(name: "zz", suggestions: ["a", "c"],
                                                      reason: "no reference catalog: no models/ directory was found"))
            let rpc = ProtocolErrors.error(error, field: "params.initializationOptions.defaultModel")
            #expect(rpc.code == .invalidParams)
            #expect(rpc.field == "params.initializationOptions.defaultModel")
            #expect(rpc.details["model"] == "zz")
        }
        #expect(advisor.defaultModel == nil)
    }

    @Test func familiesAreEstimatedUnderTheirOwnNameAndNeverExact() throws {
        let counter = service().counter
        let text = "Bonjour tout le monde, comment ça va ?"
        let family = counter.count(text, tokenizer: "claude")
        #expect(family.tokenizer == "claude")
        #expect(family.isExact == false)
        let range = try #require(family.range)
        #expect(range.contains(family.tokens))
        let unknown = counter.count(text, tokenizer: .estimator, mode: .exact)
        #expect(unknown.tokenizer == "estimator")
        #expect(unknown.isExact == false)
        #expect(unknown.note?.contains("unknown") == true)
        #expect(counter.count(text, tokenizer: "o200k_base").tokenizer == "o200k_base")
    }
}

/// The bundled routing file loads at the first estimate, so `initialize` does not wait for it.
@Suite struct RoutingLoadTests {
    @Test func theBundledRoutingLoadsOnFirstUseAndInitializeNamesItsSource() throws {
        let log = StderrLog(level: .off)
        let models = ServerHarness.modelsDirectory
        let advisor = AdvisorService(modelsDirectory: models, tokenCounter: TokenCountingService(modelsDirectory: models, log: log),
                                     log: log)
        let before = advisor.routingDescription()
        #expect(before["source"]?.stringValue == "\(models)/routing/routing.json")
        #expect(before["formatVersion"] == nil, "not loaded yet")
        _ = try advisor.complexityRouter()
        #expect((advisor.routingDescription()["formatVersion"]?.intValue ?? 0) >= 1, "loaded")
    }

    @Test func aBadRoutingFileAtStartFallsBackToTheBundledOne() throws {
        let log = StderrLog(level: .off)
        let models = ServerHarness.modelsDirectory
        let advisor = AdvisorService(modelsDirectory: models, tokenCounter: TokenCountingService(modelsDirectory: models, log: log),
                                     log: log)
        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("bad-routing-\(UUID().uuidString).json").path
        try Data("{\"formatVersion\": 9}".utf8).write(to: URL(fileURLWithPath: bad))
        #expect(advisor.loadRoutingAtStart(path: bad) != nil, "the error is still reported (the CLI exits 2 with it)")
        _ = try advisor.complexityRouter()
        #expect(advisor.routingDescription()["source"]?.stringValue == "\(models)/routing/routing.json")
    }
}
