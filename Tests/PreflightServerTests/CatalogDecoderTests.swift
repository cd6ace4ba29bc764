import Advisor
import Foundation
import Testing
import Tokenizers
@testable import PreflightServer

private func d(_ text: String) -> Decimal { Decimal(string: text, locale: nil)! }

/// Writes `text` to a fresh temporary file and returns its path.
private func temporaryFile(_ text: String, name: String = "catalog.json") throws -> String {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("preflight-catalog-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let url = directory.appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
}

private func loadError(_ text: String) throws -> CatalogLoadError? {
    let path = try temporaryFile(text)
    do throws(CatalogLoadError) {
        _ = try CatalogDecoder.load(path: path)
        return nil
    } catch {
        #expect(error.file == path)
        return error
    }
}

/// A valid one-model catalog in the bundled format, with `model` spliced in as the model's fields.
private func catalogText(model: String = "", extraModels: String = "") -> String {
    """
    {"version": "2026-11-20", "currency": "USD",
     "tiers": [{"name": "economy", "maxPer1K": 0.001}, {"name": "standard", "maxPer1K": 0.01},
               {"name": "premium", "maxPer1K": 0.15}, {"name": "frontier"}],
     "models": [
      {"id": "m1", "provider": "openai", "tier": "economy", "tokenizer": "o200k_base",
       "contextWindow": 128000, "maxOutputTokens": 16384,
       "inputPerMillion": 0.15, "outputPerMillion": 0.6\(model)}\(extraModels)
     ]}
    """
}

@Suite struct CatalogDecoderTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../..").standardizedFileURL.path
    static let reference = "\(repository)/../shared/reference/litellm-model-prices.json"

    @Test func bundledCatalogLoadsWithExactPrices() throws {
        let result = try CatalogDecoder.load(path: "\(CatalogDecoderTests.repository)/models/catalog.json")
        let catalog = result.catalog
        #expect(result.format == .preflight)
        #expect(catalog.pricesAsOf == CalendarDay("2026-11-20"))
        #expect(catalog.models.count >= 40)
        #expect(catalog.models.allSatisfy { $0.tier != nil })
        let mini = try #require(catalog.model(id: "gpt-4o-mini"))
        #expect(mini.inputPerMillion == d("0.15"))
        #expect(mini.outputPerMillion == d("0.6"))
        #expect(mini.cachedInputPerMillion == d("0.075"))
        #expect(mini.serviceTiers[.batch]?.inputPerMillion == d("0.075"))
        let gpt54 = try #require(catalog.model(id: "gpt-5.4"))
        #expect(gpt54.longContext?.above == 272_000)
        #expect(gpt54.serviceTiers[.flex]?.longContext?.outputPerMillion == d("11.25"))
        #expect(try #require(catalog.model(id: "deepseek-v4-pro")).cacheWritePerMillion == 0)
    }

    @Test func truncatedJSONGivesJanssonsPosition() throws {
        let text = catalogText()
        let error = try #require(try loadError(String(text.prefix(text.count - 20))))
        #expect(error.message.hasPrefix("invalid JSON"))
        #expect(error.line != nil && error.column != nil)
        #expect(error.modelID == nil)
    }

    @Test func negativePriceNamesModelFieldAndLine() throws {
        let error = try #require(try loadError(catalogText(model: ",\n \"cachedInputPerMillion\": -0.075")))
        #expect(error.modelID == "m1")
        #expect(error.field == "cachedInputPerMillion")
        #expect(error.message.contains("negative"))
        #expect(error.line == 8 && error.column == 2)   // the line holding the bad field
        #expect(error.description.contains(":8:2: model \"m1\", field \"cachedInputPerMillion\""))
    }

    @Test func unknownTierIsRejected() throws {
        let text = catalogText().replacingOccurrences(of: "\"tier\": \"economy\"", with: "\"tier\": \"ultra\"")
        let error = try #require(try loadError(text))
        #expect(error.modelID == "m1")
        #expect(error.field == "tier")
        #expect(error.message.contains("ultra"))
    }

    @Test func duplicateIDIsRejected() throws {
        let second = #",{"id": "m1", "provider": "x", "tokenizer": "claude", "contextWindow": 1000, "inputPerMillion": 1, "outputPerMillion": 2}"#
        let error = try #require(try loadError(catalogText(extraModels: second)))
        #expect(error.modelID == "m1")
        #expect(error.field == "id")
        #expect(error.message.contains("duplicate"))
    }

    @Test func missingFieldIsNamed() throws {
        let text = catalogText().replacingOccurrences(of: ", \"outputPerMillion\": 0.6", with: "")
        let error = try #require(try loadError(text))
        #expect(error.modelID == "m1")
        #expect(error.field == "outputPerMillion")
        #expect(error.message.contains("missing"))
        let noVersion = try #require(try loadError(catalogText().replacingOccurrences(of: "\"version\": \"2026-11-20\", ", with: "")))
        #expect(noVersion.field == "version")
        let badType = try #require(try loadError(catalogText().replacingOccurrences(of: "128000", with: "\"big\"")))
        #expect(badType.field == "contextWindow")
    }

    // MARK: Faults found probing as a new user (issue 12)

    @Test func anEmptyModelsArrayIsRefusedAtLoad() throws {
        let text = "{\"version\": \"2026-11-20\",\n \"models\": []}"
        let error = try #require(try loadError(text))
        #expect(error.field == "models")
        #expect(error.message.contains("at least one model"))
        #expect(error.line == 2 && error.column == 2)
        let liteLLM = #"{"e": {"litellm_provider": "openai", "mode": "embedding", "input_cost_per_token": 1e-08}}"#
        let noChat = try #require(try loadError(liteLLM))
        #expect(noChat.message.contains("no usable model"))
    }

    @Test func aDuplicateIDIsReportedAtItsSecondOccurrence() throws {
        let second = "," + "\n" + #"  {"id": "m1", "provider": "x", "tokenizer": "claude", "contextWindow": 1000, "inputPerMillion": 1, "outputPerMillion": 2}"#
        let error = try #require(try loadError(catalogText(extraModels: second)))
        #expect(error.modelID == "m1")
        #expect(error.field == "id")
        #expect(error.line == 8 && error.column == 4, "\(error)")   // the second entry's "id"
    }

    @Test func aFaultInADuplicateIsReportedInThatEntry() throws {
        let second = "," + "\n" + #"  {"id": "m1", "provider": "x", "tokenizer": "claude", "contextWindow": 1000, "inputPerMillion": -1, "outputPerMillion": 2}"#
        let error = try #require(try loadError(catalogText(extraModels: second)))
        #expect(error.field == "inputPerMillion")
        #expect(error.line == 8, "\(error)")
    }

    @Test func aMissingTopLevelFieldIsReportedAtTheTopLevel() throws {
        // A model has a member of the same name: the error must not point there.
        let text = catalogText(model: ",\n \"version\": \"2\"").replacingOccurrences(of: "\"version\": \"2026-11-20\", ", with: "")
        let error = try #require(try loadError(text))
        #expect(error.field == "version")
        #expect(error.modelID == nil)
        #expect(error.line == 1 && error.column == 1, "\(error)")
    }

    @Test func aMissingModelFieldIsReportedAtThatModelsEntry() throws {
        let next = "," + "\n" + #"  {"id": "m2", "provider": "x", "tokenizer": "claude", "contextWindow": 1000, "inputPerMillion": 1, "outputPerMillion": 2}"#
        let text = catalogText(extraModels: next).replacingOccurrences(of: ", \"outputPerMillion\": 0.6", with: "")
        let error = try #require(try loadError(text))
        #expect(error.modelID == "m1" && error.field == "outputPerMillion")
        #expect(error.line == 5 && error.column == 3, "\(error)")   // m1's "{", not m2's outputPerMillion
    }

    @Test func anUnknownTokenizerIsRefusedWithTheKnownNames() throws {
        let error = try #require(try loadError(catalogText().replacingOccurrences(of: "\"o200k_base\"", with: "\"gpt2\"")))
        #expect(error.modelID == "m1" && error.field == "tokenizer")
        #expect(error.message.contains("unknown tokenizer \"gpt2\""))
        #expect(error.message.contains("o200k_base") && error.message.contains("claude") && error.message.contains("estimator"))
        let typo = try #require(try loadError(catalogText().replacingOccurrences(of: "\"o200k_base\"", with: "\"o200k\"")))
        #expect(typo.message.contains(#"did you mean "o200k_base"?"#))
        #expect(typo.line == 5, "\(typo)")
        // The estimated families and the estimator itself are names a catalog may use.
        for name in ["claude", "gemini", "llama", "mistral", "deepseek", "grok", "qwen", "kimi", "estimator", "cl100k_base"] {
            #expect(try loadError(catalogText().replacingOccurrences(of: "\"o200k_base\"", with: "\"\(name)\"")) == nil, "\(name)")
        }
    }

    @Test func aMemberGivenTwiceIsRefusedAtTheSecond() throws {
        // Jansson would keep the last price in silence.
        let error = try #require(try loadError(catalogText(model: ",\n \"inputPerMillion\": 15")))
        #expect(error.message.contains("duplicate object key"), "\(error)")
        #expect(error.line == 8, "\(error)")
    }

    @Test func aByteOrderMarkIsSkipped() throws {
        let result = try CatalogDecoder.decode(bytes: [0xEF, 0xBB, 0xBF] + Array(catalogText().utf8), file: "bom.json")
        #expect(result.catalog.models.map(\.id) == ["m1"])
        // Positions are the ones an editor shows (the mark is not a character).
        let error = try #require(try loadError("\u{FEFF}" + catalogText(model: ",\n \"cachedInputPerMillion\": -0.075")))
        #expect(error.line == 8 && error.column == 2, "\(error)")
    }

    @Test func aFailedLoadKeepsThePreviousCatalog() throws {
        let store = CatalogStore()
        let good = try temporaryFile(catalogText())
        try store.load(path: good)
        let before = try #require(store.current)
        let bad = try temporaryFile(catalogText(model: ", \"inputPerMillion\": -1"))
        #expect(throws: CatalogLoadError.self) { try store.load(path: bad) }
        #expect(store.current == before)
        #expect(store.currentPath == good)
        #expect(throws: CatalogLoadError.self) { try store.load(path: "/nonexistent/catalog.json") }
        #expect(store.current == before)
    }

    @Test func liteLLMFileLoadsAsIs() throws {
        let fixture = """
        {
          "sample_spec": {"mode": "one of: chat, embedding", "litellm_provider": "x", "input_cost_per_token": 0.0},
          "gpt-4o-mini": {"litellm_provider": "openai", "mode": "chat", "max_input_tokens": 128000,
            "max_output_tokens": 16384, "input_cost_per_token": 1.5e-07, "output_cost_per_token": 6e-07,
            "cache_read_input_token_cost": 7.5e-08, "input_cost_per_token_batches": 7.5e-08,
            "output_cost_per_token_batches": 3e-07},
          "gemini/gemini-2.5-pro": {"litellm_provider": "gemini", "mode": "chat", "max_input_tokens": 1048576,
            "max_output_tokens": 65536, "input_cost_per_token": 1.25e-06, "output_cost_per_token": 1e-05,
            "input_cost_per_token_above_200k_tokens": 2.5e-06, "output_cost_per_token_above_200k_tokens": 1.5e-05,
            "supports_reasoning": true},
          "gpt-4": {"litellm_provider": "openai", "mode": "chat", "max_tokens": 8192,
            "input_cost_per_token": 3e-05, "output_cost_per_token": 6e-05},
          "claude-opus-4-7": {"litellm_provider": "anthropic", "mode": "chat", "max_input_tokens": 1000000,
            "input_cost_per_token": 5e-06, "output_cost_per_token": 2.5e-05,
            "cache_creation_input_token_cost": 6.25e-06, "cache_read_input_token_cost": 5e-07},
          "text-embedding-3-small": {"litellm_provider": "openai", "mode": "embedding", "input_cost_per_token": 2e-08},
          "per-second-model": {"litellm_provider": "x", "mode": "chat", "max_input_tokens": 1000, "input_cost_per_second": 0.01},
          "no-context": {"litellm_provider": "together_ai", "mode": "chat", "input_cost_per_token": 1e-07,
            "output_cost_per_token": 1e-07}
        }
        """
        let result = try CatalogDecoder.decode(bytes: Array(fixture.utf8), file: "fixture.json",
                                               liteLLMVersion: "1.109.1", asOf: CalendarDay("2026-11-01")!)
        #expect(result.format == .litellm)
        // The version and date are the ones given, never the file's modification time.
        #expect(result.catalog.version == "litellm-1.109.1")
        #expect(result.catalog.pricesAsOf == CalendarDay("2026-11-01"))
        #expect(Set(result.catalog.models.map(\.id)) == ["gpt-4o-mini", "gemini/gemini-2.5-pro", "gpt-4", "claude-opus-4-7",
                                                         "no-context"])
        #expect(result.skipped == ["no input/output price per token": 1])
        // An entry without a context window loads with the window unknown.
        let noContext = try #require(result.catalog.model(id: "no-context"))
        #expect(!noContext.contextWindowIsKnown)
        #expect(noContext.contextWindow == CatalogModel.unknownContextWindow)
        let catalog = result.catalog
        let mini = try #require(catalog.model(id: "gpt-4o-mini"))
        #expect(mini.inputPerMillion == d("0.15") && mini.outputPerMillion == d("0.6"))
        #expect(mini.cachedInputPerMillion == d("0.075"))
        #expect(mini.serviceTiers[.batch] == ServiceTierPricing(inputPerMillion: d("0.075"), outputPerMillion: d("0.3")))
        #expect(mini.tokenizer == "o200k_base")
        #expect(mini.tier == nil)
        #expect(catalog.tier(of: mini) == .economy)          // blended (3 × 0.15 + 0.6) / 4 / 1000 = 0.0002625
        let gemini = try #require(catalog.model(id: "gemini/gemini-2.5-pro"))
        #expect(gemini.longContext == LongContextPricing(above: 200_000, inputPerMillion: d("2.5"), outputPerMillion: d("15")))
        #expect(gemini.reasoning && gemini.tokenizer == "gemini")
        #expect(catalog.tier(of: gemini) == .standard)        // (3.75 + 10) / 4 / 1000 = 0.0034375
        let gpt4 = try #require(catalog.model(id: "gpt-4"))
        #expect(gpt4.contextWindow == 8192 && gpt4.tokenizer == "cl100k_base")
        #expect(catalog.tier(of: gpt4) == .premium)           // (90 + 60) / 4 / 1000 = 0.0375
        let opus = try #require(catalog.model(id: "claude-opus-4-7"))
        #expect(opus.tokenizer == "claude-4.7" && opus.cacheWritePerMillion == d("6.25"))  // Opus 4.7's new tokenizer
    }

    @Test func liteLLMTieredPricingPricesTheEntry() throws {
        // dashscope/qwen-flash is priced only by tiers (it used to be skipped); opencode_go's
        // entries have flat prices too, which the tiers override (they used to be priced flat).
        let fixture = """
        {
          "dashscope/qwen-flash": {"litellm_provider": "dashscope", "mode": "chat", "max_input_tokens": 997952,
            "supports_reasoning": true,
            "tiered_pricing": [
              {"input_cost_per_token": 2.5e-07, "output_cost_per_token": 2e-06, "range": [256000.0, 1000000.0]},
              {"input_cost_per_token": 5e-08, "output_cost_per_token": 4e-07, "range": [0, 256000.0]},
              {"input_cost_per_query": 0.01, "range": [1000000.0, 2000000.0]},
              {"input_cost_per_token": 9e-06}
            ]},
          "opencode_go/grok-4.7": {"litellm_provider": "opencode_go", "mode": "responses", "max_input_tokens": 500000,
            "input_cost_per_token": 2e-06, "output_cost_per_token": 6e-06, "cache_read_input_token_cost": 5e-07,
            "tiered_pricing": [
              {"range": [0, 200000], "input_cost_per_token": 2e-06, "output_cost_per_token": 6e-06,
               "cache_read_input_token_cost": 5e-07},
              {"range": [200000, 500000], "input_cost_per_token": 4e-06, "output_cost_per_token": 1.2e-05,
               "cache_read_input_token_cost": 1e-06}
            ]}
        }
        """
        let result = try CatalogDecoder.decode(bytes: Array(fixture.utf8), file: "fixture.json",
                                               asOf: CalendarDay("2026-11-01")!)
        #expect(result.skipped.isEmpty)
        let flash = try #require(result.catalog.model(id: "dashscope/qwen-flash"))
        // Headline prices are the first tier's; the tiers without a range or an input price per
        // token are left out, as LiteLLM leaves them.
        #expect(flash.inputPerMillion == d("0.05") && flash.outputPerMillion == d("0.4"))
        let tiers = try #require(flash.tieredPricing).tiers
        #expect(tiers.map(\.above) == [0, 256_000] && tiers.map(\.upTo) == [256_000, 1_000_000])
        let costs = CostModel()
        let small = try costs.price(TokenUsage(input: 256_000, output: 1_000), on: flash)
        #expect(small.credits == d("0.0132"))            // 256,000 × 0.05 + 1,000 × 0.4, per million
        let large = try costs.price(TokenUsage(input: 256_001, output: 1_000), on: flash)
        #expect(large.credits == d("0.06600025"))        // 256,001 × 0.25 + 1,000 × 2
        let grok = try #require(result.catalog.model(id: "opencode_go/grok-4.7"))
        let above = try costs.price(TokenUsage(input: 300_000, cachedInput: 100_000, output: 10_000), on: grok)
        #expect(above.input == d("0.8") && above.cachedInput == d("0.1") && above.output == d("0.12"))
    }

    @Test func liteLLMTieredPricingWithABadRangeNamesTheTier() throws {
        let fixture = #"{"m": {"litellm_provider": "dashscope", "mode": "chat", "max_input_tokens": 10, "tiered_pricing": [{"range": [0, 5], "input_cost_per_token": 1e-06}, {"range": [8, 6], "input_cost_per_token": 2e-06}]}}"#
        let error = try #require(try loadError(fixture))
        #expect(error.modelID == "m")
        #expect(error.field == "tiered_pricing[1].range")
        #expect(error.line == 1 && error.column != nil)
    }

    @Test func preflightCatalogTieredPricing() throws {
        let tiers = """
        ,
               "tieredPricing": [
                 {"above": 0, "upTo": 32000, "inputPerMillion": 1, "outputPerMillion": 5, "cachedInputPerMillion": 0.2},
                 {"above": 32000, "upTo": 128000, "inputPerMillion": 1.8, "outputPerMillion": 9}
               ]
        """
        let path = try temporaryFile(catalogText(model: tiers))
        let model = try #require(try CatalogDecoder.load(path: path).catalog.model(id: "m1"))
        #expect(model.inputPerMillion == d("0.15"))      // the flat prices given stay the headline
        let table = try #require(model.tieredPricing)
        #expect(table.tiers == [
            InputSizeTier(above: 0, upTo: 32_000, inputPerMillion: 1, outputPerMillion: 5, cachedInputPerMillion: d("0.2")),
            InputSizeTier(above: 32_000, upTo: 128_000, inputPerMillion: d("1.8"), outputPerMillion: 9),
        ])
        #expect(try CostModel().price(TokenUsage(input: 32_001, output: 0), on: model).credits == d("0.0576018"))
        // Without flat prices the first tier's are the headline.
        let tieredOnly = """
        {"version": "2026-11-20", "models": [
          {"id": "q", "provider": "dashscope", "tokenizer": "qwen", "contextWindow": 1000000,
           "tieredPricing": [{"above": 0, "upTo": 256000, "inputPerMillion": 0.05, "outputPerMillion": 0.4}]}]}
        """
        let q = try #require(try CatalogDecoder.load(path: try temporaryFile(tieredOnly)).catalog.model(id: "q"))
        #expect(q.inputPerMillion == d("0.05") && q.outputPerMillion == d("0.4"))
    }

    @Test func preflightCatalogTieredPricingErrorsNameTheFieldAndPosition() throws {
        func error(_ tiers: String) throws -> CatalogLoadError {
            try #require(try loadError(catalogText(model: ",\n \"tieredPricing\": \(tiers)")))
        }
        let overlap = try error(#"[{"above": 0, "upTo": 100, "inputPerMillion": 1},\#n {"above": 50, "upTo": 200, "inputPerMillion": 2}]"#)
        #expect(overlap.modelID == "m1" && overlap.field == "tieredPricing[1].above")
        #expect(overlap.message.contains("overlaps"))
        #expect(overlap.line == 9 && overlap.column == 3)
        let negative = try error(#"[{"above": 0, "upTo": 100, "inputPerMillion": -1}]"#)
        #expect(negative.field == "tieredPricing[0].inputPerMillion" && negative.message.contains("negative"))
        #expect(negative.line == 8)
        let missing = try error(#"[{"above": 0, "inputPerMillion": 1}]"#)
        #expect(missing.field == "tieredPricing[0].upTo" && missing.message.contains("missing"))
        let empty = try error("[]")
        #expect(empty.field == "tieredPricing" && empty.line == 8)
        let inverted = try error(#"[{"above": 100, "upTo": 100, "inputPerMillion": 1}]"#)
        #expect(inverted.field == "tieredPricing[0].upTo")
        let notArray = try error(#"{"above": 0}"#)
        #expect(notArray.field == "tieredPricing" && notArray.message.contains("array"))
    }

    @Test func liteLLMNegativePriceIsAnError() throws {
        let fixture = #"{"m": {"litellm_provider": "openai", "mode": "chat", "max_input_tokens": 10, "input_cost_per_token": -1e-06, "output_cost_per_token": 1e-06}}"#
        let path = try temporaryFile(fixture)
        let error = #expect(throws: CatalogLoadError.self) { try CatalogDecoder.load(path: path) }
        #expect(error?.modelID == "m")
        #expect(error?.field == "input_cost_per_token")
    }

    @Test func unrecognisedShapeIsAnError() throws {
        let error = try #require(try loadError(#"{"hello": "world"}"#))
        #expect(error.field == "models")
    }

    @Test func tokenizerInference() {
        let cases: [(String, String, String)] = [
            ("openai", "gpt-4o", "o200k_base"), ("openai", "gpt-4.1-mini", "o200k_base"), ("openai", "o3-mini", "o200k_base"),
            ("openai", "o1", "o200k_base"), ("openai", "gpt-5.4", "o200k_base"), ("groq", "groq/openai/gpt-oss-20b", "o200k_base"),
            ("openai", "gpt-4-turbo", "cl100k_base"), ("openai", "gpt-3.5-turbo", "cl100k_base"),
            ("azure", "azure/gpt-35-turbo", "cl100k_base"), ("bedrock", "anthropic.claude-3-haiku", "claude"),
            ("vertex_ai", "gemini-2.5-pro", "gemini"), ("together_ai", "together_ai/meta-llama/Llama-3.3-70B", "llama"),
            ("mistral", "mistral/codestral-2508", "mistral"), ("xai", "xai/grok-4", "grok"),
            ("fireworks_ai", "accounts/fireworks/models/qwen3-8b", "qwen2"), ("dashscope", "dashscope/qwen3.6-plus", "qwen3.5"),
            ("dashscope", "dashscope/qwen-long", "qwen"), ("deepseek", "deepseek/deepseek-v4-pro", "deepseek-v4"),
            ("deepseek", "deepseek/deepseek-chat", "deepseek"), ("mistral", "mistral/pixtral-large-2411", "tekken"),
            ("anthropic", "claude-opus-4-7", "claude-4.7"), ("anthropic", "claude-sonnet-4-6", "claude"),
            ("ollama", "ollama/mistral-7B-Instruct-v0.2", "mistral"), ("qwen_ai_platform", "qwencloud/kimi-k2.7-code", "kimi"),
            ("dashscope", "dashscope/glm-5.1", "estimator"), ("qwen_ai_platform", "qwencloud/glm-5.1", "estimator"),
            ("ollama", "ollama/llama2:13b", "estimator"),
            ("cohere", "command-r", "estimator"),
            ("openrouter", "openrouter/some/omni-model", "estimator"),
        ]
        for (provider, name, expected) in cases {
            #expect(TokenizerInference.tokenizer(provider: provider, model: name) == TokenizerID(expected), "\(name)")
        }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: CatalogDecoderTests.reference),
                   "skipped: ../shared/reference/litellm-model-prices.json is not beside the checkout"))
    func fullLiteLLMReferenceLoads() throws {
        let result = try CatalogDecoder.load(path: CatalogDecoderTests.reference)
        #expect(result.format == .litellm)
        #expect(result.catalog.models.count > 3_000)
        let skipped = result.skipped.values.reduce(0, +)
        #expect(result.catalog.models.count + skipped == 3_468)  // every chat/responses entry is either a model or counted
        let mini = try #require(result.catalog.model(id: "gpt-4o-mini"))
        #expect(mini.inputPerMillion == d("0.15"))
        #expect(mini.tokenizer == "o200k_base")
        #expect(try #require(result.catalog.model(id: "claude-sonnet-4-6")).tokenizer == "claude")
        for tier in Tier.allCases { #expect(!result.catalog.models(in: tier).isEmpty, "\(tier)") }
    }
}
