import Advisor
import Foundation
import JSONRPC
import Log
import PreflightAPI
@testable import PreflightServer
import Testing
import TestSupport

/// The two catalog layers (docs/CATALOG.md): versions as users write them, the reference layer
/// loaded on demand, the curated price winning, price overrides, listing pages, and a broken
/// catalog never replacing a working one.
@Suite struct CatalogLayersTests {
    static func write(_ text: String, name: String = "catalog.json") throws -> String {
        try AdvisorFixtures.write(text, name: name)
    }

    /// A curated catalog with `version` and, when given, `pricesAsOf`.
    static func curated(version: String, pricesAsOf: String? = nil) throws -> String {
        try write("""
            {"version": "\(version)", \(pricesAsOf.map { "\"pricesAsOf\": \"\($0)\"," } ?? "") "models": [
              {"id": "gpt-4o", "provider": "openai", "tier": "standard", "tokenizer": "o200k_base",
               "contextWindow": 128000, "inputPerMillion": 2.5, "outputPerMillion": 10},
              {"id": "cheap", "provider": "acme", "tier": "economy", "tokenizer": "o200k_base",
               "contextWindow": 100000, "inputPerMillion": 0.1, "outputPerMillion": 0.4}]}
            """)
    }

    /// A reference layer in the converter's format: LiteLLM keys, one entry without a window,
    /// one priced at zero, the maker's entry and a cloud region's at another price.
    static func reference() throws -> String {
        try write("""
            {"version": "litellm-1.109.1", "pricesAsOf": "2026-11-20", "layer": "reference", "currency": "USD",
             "source": "test reference", "models": [
              {"id": "gpt-4o", "provider": "openai", "tokenizer": "o200k_base", "contextWindow": 128000,
               "inputPerMillion": 2.6, "outputPerMillion": 10.5},
              {"id": "claude-sonnet-4-5", "provider": "anthropic", "tokenizer": "claude", "contextWindow": 200000,
               "inputPerMillion": 3, "outputPerMillion": 15},
              {"id": "eu.anthropic.claude-sonnet-4-5-20250929-v1:0", "provider": "bedrock_converse", "tokenizer": "claude",
               "contextWindow": 200000, "inputPerMillion": 3.3, "outputPerMillion": 16.5},
              {"id": "azure/eu/gpt-4.1", "provider": "azure", "tokenizer": "o200k_base",
               "inputPerMillion": 2.2, "outputPerMillion": 8.8},
              {"id": "free/lora-placeholder", "provider": "free", "tokenizer": "estimator", "contextWindow": 8000,
               "inputPerMillion": 0, "outputPerMillion": 0}]}
            """, name: "reference.json")
    }

    static func service(today: String = "2026-11-21", reference: String? = nil, overrides: String? = nil,
                        modelsDirectory: String? = ServerHarness.modelsDirectory) -> AdvisorService {
        let log = StderrLog(level: .off)
        var environment: [String: String] = ["HOME": "/nonexistent-home"]
        if let reference { environment["PREFLIGHT_REFERENCE"] = reference }
        environment["PREFLIGHT_PRICE_OVERRIDES"] = overrides ?? "/nonexistent-home/overrides.json"
        return AdvisorService(modelsDirectory: modelsDirectory,
                              tokenCounter: TokenCountingService(modelsDirectory: nil, log: log), log: log,
                              today: { CalendarDay(today)! }, environment: environment)
    }

    func estimate(_ advisor: AdvisorService, model: String) throws(JSONRPCError) -> EstimateResult {
        let params = EstimateParams(EstimateRequest(input: .prompt("Write a haiku about rivers."), model: model,
                                                    expectedOutputTokens: 20))
        return try AdvisorMethods.estimate(params, advisor: advisor)
    }

    // MARK: versions and age

