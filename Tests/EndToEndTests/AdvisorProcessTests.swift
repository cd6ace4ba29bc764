import Foundation
import JSON
import PreflightAPI
import Testing
import TestSupport

/// The advisor methods against the real binary: one happy path per method, and what only a
/// process shows — the `--catalog` flag, what goes to stderr. (The methods' rules are tested in
/// process, in PreflightServerTests' `AdvisorMethodTests`.)
@Suite struct AdvisorProcessTests {
    /// Runs `requests` (after `initialize`) against `serve --catalog catalog`; returns the replies
    /// to the requests, the `initialize` reply and stderr.
    func serve(catalog: String?, _ requests: [String], initialize: String = initializeLine)
        throws -> (replies: [Reply], initialize: Reply, stderr: String) {
        let arguments = ["serve"] + (catalog.map { ["--catalog", $0] } ?? [])
        let session = try runSession([initialize] + requests, arguments: arguments)
        #expect(session.status == 0)
        try #require(session.messages.count == requests.count + 1)
        return (Array(session.messages.dropFirst()), session.messages[0], session.stderr)
    }

    func estimate(_ params: String, id: Int = 1) -> String { AdvisorFixtures.request(id, "preflight/estimate", params) }

    /// The `catalog` member of `initialize`'s capabilities (assembled from the features'
    /// fragments, not one shape, so read untyped).
    func advertisedCatalog(_ initialize: Reply) -> JSONValue? {
        initialize.result?["capabilities"]?["experimental"]?["preflight"]?["catalog"]
    }

