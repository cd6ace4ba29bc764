import Advisor
import Foundation
import Testing
import Tokenizers

/// The naming rules of docs/CATALOG.md, one test per rule, over two small layers shaped like the
/// real ones (a curated catalog and LiteLLM-keyed reference entries).
@Suite struct ModelNameResolverTests {
    static func model(_ id: String, _ provider: String, input: String, output: String = "10",
                      context: Int = 200_000) -> CatalogModel {
        CatalogModel(id: id, provider: provider, tier: nil, tokenizer: "o200k_base", contextWindow: context,
                     maxOutputTokens: nil, inputPerMillion: Decimal(string: input)!, outputPerMillion: Decimal(string: output)!)
    }

    static let curated = ModelNameIndex(catalog: try! Catalog(version: "acme-v3", pricesAsOf: nil, source: "curated", models: [
        model("gpt-4o", "openai", input: "2.5"),
        model("claude-haiku-4-5", "anthropic", input: "1", output: "5"),
    ]), layer: .curated)

    static let reference = ModelNameIndex(catalog: try! Catalog(version: "litellm-1.109.1", pricesAsOf: CalendarDay("2026-11-20"),
                                                                source: "reference", models: [
        model("gpt-4o", "openai", input: "2.6"),                      // curated wins over this
        model("gpt-4o-2024-05-13", "openai", input: "5", output: "15"),
        model("azure/eu/gpt-4o", "azure", input: "2.75"),
        model("claude-sonnet-4-5", "anthropic", input: "3", output: "15"),
        model("claude-sonnet-4-5-20250929", "anthropic", input: "3", output: "15"),
        model("us.anthropic.claude-sonnet-4-5-20250929-v1:0", "bedrock_converse", input: "3.3", output: "16.5"),
        model("eu.anthropic.claude-sonnet-4-5-20250929-v1:0", "bedrock_converse", input: "3.3", output: "16.5"),
        model("bedrock/us-gov-east-1/claude-sonnet-4-5-20250929-v1:0", "bedrock", input: "3.6", output: "18"),
        model("vertex_ai/claude-sonnet-4-5@20250929", "vertex_ai-anthropic_models", input: "3", output: "15"),
        model("together_ai/acme/widget-7b", "together_ai", input: "0.2"),
        model("fireworks_ai/acme/widget-7b", "fireworks_ai", input: "0.3"),
        model("deepinfra/acme/gizmo-1", "deepinfra", input: "0.1"),
        model("novita/acme/gizmo-1", "novita", input: "0.1"),
    ]), layer: .reference)

    func resolve(_ name: String) throws -> ModelResolution {
        try ModelNameResolver.resolve(name, curated: Self.curated, reference: Self.reference)
    }

    @Test func anExactCuratedIDNeedsNoReference() throws {
        let found = try #require(ModelNameResolver.resolveCurated("gpt-4o", curated: Self.curated))
        #expect(found.layer == .curated && found.rule == .exact && found.note == nil)
    }

    @Test func theCuratedPriceWinsOverTheReferenceEntryOfTheSameName() throws {
        let found = try resolve("gpt-4o")
        #expect(found.layer == .curated)
        #expect(found.model.inputPerMillion == Decimal(string: "2.5"))
    }

    @Test func caseDifferencesResolve() throws {
        let curated = try resolve("GPT-4o")
        #expect(curated.layer == .curated && curated.rule == .caseInsensitive)
        let reference = try resolve("Claude-Sonnet-4-5")
        #expect(reference.model.id == "claude-sonnet-4-5" && reference.rule == .caseInsensitive)
    }

    @Test func aProviderPrefixedIDResolvesToTheProvidersEntry() throws {
        let curated = try resolve("openai/gpt-4o")
        #expect(curated.layer == .curated && curated.rule == .providerPrefix && curated.model.id == "gpt-4o")
        let maker = try resolve("anthropic/claude-sonnet-4-5")
        #expect(maker.layer == .reference && maker.model.id == "claude-sonnet-4-5" && maker.rule == .firstParty)
    }

    @Test func aLiteLLMKeyResolvesExactly() throws {
        let found = try resolve("bedrock/us-gov-east-1/claude-sonnet-4-5-20250929-v1:0")
        #expect(found.rule == .exact && found.model.inputPerMillion == Decimal(string: "3.6"))
        #expect(try resolve("vertex_ai/claude-sonnet-4-5@20250929").rule == .exact)
    }

    @Test func aDatedSnapshotWithItsOwnEntryKeepsItsOwnPrice() throws {
        // gpt-4o-2024-05-13 costs twice gpt-4o: the snapshot is never priced as the undated model.
        let found = try resolve("gpt-4o-2024-05-13")
        #expect(found.layer == .reference && found.model.inputPerMillion == 5)
    }