    @Test func aVersionThatIsNotADateLoadsAndItsAgeIsUnknown() throws {
        let advisor = Self.service()
        try advisor.use(catalogAt: try Self.curated(version: "acme-v3"))
        let catalog = try advisor.catalog()
        #expect(catalog.version == "acme-v3" && catalog.pricesAsOf == nil)
        #expect(advisor.staleness(of: catalog) == nil)
        let models = try AdvisorMethods.models(ModelsParams(), advisor: advisor)
        #expect(models.catalog.version == "acme-v3")
        #expect(models.catalog.ageInDays == nil && !models.catalog.stale)
        #expect(models.warnings.contains { $0.message.contains("age is unknown") })
        let priced = try estimate(advisor, model: "cheap")
        #expect(priced.warnings.contains { $0.message.contains("acme-v3 carries no date") })
    }

    @Test func pricesAsOfNinetyOneDaysAgoIsStale() throws {
        let advisor = Self.service(today: "2027-02-19")
        try advisor.use(catalogAt: try Self.curated(version: "acme-v3", pricesAsOf: "2026-11-20"))
        let catalog = try advisor.catalog()
        #expect(advisor.staleness(of: catalog) == CatalogStaleness(ageInDays: 91, isStale: true))
        #expect(advisor.staleWarning(for: catalog)?.contains("prices are from 2026-11-20, 91 days ago") == true)
        let models = try AdvisorMethods.models(ModelsParams(), advisor: advisor)
        #expect(models.catalog.ageInDays == 91 && models.catalog.stale && models.catalog.pricesAsOf == "2026-11-20")
        // A date version keeps working, and pricesAsOf is not required beside it.
        let dated = Self.service(today: "2027-02-18")
        try dated.use(catalogAt: try Self.curated(version: "2026-11-20"))
        #expect(dated.staleness(of: try dated.catalog()) == CatalogStaleness(ageInDays: 90, isStale: false))
    }

    @Test func anEmptyVersionOrABadPricesAsOfIsRefusedAtItsField() throws {
        let empty = try Self.curated(version: " ")
        let emptyError = #expect(throws: CatalogLoadError.self) { try CatalogDecoder.load(path: empty) }
        #expect(emptyError?.field == "version" && emptyError?.line == 1)
        let badDate = try Self.curated(version: "acme-v3", pricesAsOf: "2026-13-01")
        let dateError = #expect(throws: CatalogLoadError.self) { try CatalogDecoder.load(path: badDate) }
        #expect(dateError?.field == "pricesAsOf" && dateError?.line == 1 && dateError?.column != nil)
    }

    // MARK: layers

    @Test func aCuratedNameNeverLoadsTheReference() throws {
        let advisor = Self.service(reference: try Self.reference())
        try advisor.use(catalogAt: try Self.curated(version: "2026-11-20"))
        _ = try estimate(advisor, model: "gpt-4o")
        _ = try estimate(advisor, model: "OpenAI/GPT-4o")
        #expect(advisor.referenceIndex == nil)
    }

    /// Without a reference layer an unknown name says why the reference was not searched,
    /// instead of claiming the name is not in it.
    @Test func anUnknownNameWithoutAReferenceSaysWhyItWasNotSearched() throws {
        let advisor = Self.service(reference: try Self.write("{\"models\": [", name: "broken-reference.json"))
        try advisor.use(catalogAt: try Self.curated(version: "2026-11-20"))
        let error = #expect(throws: JSONRPCError.self) { try estimate(advisor, model: "claude-sonnet-4-5") }
        #expect(error?.code == .invalidParams)
        #expect(error?.message.contains("the LiteLLM reference layer is unavailable (") == true)
        #expect(error?.message.contains("broken-reference.json") == true)
        #expect(error?.message.contains("nor the LiteLLM reference") == false)
    }

    /// LiteLLM's own key for a curated Gemini model (`gemini/…`; the curated provider is
    /// `google`) stays on the curated path: it once loaded the reference and named it.
    @Test func aLiteLLMGeminiKeyResolvesToTheCuratedGoogleModel() throws {
        let advisor = Self.service(reference: try Self.reference())
        try advisor.use(catalogAt: try Self.write("""
            {"version": "v1", "models": [
              {"id": "gemini-2.5-pro", "provider": "google", "tier": "premium", "tokenizer": "gemini",
               "contextWindow": 1048576, "inputPerMillion": 1.25, "outputPerMillion": 10}]}
            """))
        let result = try estimate(advisor, model: "gemini/gemini-2.5-pro")
        #expect(result.model.id == "gemini-2.5-pro" && result.priceSource?.layer == .curated)
        #expect(advisor.referenceIndex == nil)
    }

