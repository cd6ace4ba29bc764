import Foundation
import Testing
import TestSupport

/// `preflight/estimate`, `preflight/check`, `preflight/models`, `countTokens`' `model` and the
/// catalog options, over stdio against the real binary.
@Suite struct AdvisorMethodTests {
    /// Runs `requests` (after `initialize`) against `serve --catalog catalog`; returns the replies
    /// to the requests (the initialize reply dropped) and stderr.
    func serve(catalog: String?, _ requests: [String], initialize: String = initializeLine)
        throws -> (replies: [[String: Any]], initialize: [String: Any], stderr: String) {
        let arguments = ["serve"] + (catalog.map { ["--catalog", $0] } ?? [])
        let session = try runSession([initialize] + requests, arguments: arguments)
        #expect(session.status == 0)
        #expect(session.messages.count == requests.count + 1)
        return (Array(session.messages.dropFirst()), session.messages.first ?? [:], session.stderr)
    }

    func estimate(_ params: String, id: Int = 1) -> String { AdvisorFixtures.request(id, "preflight/estimate", params) }
    func check(_ params: String, id: Int = 1) -> String { AdvisorFixtures.request(id, "preflight/check", params) }

    // MARK: estimate

    @Test func estimateOnARequestedModelIsPricedByTheCatalog() throws {
        let catalog = try AdvisorFixtures.freshCatalog()
        let result = try #require(try serve(catalog: catalog, [
            estimate(#"{"prompt":"Classify the sentiment of: I love it.","model":"cheap","expectedOutputTokens":500}"#),
        ]).replies.first?.result)
        let input = try #require(result.int("tokens.input"))
        #expect(input > 0)
        #expect(result.string("tokens.tokenizer") == "o200k_base")
        #expect(result.string("recommendation.model") == "cheap")
        #expect(result.string("recommendation.tier") == "economy")
        // $1 per million input tokens, $2 per million output: hand-computed from the count.
        #expect(abs(try #require(result.double("cost.input")) - Double(input) / 1_000_000) < 1e-12)
        #expect(result.double("cost.output") == 0.001)
        #expect(result.int("cost.outputTokens") == 500)
        #expect(abs(try #require(result.double("cost.credits")) - (Double(input) / 1_000_000 + 0.001)) < 1e-12)
        for part in ["cachedInput", "cacheWrite", "reasoning"] { #expect(result.double("cost.\(part)") == 0) }
        // The caller gave the output length, so there is no projection and no output spread.
        #expect(result["outputProjection"] == nil)
        #expect(result.double("cost.range.low")! <= result.double("cost.credits")!)
        #expect(result.double("cost.range.high")! >= result.double("cost.credits")!)
        let byScript = try #require(result.at("tokens.byScript") as? [String: Int])
        #expect(byScript.values.reduce(0, +) == input)
        #expect(result.string("inflation.dominantScript") == "Latin")
        #expect(result.at("complexity.score") is NSNumber)
        let tiers = try #require(result["tiers"] as? [[String: Any]])
        #expect(tiers.map { $0["tier"] as? String } == ["economy", "standard", "premium", "frontier"])
        // Each tier's cheapest model: flat (input free) beats cheap in economy.
        #expect(tiers.map { $0["model"] as? String } == ["flat", "mid", "big", "top"])
        // flat's quote is the output alone: 500 × $2 / 1M.
        #expect(tiers[0]["credits"] as? Double == 0.001)
        #expect(result.string("catalog.version") == AdvisorFixtures.today)
    }

    @Test func recommendationPricesEveryTierWithItsOwnTokenizerAndHonoursConstraints() throws {
        let catalog = try AdvisorFixtures.freshCatalog()
        let replies = try serve(catalog: catalog, [
            estimate(#"{"prompt":"Say hello.","expectedOutputTokens":10}"#, id: 1),
            estimate(#"{"prompt":"Say hello.","expectedOutputTokens":10,"constraints":{"minTier":"standard"}}"#, id: 2),
            estimate(#"{"prompt":"Say hello.","expectedOutputTokens":10,"constraints":{"requireReasoning":true}}"#, id: 3),
            estimate(#"{"prompt":"Say hello.","expectedOutputTokens":10,"constraints":{"providers":["other"],"maxTier":"premium"}}"#, id: 4),
        ]).replies
        #expect(replies[0].result?.string("recommendation.model") == "flat")
        #expect(replies[0].result?.double("cost.credits") == 0.00002)
        let standard = try #require(replies[1].result)
        #expect(standard.string("recommendation.model") == "mid")
        // mid is counted with the claude family's estimator: not exact, with a range.
        #expect(standard.string("tokens.tokenizer") == "claude")
        #expect(standard.at("tokens.exact") as? Bool == false)
        #expect(standard.at("tokens.range.low") is NSNumber)
        #expect(replies[2].result?.string("recommendation.model") == "big")
        #expect(replies[3].result?.string("recommendation.model") == "big")
    }

    @Test func projectionIsCappedByMaxOutputTokens() throws {
        let catalog = try AdvisorFixtures.freshCatalog()
        let result = try #require(try serve(catalog: catalog, [
            estimate(#"{"prompt":"Write a long essay about the history of the printing press.","model":"flat","maxOutputTokens":100}"#),
        ]).replies.first?.result)
        #expect(result.int("outputProjection.high")! <= 100)
        #expect(result.int("cost.outputTokens")! <= 100)
        #expect(result.at("outputProjection.capped") as? Bool == true)
        // flat: output only, $2 per million.
        #expect(result.double("cost.credits") == Double(result.int("cost.outputTokens")!) * 2 / 1_000_000)
        #expect(result.double("cost.range.high")! <= 0.0002)
    }

    @Test func messagesAddOpenAIsOverheadAndReportPartsNotCounted() throws {
        let catalog = try AdvisorFixtures.freshCatalog()
        let messages = #"[{"role":"system","content":"Be brief."},{"role":"user","name":"ana","content":[{"type":"text","text":"What is in this picture?"},{"type":"image_url","image_url":{"url":"https://example.com/a.png"}}]}]"#
        let result = try #require(try serve(catalog: catalog, [
            estimate(#"{"messages":\#(messages),"model":"cheap","expectedOutputTokens":20}"#),
        ]).replies.first?.result)
        // 3 per message × 2 + 1 for the name + 3 to prime the reply.
        #expect(result.int("tokens.messageOverhead") == 10)
        #expect((result.at("tokens.notCounted") as? [String]) == ["messages[1].content[1] (image_url)"])
    }

    @Test(arguments: [
        (#"{"prompt":"x","model":"no-such-model"}"#, "params.model"),
        (#"{}"#, "params.prompt"),
        (#"{"prompt":"x","messages":[{"role":"user","content":"y"}]}"#, "params.messages"),
        (#"{"prompt":7}"#, "params.prompt"),
        (#"{"messages":[]}"#, "params.messages"),
        (#"{"messages":[{"role":"user","content":"a"},{"role":"user","content":5}]}"#, "params.messages[1].content"),
        (#"{"messages":[{"content":"a"}]}"#, "params.messages[0].role"),
        (#"{"prompt":"x","expectedOutputTokens":"many"}"#, "params.expectedOutputTokens"),
        (#"{"prompt":"x","expectedOutputTokens":-1}"#, "params.expectedOutputTokens"),
        (#"{"prompt":"x","maxOutputTokens":0}"#, "params.maxOutputTokens"),
        (#"{"prompt":"x","cachedInputTokens":1000000,"model":"cheap"}"#, "params.cachedInputTokens"),
        (#"{"prompt":"x","reasoningTokens":50,"expectedOutputTokens":10}"#, "params.reasoningTokens"),
        (#"{"prompt":"x","serviceTier":"turbo"}"#, "params.serviceTier"),
        (#"{"prompt":"x","constraints":[]}"#, "params.constraints"),
        (#"{"prompt":"x","constraints":{"minTier":"ultra"}}"#, "params.constraints.minTier"),
        (#"{"prompt":"x","constraints":{"minTier":"premium","maxTier":"economy"}}"#, "params.constraints.maxTier"),
        (#"{"prompt":"x","constraints":{"providers":["acme",3]}}"#, "params.constraints.providers[1]"),
        (#"{"prompt":"x","constraints":{"requireReasoning":"yes"}}"#, "params.constraints.requireReasoning"),
        (#"{"prompt":"x","constraints":{"providers":["nobody"]}}"#, "params.constraints"),
        (#"{"prompt":"x","expectedOutputTokens":100000}"#, "params.expectedOutputTokens"),
        // Integers that would overflow when added used to trap the server (review finding).
        (#"{"prompt":"hi","reasoningTokens":9223372036854775807}"#, "params.reasoningTokens"),
        (#"{"prompt":"hi","cachedInputTokens":9223372036854775807,"cacheWriteTokens":1}"#, "params.cachedInputTokens"),
        (#"{"prompt":"hi","maxOutputTokens":9223372036854775807}"#, "params.maxOutputTokens"),
    ])
    func everyEstimateParameterIsValidatedWithItsPath(params: String, field: String) throws {
        let catalog = try AdvisorFixtures.freshCatalog()
        let reply = try #require(try serve(catalog: catalog, [estimate(params)]).replies.first)
        #expect(reply.errorCode == -32602)
        #expect(reply.errorField == field)
        if field == "params.model" { #expect(reply.errorMessage?.contains("no-such-model") == true) }
    }

    // MARK: check

    /// `flat` with 1,000 output tokens costs exactly 0.002 credits, whatever the tokenizer says.
    func checkRequest(_ budget: String, id: Int = 1) -> String {
        check(#"{"prompt":"Summarise: the meeting moved to Tuesday.","model":"flat","expectedOutputTokens":1000,"budget":\#(budget)}"#, id: id)
    }

    @Test func balanceBoundaryIsInclusive() throws {
        let catalog = try AdvisorFixtures.freshCatalog()
        let replies = try serve(catalog: catalog, [
            checkRequest(#"{"balance":0.102}"#, id: 1),
            checkRequest(#"{"balance":0.101999999}"#, id: 2),
            checkRequest(#"{"balance":0.002,"minimumBalance":0}"#, id: 3),
        ]).replies
        let exact = try #require(replies[0].result)
        #expect(exact["allowed"] as? Bool == true)
        #expect(exact["reason"] as? String == "within budget")
        #expect(exact["credits"] as? Double == 0.002)
        #expect(exact["balanceAfter"] as? Double == 0.1)
        #expect(exact["remainingLimit"] == nil)
        #expect((exact["alerts"] as? [Any])?.isEmpty == true)
        let short = try #require(replies[1].result)
        #expect(short["allowed"] as? Bool == false)
        #expect((short["reason"] as? String)?.contains("below the minimum balance of 0.1") == true)
        #expect(short["balanceAfter"] as? Double == 0.099999999)
        #expect(replies[2].result?["allowed"] as? Bool == true)
    }

    @Test func spendingLimitBoundaryAndAlerts() throws {
        let catalog = try AdvisorFixtures.freshCatalog()
        let replies = try serve(catalog: catalog, [
            checkRequest(#"{"spendingLimit":0.01,"spent":0.008}"#, id: 1),
            checkRequest(#"{"spendingLimit":0.01,"spent":0.0081}"#, id: 2),
            checkRequest(#"{"spendingLimit":0.01,"spent":0.003}"#, id: 3),
            checkRequest(#"{"spendingLimit":0.004,"spent":0}"#, id: 4),
            checkRequest(#"{"balance":0.5,"spendingLimit":0.01,"spent":0.0095}"#, id: 5),
        ]).replies
        let atLimit = try #require(replies[0].result)
        #expect(atLimit["allowed"] as? Bool == true)
        #expect(atLimit["remainingLimit"] as? Double == 0)
        #expect(atLimit["alerts"] as? [Double] == [0.9])
        #expect(atLimit["balanceAfter"] == nil)
        let over = try #require(replies[1].result)
        #expect(over["allowed"] as? Bool == false)
        #expect((over["reason"] as? String)?.contains("over the spending limit of 0.01") == true)
        #expect(over["remainingLimit"] as? Double == -0.0001)
        // 0.003 → 0.005: crosses exactly 50 % (t·limit ≤ spent + credits).
        #expect(replies[2].result?["alerts"] as? [Double] == [0.5])
        // 0 → 0.002 of 0.004: 50 % only.
        #expect(replies[3].result?["alerts"] as? [Double] == [0.5])
        // Both funding rules: the balance is fine, the limit is not; the reason names the limit only.
        let both = try #require(replies[4].result)
        #expect(both["allowed"] as? Bool == false)
        #expect(both["balanceAfter"] as? Double == 0.498)
        #expect((both["reason"] as? String)?.contains("spending limit") == true)
        #expect((both["reason"] as? String)?.contains("minimum balance") == false)
    }

    @Test(arguments: [
        (#""none""#, "params.budget"),
        (#"{}"#, "params.budget"),
        (#"{"minimumBalance":1}"#, "params.budget"),
        (#"{"balance":"ten"}"#, "params.budget.balance"),
        (#"{"spendingLimit":-1}"#, "params.budget.spendingLimit"),
        (#"{"spendingLimit":1,"spent":-0.5}"#, "params.budget.spent"),
        (#"{"balance":1,"spent":0.5}"#, "params.budget.spent"),
        (#"{"balance":1,"minimumBalance":-0.1}"#, "params.budget.minimumBalance"),
    ])
    func budgetIsValidatedWithItsPath(budget: String, field: String) throws {
        let catalog = try AdvisorFixtures.freshCatalog()
        let reply = try #require(try serve(catalog: catalog, [checkRequest(budget)]).replies.first)
        #expect(reply.errorCode == -32602)
        #expect(reply.errorField == field)
    }

    @Test func checkWithoutBudgetNamesIt() throws {
        let catalog = try AdvisorFixtures.freshCatalog()
        let reply = try #require(try serve(catalog: catalog, [check(#"{"prompt":"x"}"#)]).replies.first)
        #expect(reply.errorField == "params.budget")
    }

    // MARK: models

    @Test func modelsListsTheCatalogAndFiltersByTier() throws {
        let catalog = try AdvisorFixtures.freshCatalog()
        let replies = try serve(catalog: catalog, [
            AdvisorFixtures.request(1, "preflight/models", "null"),
            AdvisorFixtures.request(2, "preflight/models", #"{"tier":"economy"}"#),
            AdvisorFixtures.request(3, "preflight/models", #"{"tier":"cheapest"}"#),
        ]).replies
        let all = try #require(replies[0].result)
        #expect(all.string("catalog.version") == AdvisorFixtures.today)
        #expect(all.string("catalog.source") == "end-to-end fixture")
        #expect(all.at("catalog.stale") as? Bool == false)
        let tiers = try #require(all["tiers"] as? [[String: Any]])
        #expect(tiers.map { $0["name"] as? String } == ["economy", "standard", "premium", "frontier"])
        #expect(tiers.map { $0["maxPer1K"] as? Double } == [0.001, 0.01, 0.15, nil])
        let models = try #require(all["models"] as? [[String: Any]])
        #expect(models.map { $0["id"] as? String } == ["flat", "cheap", "mid", "big", "top"])
        let mid = try #require(models.first { $0["id"] as? String == "mid" })
        #expect(mid["cachedInputPerMillion"] as? Double == 0.3)
        #expect(mid["cacheWritePerMillion"] is NSNull)
        #expect(mid["tokenizer"] as? String == "claude")
        let economy = try #require(replies[1].result?["models"] as? [[String: Any]])
        #expect(economy.map { $0["id"] as? String } == ["flat", "cheap"])
        #expect(replies[2].errorField == "params.tier")
    }

    @Test func bundledCatalogIsServedByDefault() throws {
        let session = try serve(catalog: nil, [AdvisorFixtures.request(1, "preflight/models", "{}")])
        let result = try #require(session.replies.first?.result)
        #expect((result["models"] as? [Any])?.count ?? 0 >= 40)
        let advertised = try #require(session.initialize.result?.at("capabilities.experimental.preflight.catalog") as? [String: Any])
        #expect(advertised["version"] as? String == result.string("catalog.version"))
        #expect(advertised["models"] as? Int == (result["models"] as? [Any])?.count)
        let methods = session.initialize.result?.at("capabilities.experimental.preflight.methods") as? [String]
        for method in ["preflight/estimate", "preflight/check", "preflight/models"] {
            #expect(methods?.contains(method) == true)
        }
    }

    // MARK: countTokens with a model

    @Test func countTokensWithAModelUsesItsTokenizer() throws {
        let catalog = try AdvisorFixtures.freshCatalog()
        let replies = try serve(catalog: catalog, [
            AdvisorFixtures.request(1, "preflight/countTokens", #"{"text":"Hello there","model":"cheap"}"#),
            AdvisorFixtures.request(2, "preflight/countTokens", #"{"text":"Hello there","tokenizer":"o200k_base"}"#),
            AdvisorFixtures.request(3, "preflight/countTokens", #"{"text":"Hello there","model":"mid"}"#),
            AdvisorFixtures.request(4, "preflight/countTokens", #"{"text":"Hello there","model":"gpt-99"}"#),
            AdvisorFixtures.request(5, "preflight/countTokens", #"{"text":"Hello there","model":"cheap","tokenizer":"o200k_base"}"#),
        ]).replies
        #expect(replies[0].result?["tokenizer"] as? String == "o200k_base")
        #expect(replies[0].result?["tokens"] as? Int == replies[1].result?["tokens"] as? Int)
        #expect(replies[2].result?["tokenizer"] as? String == "claude")
        #expect(replies[2].result?["exact"] as? Bool == false)
        #expect(replies[2].result?["range"] is [String: Any])
        #expect(replies[3].errorCode == -32602)
        #expect(replies[3].errorField == "params.model")
        #expect(replies[3].errorMessage?.contains("gpt-99") == true)
        #expect(replies[4].errorCode == -32602)
    }

    // MARK: initializationOptions and catalog loading

    func initialize(options: String) -> String {
        #"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":{},"initializationOptions":\#(options)}}"#
    }

    @Test func catalogPathReplacesTheBundledCatalog() throws {
        let catalog = try AdvisorFixtures.freshCatalog()
        let session = try serve(catalog: nil, [estimate(#"{"prompt":"hi","model":"flat","expectedOutputTokens":5}"#)],
                                initialize: initialize(options: #"{"catalogPath":"\#(catalog)"}"#))
        let advertised = session.initialize.result?.at("capabilities.experimental.preflight.catalog") as? [String: Any]
        #expect(advertised?["version"] as? String == AdvisorFixtures.today)
        #expect(advertised?["models"] as? Int == 5)
        #expect(session.replies.first?.result?.double("cost.credits") == 0.00001)
    }

    @Test func aBadCatalogPathIsAnErrorNamingTheFileAndThePreviousCatalogStays() throws {
        let good = try AdvisorFixtures.freshCatalog()
        let bad = try AdvisorFixtures.negativePriceCatalog()
        let truncated = try AdvisorFixtures.truncatedCatalog()
        let session = try runSession([
            initialize(options: #"{"catalogPath":"\#(bad)"}"#),
            initialize(options: #"{"catalogPath":"\#(truncated)"}"#),
            initialize(options: #"{"catalogPath":"/nonexistent/catalog.json"}"#),
            initializeLine,
            estimate(#"{"prompt":"hi","model":"cheap","expectedOutputTokens":5}"#),
        ], arguments: ["serve", "--catalog", good])
        let replies = session.messages
        try #require(replies.count == 5)
        #expect(replies[0].errorCode == -32602)
        #expect(replies[0].errorField == "params.initializationOptions.catalogPath")
        #expect(replies[0].errorMessage?.contains(bad) == true)
        #expect(replies[0].errorData?["file"] as? String == bad)
        #expect(replies[0].errorData?["model"] as? String == "cheap")
        #expect(replies[0].errorData?["catalogField"] as? String == "inputPerMillion")
        #expect(replies[0].errorMessage?.contains("negative price") == true)
        #expect(replies[1].errorData?["file"] as? String == truncated)
        #expect(replies[1].errorData?["line"] != nil)
        #expect(replies[1].errorData?["column"] != nil)
        #expect(replies[2].errorData?["file"] as? String == "/nonexistent/catalog.json")
        // Still uninitialized; a plain initialize succeeds and the --catalog fixture is still in use.
        let advertised = replies[3].result?.at("capabilities.experimental.preflight.catalog") as? [String: Any]
        #expect(advertised?["version"] as? String == AdvisorFixtures.today)
        #expect(advertised?["models"] as? Int == 5)
        #expect(replies[4].result?.string("recommendation.model") == "cheap")
    }

    @Test func initializationOptionsThatAreNotAnObjectAreIgnored() throws {
        let catalog = try AdvisorFixtures.freshCatalog()
        let session = try serve(catalog: catalog, [], initialize: initialize(options: #""vim-defaults""#))
        #expect(session.initialize.result?.at("capabilities.experimental.preflight.catalog.models") as? Int == 5)
        #expect(session.stderr.contains("ignoring initializationOptions"))
    }

    @Test func defaultModelIsPricedWhenARequestNamesNoneAndMustExist() throws {
        let catalog = try AdvisorFixtures.freshCatalog()
        let priced = try serve(catalog: catalog, [estimate(#"{"prompt":"hi","expectedOutputTokens":5}"#)],
                               initialize: initialize(options: #"{"defaultModel":"top"}"#))
        #expect(priced.replies.first?.result?.string("recommendation.model") == "top")
        let session = try runSession([
            initialize(options: #"{"defaultModel":"gpt-99"}"#),
            initialize(options: #"{"catalogPath":"\#(catalog)","defaultModel":"gpt-99"}"#),
        ], arguments: ["serve", "--catalog", catalog])
        #expect(session.messages.map(\.errorField) == ["params.initializationOptions.defaultModel",
                                                        "params.initializationOptions.defaultModel"])
        #expect(session.messages.first?.errorMessage?.contains("gpt-99") == true)
    }

    @Test func aStaleCatalogIsLoggedAtStartAndReportedByModels() throws {
        let stale = try AdvisorFixtures.staleCatalog()
        let session = try serve(catalog: stale, [AdvisorFixtures.request(1, "preflight/models", "{}")])
        #expect(session.stderr.contains("warning: the model catalog is stale: its prices are from 2020-01-15"))
        #expect(session.replies.first?.result?.at("catalog.stale") as? Bool == true)
        #expect(session.initialize.result?.at("capabilities.experimental.preflight.catalog.stale") as? Bool == true)
        let fresh = try serve(catalog: try AdvisorFixtures.freshCatalog(), [])
        #expect(!fresh.stderr.contains("stale"))
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
        #expect(messages[0].result?.at("capabilities.experimental.preflight.catalog") is NSNull)
        #expect(messages[1].result?["tokens"] is Int)
        for reply in messages[2...] {
            #expect(reply.errorCode == -32603)
            #expect(reply.errorMessage?.contains("no model catalog is loaded") == true)
            #expect(reply.errorData?["file"] as? String == "\(brokenModels)/catalog.json")
        }
    }
}