    @Test func estimateCheckAndModelsAnswerFromTheCatalogFlag() throws {
        let catalog = try AdvisorFixtures.freshCatalog()
        let session = try serve(catalog: catalog, [
            estimate(#"{"prompt":"Classify the sentiment of: I love it.","model":"flat","expectedOutputTokens":500}"#, id: 1),
            AdvisorFixtures.request(2, "preflight/check", #"{"prompt":"Hi","model":"flat","expectedOutputTokens":1000,"budget":{"balance":0.102}}"#),
            AdvisorFixtures.request(3, "preflight/models", "{}"),
        ])
        #expect(advertisedCatalog(session.initialize)?["models"]?.intValue == 5)
        let estimated = try session.replies[0].decodedResult(EstimateResult.self)
        #expect(estimated.recommendation?.model == "flat")
        #expect(estimated.tokens.input > 0)
        // flat charges for output only: 500 × $2 / 1M.
        #expect(estimated.cost.credits.value == Decimal(spelled: "0.001"))
        let checked = try session.replies[1].decodedResult(CheckResult.self)
        #expect(checked.allowed)
        #expect(checked.balanceAfter?.value == Decimal(spelled: "0.1"))
        let models = try session.replies[2].decodedResult(ModelsResult.self)
        #expect(models.catalog.version == AdvisorFixtures.today)
        #expect(models.models.map(\.id) == ["flat", "cheap", "mid", "big", "top"])
    }

    @Test func aBadCatalogPathIsAnErrorNamingTheFileAndThePreviousCatalogStays() throws {
        let good = try AdvisorFixtures.freshCatalog()
        let bad = try AdvisorFixtures.negativePriceCatalog()
        let truncated = try AdvisorFixtures.truncatedCatalog()
        let session = try runSession([
            initializeLine(options: #"{"catalogPath":"\#(bad)"}"#),
            initializeLine(options: #"{"catalogPath":"\#(truncated)"}"#),
            initializeLine(options: #"{"catalogPath":"/nonexistent/catalog.json"}"#),
            initializeLine,
            estimate(#"{"prompt":"hi","model":"cheap","expectedOutputTokens":5}"#),
        ], arguments: ["serve", "--catalog", good])
        let replies = session.messages
        try #require(replies.count == 5)
        #expect(replies[0].errorCode == -32602)
        #expect(replies[0].errorField == "params.initializationOptions.catalogPath")
        let negative = try #require(replies[0].error)
        #expect(negative.message.contains(bad))
        #expect(negative.data?["file"] == bad)
        #expect(negative.data?["model"] == "cheap")
        #expect(negative.data?["catalogField"] == "inputPerMillion")
        #expect(negative.message.contains("negative price"))
        #expect(replies[1].error?.data?["file"] == truncated)
        // Line and column are JSON numbers.
        #expect((replies[1].error?.data?.integer("line") ?? 0) > 0)
        #expect((replies[1].error?.data?.integer("column") ?? 0) > 0)
        #expect(replies[2].error?.data?["file"] == "/nonexistent/catalog.json")
        // Still uninitialized; a plain initialize succeeds and the --catalog fixture is still in use.
        let advertised = advertisedCatalog(replies[3])
        #expect(advertised?["version"]?.stringValue == AdvisorFixtures.today)
        #expect(advertised?["models"]?.intValue == 5)
        #expect(try replies[4].decodedResult(EstimateResult.self).recommendation?.model == "cheap")
    }

    @Test func initializationOptionsThatAreNotAnObjectAreIgnored() throws {
        let catalog = try AdvisorFixtures.freshCatalog()
        let session = try serve(catalog: catalog, [], initialize: initializeLine(options: #""vim-defaults""#))
        #expect(advertisedCatalog(session.initialize)?["models"]?.intValue == 5)
        #expect(session.stderr.contains("ignoring initializationOptions"))
    }

    @Test func aStaleCatalogIsLoggedAtStartAndReportedByModels() throws {
        let stale = try AdvisorFixtures.staleCatalog()
        let session = try serve(catalog: stale, [AdvisorFixtures.request(1, "preflight/models", "{}")])
        #expect(session.stderr.contains("warning: the model catalog is stale: its prices are from 2020-01-15"))
        #expect(try #require(session.replies.first).decodedResult(ModelsResult.self).catalog.stale)
        #expect(advertisedCatalog(session.initialize)?["stale"]?.boolValue == true)
        let fresh = try serve(catalog: try AdvisorFixtures.freshCatalog(), [])
        #expect(!fresh.stderr.contains("stale"))
    }

    @Test func aBadCatalogFlagAtStartIsFatalWithExitCode2() throws {
        // There is no previous catalog to keep; pricing with the bundled one instead would answer
        // a script's every request with other models' prices. (It used to fall back in silence.)
        let bad = try AdvisorFixtures.negativePriceCatalog()
        let session = try runSession([initializeLine, estimate(#"{"prompt":"hi"}"#)], arguments: ["serve", "--catalog", bad])
        #expect(session.status == 2)
        #expect(session.messages.isEmpty)
        #expect(session.stderr.contains("invalid catalog: \(bad):"), "\(session.stderr)")
        #expect(session.stderr.contains("inputPerMillion"))
    }

    @Test func withoutABundledCatalogTheServerRunsAndNamesTheFileInTheErrors() throws {
        let session = try runSession([initializeLine, estimate(#"{"prompt":"x"}"#)],
                                     arguments: ["serve", "--models-dir", "/nonexistent-models"])
        let reply = try #require(session.messages.last)
        #expect(reply.errorCode == -32603)
        #expect(reply.error?.data?["file"] == "/nonexistent-models/catalog.json")
    }

    @Test func withoutALoadableBundledCatalogTheServerRunsAndSaysWhy() throws {
        let brokenModels = (try AdvisorFixtures.truncatedCatalog() as NSString).deletingLastPathComponent
        let session = try runSession([
            initializeLine,
            AdvisorFixtures.request(1, "preflight/countTokens", #"{"text":"still counts"}"#),
            estimate(#"{"prompt":"x"}"#),
            AdvisorFixtures.request(3, "preflight/models", "{}"),
        ], arguments: ["serve", "--models-dir", brokenModels])
        #expect(session.status == 0)
        #expect(session.stderr.contains("the bundled catalog could not be loaded: \(brokenModels)/catalog.json:"))
        let messages = session.messages
        try #require(messages.count == 4)
        #expect(advertisedCatalog(messages[0])?.isNull == true)
        #expect(try messages[1].decodedResult(TokenCountResult.self).tokens > 0)
        for reply in messages[2...] {
            #expect(reply.errorCode == -32603)
            #expect(reply.error?.message.contains("no model catalog is loaded") == true)
            #expect(reply.error?.data?["file"] == "\(brokenModels)/catalog.json")
        }
    }
}