    /// A name the resolver takes to a reference entry whose id is also a curated id is priced
    /// from that reference entry, as the reply says (it was priced from the curated one).
    @Test func aReferenceResolutionIsPricedFromTheReferenceEntry() throws {
        let advisor = Self.service(reference: try Self.reference())
        try advisor.use(catalogAt: try Self.curated(version: "2026-11-20"))
        let result = try estimate(advisor, model: "bedrock/gpt-4o")
        let source = try #require(result.priceSource)
        let layerCatalog = source.layer == .reference ? try #require(advisor.referenceIndex?.catalog) : try advisor.catalog()
        let entry = try #require(layerCatalog.model(id: source.entry))
        #expect(result.cost.input.value == Decimal(result.tokens.input) * entry.inputPerMillion / 1_000_000)
    }

    @Test func theCuratedPriceWinsAndAReferenceOnlyModelIsPricedFromTheReference() throws {
        let advisor = Self.service(reference: try Self.reference())
        try advisor.use(catalogAt: try Self.curated(version: "2026-11-20"))
        let curated = try estimate(advisor, model: "gpt-4o")
        #expect(curated.priceSource?.layer == .curated && curated.priceSource?.entry == "gpt-4o")
        let reference = try estimate(advisor, model: "claude-sonnet-4-5")
        #expect(reference.priceSource == EstimateResult.PriceSource(
            ModelResolution(model: try #require(advisor.referenceIndex?.catalog.model(id: "claude-sonnet-4-5")),
                            layer: .reference, rule: .exact, requestedName: "claude-sonnet-4-5"),
            catalog: try #require(advisor.referenceIndex?.catalog)))
        #expect(reference.priceSource?.catalogVersion == "litellm-1.109.1")
        #expect(reference.warnings.contains { $0.message.contains("priced from the reference layer") })
        // Routing never recommends a reference model.
        let unnamed = EstimateParams(EstimateRequest(input: .prompt("Say hi."), expectedOutputTokens: 5))
        let recommended = try AdvisorMethods.estimate(unnamed, advisor: advisor)
        #expect(["gpt-4o", "cheap"].contains(recommended.model.id) && recommended.priceSource == nil)
    }

    /// `preflight/check` on a named model says where its price came from, as `estimate` does
    /// (it once gave the verdict with no `priceSource`, so a reference-layer price was silent).
    @Test func aCheckSaysWhereThePriceCameFrom() throws {
        let advisor = Self.service(reference: try Self.reference())
        try advisor.use(catalogAt: try Self.curated(version: "2026-11-20"))
        func check(_ model: String?) throws -> CheckResult {
            let request = EstimateRequest(input: .prompt("Write a haiku about rivers."), model: model, expectedOutputTokens: 20)
            return try AdvisorMethods.check(CheckParams(estimate: EstimateParams(request),
                                                        budget: BudgetParams(try Budget(balance: 10))), advisor: advisor)
        }
        let reference = try check("claude-sonnet-4-5")
        #expect(reference.priceSource?.layer == .reference && reference.priceSource?.entry == "claude-sonnet-4-5")
        #expect(reference.priceSource?.catalogVersion == "litellm-1.109.1")
        #expect(reference.priceSource == (try estimate(advisor, model: "claude-sonnet-4-5")).priceSource)
        #expect(try check("GPT-4o").priceSource?.rule == "caseInsensitive")
        #expect(try check(nil).priceSource == nil)
    }