    @Test func aDatedSnapshotWithoutAnEntryResolvesToTheUndatedModel() throws {
        let found = try resolve("claude-haiku-4-5-20251001")
        #expect(found.layer == .curated && found.model.id == "claude-haiku-4-5" && found.rule == .sameModel)
        #expect(found.note?.contains("\"claude-haiku-4-5\"") == true)
    }

    @Test func theMakersOwnEntryBeatsCloudRegionsAndResellers() throws {
        // Bedrock's regions charge 3.3 and 3.6; Anthropic's own price is 3.
        let found = try resolve("anthropic.claude-sonnet-4-5-20250929")
        #expect(found.rule == .firstParty)
        #expect(found.model.id == "claude-sonnet-4-5" || found.model.id == "claude-sonnet-4-5-20250929")
        #expect(found.model.inputPerMillion == 3)
        #expect(found.passedOver.contains("us.anthropic.claude-sonnet-4-5-20250929-v1:0"))
        #expect(found.note?.contains("model maker's own entry") == true)
        // OpenRouter's spelling (dots, a route the reference lacks) finds the same entry.
        #expect(try resolve("openrouter/anthropic/claude-sonnet-4.5").model.inputPerMillion == 3)
    }

    @Test func aRouteNarrowsToThatProviderEntries() throws {
        let found = try resolve("azure/gpt-4o")
        #expect(found.model.id == "azure/eu/gpt-4o" && found.rule == .sameModel)
    }

    @Test func aNameWithSeveralPricesAndNoMakersEntryIsAmbiguous() throws {
        #expect(throws: ModelNameError.ambiguous(name: "widget-7b", candidates: ["together_ai/acme/widget-7b", "fireworks_ai/acme/widget-7b"], total: 2)) {
            try resolve("widget-7b")
        }
        // A route in the name picks one.
        #expect(try resolve("fireworks_ai/widget-7b").model.id == "fireworks_ai/acme/widget-7b")
        // Several resellers at one price are one model: the first is taken, named in the reply.
        let same = try resolve("gizmo-1")
        #expect(same.rule == .sameModel && same.model.inputPerMillion == Decimal(string: "0.1"))
    }

    @Test func aRouteTheModelIsNotServedOnIsAmbiguousWhenPricesDiffer() throws {
        let error = #expect(throws: ModelNameError.self) { try resolve("bedrock/claude-sonnet-4-5") }
        guard case .ambiguous(_, let candidates, let total) = error else { Issue.record("\(String(describing: error))"); return }
        #expect(total == 3)
        #expect(candidates.allSatisfy { $0.contains("anthropic.") || $0.hasPrefix("bedrock/") })
    }

    @Test func aNearMissSuggestsUpToFiveNames() throws {
        let error = #expect(throws: ModelNameError.self) { try resolve("claude-sonet-4-5") }
        guard case .unknown(let name, let suggestions) = error else { Issue.record("\(String(describing: error))"); return }
        #expect(name == "claude-sonet-4-5")
        #expect(suggestions.first == "claude-sonnet-4-5")
        #expect(suggestions.count <= 5)
        #expect(error?.description.contains("did you mean \"claude-sonnet-4-5\"") == true)
    }

    @Test func bareNamesDropRoutesRegionsVersionsAndDates() {
        let cases = [
            ("bedrock/us-gov-east-1/anthropic.claude-sonnet-4-5-20250929-v1:0", "claude-sonnet-4-5"),
            ("us.anthropic.claude-sonnet-4-5-20250929-v1:0", "claude-sonnet-4-5"),
            ("vertex_ai/claude-sonnet-4-5@20250929", "claude-sonnet-4-5"),
            ("openrouter/anthropic/claude-sonnet-4.5", "claude-sonnet-4-5"),
            ("gpt-4o-2024-08-06", "gpt-4o"),
            ("GPT-4.1", "gpt-4-1"),
            ("gemini-2.5-pro-preview-05-06", "gemini-2-5-pro-preview-05-06"),
            ("bedrock/anthropic.claude-v2", "claude"),
            // A bare -vN is the model's own name outside Bedrock: deepseek-v2 is not a version
            // of "deepseek" (it once resolved to deepseek-v3's entry at V3's price).
            ("deepseek-v2", "deepseek-v2"),
            ("fireworks_ai/firefunction-v1", "firefunction-v1"),
            ("mistral-7b-instruct-v3", "mistral-7b-instruct-v3"),
        ]
        for (name, bare) in cases { #expect(ModelNameIndex.bareName(of: name) == bare, "\(name)") }
    }
}