    @Test func theMakersPriceBeatsACloudRegionsAndTheReplyNamesTheEntry() throws {
        let advisor = Self.service(reference: try Self.reference())
        try advisor.use(catalogAt: try Self.curated(version: "2026-11-20"))
        let result = try estimate(advisor, model: "anthropic.claude-sonnet-4-5-20250929-v1:0")
        #expect(result.priceSource?.entry == "claude-sonnet-4-5" && result.priceSource?.rule == "firstParty")
        #expect(result.model.id == "claude-sonnet-4-5")
        #expect(result.warnings.contains { $0.message.contains("\"claude-sonnet-4-5\", the model maker's own entry") })
    }

    @Test func anUnknownNameIsInvalidParamsWithSuggestions() throws {
        let advisor = Self.service(reference: try Self.reference())
        try advisor.use(catalogAt: try Self.curated(version: "2026-11-20"))
        do throws(JSONRPCError) {
            _ = try estimate(advisor, model: "claude-sonet-4-5")
            Issue.record("an unknown name was priced")
        } catch {
            #expect(error.code == .invalidParams)
            #expect(error.field == "params.model")
            #expect(error.details["model"] == "claude-sonet-4-5")
            #expect(error.details["suggestions"]?.hasPrefix("claude-sonnet-4-5") == true)
            #expect(error.message.contains("did you mean \"claude-sonnet-4-5\""))
        }
    }

    @Test func aModelWithoutAContextWindowIsPricedAndTheSkippedFitCheckIsSaid() throws {
        let advisor = Self.service(reference: try Self.reference())
        try advisor.use(catalogAt: try Self.curated(version: "2026-11-20"))
        let result = try estimate(advisor, model: "azure/eu/gpt-4.1")
        #expect(result.noFit == nil)
        #expect(result.warnings.contains { $0.message.contains("context window is unknown") })
        // The reply says the window is unknown (null), never the internal stand-in 2^40.
        #expect(result.model.contextWindow == nil)
        let listed = try AdvisorMethods.models(ModelsParams(search: "gpt-4.1"), advisor: advisor)
        #expect(listed.models.first { $0.id == "azure/eu/gpt-4.1" }?.contextWindow == nil)
    }

    @Test func zeroPricedModelsAreRecommendedOnlyWhenAllowed() throws {
        let advisor = Self.service()
        try advisor.use(catalogAt: try Self.write("""
            {"version": "v1", "models": [
              {"id": "free", "provider": "p", "tier": "economy", "tokenizer": "o200k_base", "contextWindow": 100000,
               "inputPerMillion": 0, "outputPerMillion": 0},
              {"id": "paid", "provider": "p", "tier": "economy", "tokenizer": "o200k_base", "contextWindow": 100000,
               "inputPerMillion": 0.1, "outputPerMillion": 0.4}]}
            """))
        var params = EstimateParams(EstimateRequest(input: .prompt("Say hi."), expectedOutputTokens: 5))
        params.request.constraints = try RoutingConstraints(maxTier: .economy)
        #expect(try AdvisorMethods.estimate(params, advisor: advisor).model.id == "paid")
        params.request.constraints.allowZeroPriced = true
        #expect(try AdvisorMethods.estimate(params, advisor: advisor).model.id == "free")
        // Named, it is priced (at zero).
        #expect(try estimate(advisor, model: "free").cost.credits.value == 0)
    }

    // MARK: the converter and overrides

    @Test func theConverterRoundTripsLiteLLMEntries() throws {
        let fixture = """
            {"gpt-4o-mini": {"litellm_provider": "openai", "mode": "chat", "max_input_tokens": 128000,
               "max_output_tokens": 16384, "input_cost_per_token": 1.5e-07, "output_cost_per_token": 6e-07,
               "cache_read_input_token_cost": 7.5e-08, "input_cost_per_token_batches": 7.5e-08,
               "output_cost_per_token_batches": 3e-07},
             "gemini/gemini-2.5-pro": {"litellm_provider": "gemini", "mode": "chat", "max_input_tokens": 1048576,
               "input_cost_per_token": 1.25e-06, "output_cost_per_token": 1e-05,
               "input_cost_per_token_above_200k_tokens": 2.5e-06, "output_cost_per_token_above_200k_tokens": 1.5e-05,
               "supports_reasoning": true},
             "azure/eu/gpt-4.1": {"litellm_provider": "azure", "mode": "chat", "input_cost_per_token": 2.2e-06,
               "output_cost_per_token": 8.8e-06},
             "dashscope/qwen-flash": {"litellm_provider": "dashscope", "mode": "chat", "max_input_tokens": 997952,
               "tiered_pricing": [
                 {"range": [0, 256000], "input_cost_per_token": 5e-08, "output_cost_per_token": 4e-07},
                 {"range": [256000, 1000000], "input_cost_per_token": 2.5e-07, "output_cost_per_token": 2e-06,
                  "cache_read_input_token_cost": 5e-08}]}}
            """
        let litellm = try CatalogDecoder.decode(bytes: Array(fixture.utf8), file: "litellm.json",
                                                liteLLMVersion: "1.109.1", asOf: CalendarDay("2026-11-20"))
        let text = ReferenceCatalogWriter.text(of: litellm.catalog, version: "litellm-1.109.1",
                                               pricesAsOf: CalendarDay("2026-11-20"), source: "test")
        let back = try CatalogDecoder.decode(bytes: Array(text.utf8), file: "reference.json")
        #expect(back.layer == .reference)
        #expect(back.catalog.version == "litellm-1.109.1" && back.catalog.pricesAsOf == CalendarDay("2026-11-20"))
        #expect(back.catalog.models == litellm.catalog.models)
        #expect(back.catalog.model(id: "azure/eu/gpt-4.1")?.contextWindowIsKnown == false)
        // Input-size tiers survive the converter (the writer once left them out).
        #expect(back.catalog.model(id: "dashscope/qwen-flash")?.tieredPricing?.tiers.count == 2)
    }

    @Test func anOverrideCorrectsOnePriceAndABadOneIsReportedAtItsPosition() throws {
        let overrides = try Self.write(#"{"models": [{"id": "claude-sonnet-4-5", "inputPerMillion": 2.75, "note": "test"}]}"#,
                                       name: "overrides.json")
        let advisor = Self.service(reference: try Self.reference(), overrides: overrides)
        try advisor.use(catalogAt: try Self.curated(version: "2026-11-20"))
        let result = try estimate(advisor, model: "claude-sonnet-4-5")
        #expect(advisor.referenceIndex?.catalog.model(id: "claude-sonnet-4-5")?.inputPerMillion == Decimal(string: "2.75"))
        #expect(advisor.referenceIndex?.catalog.model(id: "claude-sonnet-4-5")?.outputPerMillion == 15)
        #expect(result.priceSource?.layer == .reference)

        let bad = try Self.write("{\"models\": [\n  {\"id\": \"claude-sonet-4-5\", \"inputPerMillion\": 2.75}]}", name: "overrides.json")
        let broken = Self.service(reference: try Self.reference(), overrides: bad)
        try broken.use(catalogAt: try Self.curated(version: "2026-11-20"))
        let unchanged = try estimate(broken, model: "claude-sonnet-4-5")
        #expect(broken.referenceIndex?.catalog.model(id: "claude-sonnet-4-5")?.inputPerMillion == 3)
        let note = try #require(unchanged.warnings.first { $0.message.contains("price overrides were not applied") })
        #expect(note.message.contains("\(bad):2:"), "\(note.message)")
        #expect(note.message.contains("models[0].id"))
    }

    // MARK: listing

    @Test func modelsPagesAndFiltersWithATotal() throws {
        let advisor = Self.service(reference: try Self.reference())
        try advisor.use(catalogAt: try Self.curated(version: "2026-11-20"))
        let curated = try AdvisorMethods.models(ModelsParams(), advisor: advisor)
        #expect(curated.models.map(\.id) == ["gpt-4o", "cheap"] && curated.total == 2)
        #expect(curated.layers.map(\.layer) == [.curated, .reference], "every listing gives each layer's age")
        let all = try AdvisorMethods.models(ModelsParams(layer: .all, limit: 2, offset: 1), advisor: advisor)
        // gpt-4o is listed once, from the curated layer.
        #expect(all.total == 2 + 4 && all.models.map(\.id) == ["cheap", "claude-sonnet-4-5"])
        #expect(all.models.map(\.layer) == [.curated, .reference])
        #expect(all.layers.map(\.layer) == [.curated, .reference])
        #expect(all.layers.last?.version == "litellm-1.109.1" && all.layers.last?.ageInDays == 1)
        let search = try AdvisorMethods.models(ModelsParams(search: "Claude-Sonnet-4.5"), advisor: advisor)
        #expect(search.models.map(\.id) == ["claude-sonnet-4-5", "eu.anthropic.claude-sonnet-4-5-20250929-v1:0"])
        let provider = try AdvisorMethods.models(ModelsParams(provider: "Azure", layer: .reference), advisor: advisor)
        #expect(provider.models.map(\.id) == ["azure/eu/gpt-4.1"])
        let tier = try AdvisorMethods.models(ModelsParams(tier: .economy), advisor: advisor)
        #expect(tier.models.map(\.id) == ["cheap"])
    }

    @Test func modelsParamsRefuseABadPage() throws {
        let session = try runSession([
            AdvisorFixtures.initialize(catalog: try AdvisorFixtures.freshCatalog()),
            AdvisorFixtures.request(1, "preflight/models", #"{"limit":0}"#),
            AdvisorFixtures.request(2, "preflight/models", #"{"offset":-1}"#),
            AdvisorFixtures.request(3, "preflight/models", #"{"layer":"everything"}"#),
            AdvisorFixtures.request(4, "preflight/models", #"{"limit":1,"offset":1}"#),
        ])
        #expect(session.messages[1].errorField == "params.limit")
        #expect(session.messages[2].errorField == "params.offset")
        #expect(session.messages[3].errorField == "params.layer")
        let page = try session.messages[4].decodedResult(ModelsResult.self)
        #expect(page.models.map(\.id) == ["cheap"] && page.total == 5 && page.limit == 1 && page.offset == 1)
    }

    // MARK: a broken reload keeps the catalog in use

    @Test func aBrokenCatalogInInitializeKeepsThePreviousOne() throws {
        let good = try AdvisorFixtures.freshCatalog()
        let bad = try AdvisorFixtures.negativePriceCatalog()
        let session = try runSession([
            AdvisorFixtures.initialize(catalog: bad),
            AdvisorFixtures.initialize(catalog: good),
            AdvisorFixtures.request(1, "preflight/models", "{}"),
        ])
        let refused = session.messages[0]
        #expect(refused.errorCode == -32602 && refused.errorField == "params.initializationOptions.catalogPath")
        #expect(refused.error?.data?["catalogField"] == "inputPerMillion")
        #expect(refused.error?.data?["file"] == bad)
        #expect(session.messages[1].errorCode == nil)
        #expect(try session.messages[2].decodedResult(ModelsResult.self).catalog.source == "end-to-end fixture")
    }

    @Test func aBrokenCatalogInASettingsChangeKeepsTheCatalogInUse() throws {
        let good = try AdvisorFixtures.freshCatalog()
        let bad = try AdvisorFixtures.negativePriceCatalog()
        let server = ServerHarness()
        server.sendLine(AdvisorFixtures.initialize(catalog: good))
        server.sendLine(initializedLine)
        server.sendLine(#"{"jsonrpc":"2.0","method":"workspace/didChangeConfiguration","params":{"settings":{"preflight":{"catalogPath":"\#(bad)"}}}}"#)
        let warning = try #require(server.waitForMessage { $0["method"]?.stringValue == "window/showMessage" })
        let message = warning["params"]?["message"]?.stringValue ?? ""
        #expect(message.contains("cannot load \(bad)") && message.contains("keeping the catalog in use"), "\(message)")
        server.sendLine(AdvisorFixtures.request(9, "preflight/models", "{}"))
        let models = try #require(server.waitForMessage { $0.idNumber == 9 }).decodedResult(ModelsResult.self)
        #expect(models.catalog.source == "end-to-end fixture" && models.catalog.models == 5)
        server.closeInput()
        server.waitForExit()
    }
}
