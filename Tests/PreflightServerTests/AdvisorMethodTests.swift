import Foundation
import PreflightAPI
import Testing
import TestSupport
@testable import PreflightServer

/// `preflight/estimate`, `preflight/check`, `preflight/models`, `countTokens`' `model` and the
/// `initializationOptions` that pick a catalog and a default model, through an in-process
/// connection, read through the result shapes the server writes. (What needs a process — the
/// `--catalog` flag, stderr — and one happy path per method are in EndToEndTests'
/// `AdvisorProcessTests`.)
@Suite struct AdvisorMethodTests {
    /// Runs `requests` after `initialize` (default: one loading the fixture catalog); returns
    /// the replies to the requests and the `initialize` reply, which must succeed.
    func serve(initialize: String? = nil, _ requests: [String]) throws -> (replies: [Reply], initialize: Reply) {
        let initialize = try initialize ?? AdvisorFixtures.initialize(catalog: AdvisorFixtures.freshCatalog())
        let session = try runSession([initialize] + requests)
        #expect(session.status == 0)
        try #require(session.messages.count == requests.count + 1)
        try #require(session.messages[0].errorCode == nil, "\(session.messages[0])")
        return (Array(session.messages.dropFirst()), session.messages[0])
    }

    func estimate(_ params: String, id: Int = 1) -> String { AdvisorFixtures.request(id, "preflight/estimate", params) }
    func check(_ params: String, id: Int = 1) -> String { AdvisorFixtures.request(id, "preflight/check", params) }
    func decimal(_ text: String) -> Decimal { Decimal(spelled: text) }

    // MARK: estimate

    @Test func estimateOnARequestedModelIsPricedByTheCatalog() throws {
        let reply = try #require(try serve([
            estimate(#"{"prompt":"Classify the sentiment of: I love it.","model":"cheap","expectedOutputTokens":500}"#),
        ]).replies.first)
        let result = try reply.decodedResult(EstimateResult.self)
        let input = result.tokens.input
        #expect(input > 0)
        #expect(result.tokens.tokenizer == "o200k_base")
        #expect(result.recommendation?.model == "cheap")
        #expect(result.recommendation?.tier == .economy)
        // $1 per million input tokens, $2 per million output: hand-computed from the count, exactly.
        #expect(result.cost.input.value == Decimal(input) / 1_000_000)
        #expect(result.cost.output.value == decimal("0.001"))
        #expect(result.cost.outputTokens == 500)
        #expect(result.cost.credits.value == Decimal(input) / 1_000_000 + decimal("0.001"))
        for part in [result.cost.cachedInput, result.cost.cacheWrite, result.cost.reasoning] { #expect(part.value == 0) }
        // The caller gave the output length, so there is no projection (not even a null) and no output spread.
        #expect(reply.result?["outputProjection"] == nil)
        #expect(result.cost.range.low.value <= result.cost.credits.value)
        #expect(result.cost.range.high.value >= result.cost.credits.value)
        #expect(result.tokens.byScript.members.map(\.value).reduce(0, +) == input)
        #expect(result.inflation.dominantScript.rawValue == "Latin")
        #expect((0...1).contains(result.complexity.score))
        #expect(result.tiers.map(\.tier) == [.economy, .standard, .premium, .frontier])
        // Each tier's cheapest model: flat (input free) beats cheap in economy.
        #expect(result.tiers.map(\.model) == ["flat", "mid", "big", "top"])
        // flat's quote is the output alone: 500 × $2 / 1M.
        #expect(result.tiers[0].credits?.value == decimal("0.001"))
        #expect(result.catalog.version == AdvisorFixtures.today)
    }

    @Test func recommendationPricesEveryTierWithItsOwnTokenizerAndHonoursConstraints() throws {
        let replies = try serve([
            estimate(#"{"prompt":"Say hello.","expectedOutputTokens":10}"#, id: 1),
            estimate(#"{"prompt":"Say hello.","expectedOutputTokens":10,"constraints":{"minTier":"standard"}}"#, id: 2),
            estimate(#"{"prompt":"Say hello.","expectedOutputTokens":10,"constraints":{"requireReasoning":true}}"#, id: 3),
            estimate(#"{"prompt":"Say hello.","expectedOutputTokens":10,"constraints":{"providers":["other"],"maxTier":"premium"}}"#, id: 4),
        ]).replies.map { try $0.decodedResult(EstimateResult.self) }
        #expect(replies[0].recommendation?.model == "flat")
        #expect(replies[0].cost.credits.value == decimal("0.00002"))
        #expect(replies[1].recommendation?.model == "mid")
        // mid is counted with the claude family's estimator: not exact, with a range.
        #expect(replies[1].tokens.tokenizer == "claude")
        #expect(replies[1].tokens.exact == false)
        #expect(replies[1].tokens.range != nil)
        #expect(replies[2].recommendation?.model == "big")
        #expect(replies[3].recommendation?.model == "big")
    }

    @Test func projectionIsCappedByMaxOutputTokens() throws {
        let result = try #require(try serve([
            estimate(#"{"prompt":"Write a long essay about the history of the printing press.","model":"flat","maxOutputTokens":100}"#),
        ]).replies.first).decodedResult(EstimateResult.self)
        let projection = try #require(result.outputProjection)
        #expect(projection.high <= 100)
        #expect(result.cost.outputTokens <= 100)
        #expect(projection.capped)
        // flat: output only, $2 per million.
        #expect(result.cost.credits.value == Decimal(result.cost.outputTokens) * 2 / 1_000_000)
        #expect(result.cost.range.high.value <= decimal("0.0002"))
    }

    @Test func messagesAddOpenAIsOverheadAndReportPartsNotCounted() throws {
        let messages = #"[{"role":"system","content":"Be brief."},{"role":"user","name":"ana","content":[{"type":"text","text":"What is in this picture?"},{"type":"image_url","image_url":{"url":"https://example.com/a.png"}}]}]"#
        let result = try #require(try serve([
            estimate(#"{"messages":\#(messages),"model":"cheap","expectedOutputTokens":20}"#),
        ]).replies.first).decodedResult(EstimateResult.self)
        // 3 per message × 2 + 1 for the name + 3 to prime the reply.
        #expect(result.tokens.messageOverhead == 10)
        #expect(result.tokens.notCounted == ["messages[1].content[1] (image_url)"])
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
        let reply = try #require(try serve([estimate(params)]).replies.first)
        #expect(reply.errorCode == -32602)
        #expect(reply.errorField == field)
        if field == "params.model" { #expect(reply.error?.message.contains("no-such-model") == true) }
    }

    // MARK: check

    /// `flat` with 1,000 output tokens costs exactly 0.002 credits, whatever the tokenizer says.
    func checkRequest(_ budget: String, id: Int = 1) -> String {
        check(#"{"prompt":"Summarise: the meeting moved to Tuesday.","model":"flat","expectedOutputTokens":1000,"budget":\#(budget)}"#, id: id)
    }

    @Test func balanceBoundaryIsInclusive() throws {
        let replies = try serve([
            checkRequest(#"{"balance":0.102}"#, id: 1),
            checkRequest(#"{"balance":0.101999999}"#, id: 2),
            checkRequest(#"{"balance":0.002,"minimumBalance":0}"#, id: 3),
        ]).replies
        let exact = try replies[0].decodedResult(CheckResult.self)
        #expect(exact.allowed)
        #expect(exact.reason == "within budget")
        #expect(exact.credits.value == decimal("0.002"))
        #expect(exact.balanceAfter?.value == decimal("0.1"))
        // A self-funded budget has no limit: the member is left out, not written as null.
        #expect(replies[0].result?["remainingLimit"] == nil)
        #expect(exact.alerts.isEmpty)
        let short = try replies[1].decodedResult(CheckResult.self)
        #expect(!short.allowed)
        #expect(short.reason.contains("below the minimum balance of 0.1"))
        #expect(short.balanceAfter?.value == decimal("0.099999999"))
        #expect(try replies[2].decodedResult(CheckResult.self).allowed)
    }

    @Test func spendingLimitBoundaryAndAlerts() throws {
        let replies = try serve([
            checkRequest(#"{"spendingLimit":0.01,"spent":0.008}"#, id: 1),
            checkRequest(#"{"spendingLimit":0.01,"spent":0.0081}"#, id: 2),
            checkRequest(#"{"spendingLimit":0.01,"spent":0.003}"#, id: 3),
            checkRequest(#"{"spendingLimit":0.004,"spent":0}"#, id: 4),
            checkRequest(#"{"balance":0.5,"spendingLimit":0.01,"spent":0.0095}"#, id: 5),
        ]).replies
        let results = try replies.map { try $0.decodedResult(CheckResult.self) }
        let atLimit = results[0]
        #expect(atLimit.allowed)
        #expect(atLimit.remainingLimit?.value == 0)
        #expect(atLimit.alerts.map(\.value) == [decimal("0.9")])
        // An organisation budget has no balance: the member is left out, not written as null.
        #expect(replies[0].result?["balanceAfter"] == nil)
        let over = results[1]
        #expect(!over.allowed)
        #expect(over.reason.contains("over the spending limit of 0.01"))
        #expect(over.remainingLimit?.value == decimal("-0.0001"))
        // 0.003 → 0.005: crosses exactly 50 % (t·limit ≤ spent + credits).
        #expect(results[2].alerts.map(\.value) == [decimal("0.5")])
        // 0 → 0.002 of 0.004: 50 % only.
        #expect(results[3].alerts.map(\.value) == [decimal("0.5")])
        // Both funding rules: the balance is fine, the limit is not; the reason names the limit only.
        let both = results[4]
        #expect(!both.allowed)
        #expect(both.balanceAfter?.value == decimal("0.498"))
        #expect(both.reason.contains("spending limit"))
        #expect(!both.reason.contains("minimum balance"))
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
        let reply = try #require(try serve([checkRequest(budget)]).replies.first)
        #expect(reply.errorCode == -32602)
        #expect(reply.errorField == field)
    }

    @Test func checkWithoutBudgetNamesIt() throws {
        let reply = try #require(try serve([check(#"{"prompt":"x"}"#)]).replies.first)
        #expect(reply.errorField == "params.budget")
    }

    // MARK: models

    @Test func modelsListsTheCatalogAndFiltersByTier() throws {
        let replies = try serve([
            AdvisorFixtures.request(1, "preflight/models", "null"),
            AdvisorFixtures.request(2, "preflight/models", #"{"tier":"economy"}"#),
            AdvisorFixtures.request(3, "preflight/models", #"{"tier":"cheapest"}"#),
        ]).replies
        let all = try replies[0].decodedResult(ModelsResult.self)
        #expect(all.catalog.version == AdvisorFixtures.today)
        #expect(all.catalog.source == "end-to-end fixture")
        #expect(!all.catalog.stale)
        #expect(all.tiers.map(\.name) == [.economy, .standard, .premium, .frontier])
        #expect(all.tiers.map(\.maxPer1K?.value) == [decimal("0.001"), decimal("0.01"), decimal("0.15"), nil])
        #expect(all.models.map(\.id) == ["flat", "cheap", "mid", "big", "top"])
        let mid = try #require(all.models.first { $0.id == "mid" })
        #expect(mid.cachedInputPerMillion?.value == decimal("0.3"))
        #expect(mid.cacheWritePerMillion == nil)
        #expect(mid.tokenizer == "claude")
        // A price the catalog does not have is part of the shape: written as null, not left out.
        let midOnTheWire = try #require(replies[0].result?["models"]?[2])
        #expect(midOnTheWire["id"]?.stringValue == "mid")
        #expect(midOnTheWire["cacheWritePerMillion"]?.isNull == true)
        let economy = try replies[1].decodedResult(ModelsResult.self)
        #expect(economy.models.map(\.id) == ["flat", "cheap"])
        #expect(replies[2].errorField == "params.tier")
    }

    @Test func bundledCatalogIsServedByDefault() throws {
        let session = try serve(initialize: initializeLine, [AdvisorFixtures.request(1, "preflight/models", "{}")])
        let result = try #require(session.replies.first).decodedResult(ModelsResult.self)
        #expect(result.models.count >= 40)
        // initialize's capabilities are assembled from the features' fragments, not one shape: read untyped.
        let preflight = session.initialize.result?["capabilities"]?["experimental"]?["preflight"]
        let advertised = try #require(preflight?["catalog"])
        #expect(advertised["version"]?.stringValue == result.catalog.version)
        #expect(advertised["models"]?.intValue == result.models.count)
        let methods = (preflight?["methods"]?.elements ?? []).compactMap(\.stringValue)
        for method in ["preflight/estimate", "preflight/check", "preflight/models"] {
            #expect(methods.contains(method))
        }
    }

    // MARK: countTokens with a model

    @Test func countTokensWithAModelUsesItsTokenizer() throws {
        let replies = try serve([
            AdvisorFixtures.request(1, "preflight/countTokens", #"{"text":"Hello there","model":"cheap"}"#),
            AdvisorFixtures.request(2, "preflight/countTokens", #"{"text":"Hello there","tokenizer":"o200k_base"}"#),
            AdvisorFixtures.request(3, "preflight/countTokens", #"{"text":"Hello there","model":"mid"}"#),
            AdvisorFixtures.request(4, "preflight/countTokens", #"{"text":"Hello there","model":"gpt-99"}"#),
            AdvisorFixtures.request(5, "preflight/countTokens", #"{"text":"Hello there","model":"cheap","tokenizer":"o200k_base"}"#),
        ]).replies
        let cheap = try replies[0].decodedResult(TokenCountResult.self)
        #expect(cheap.tokenizer == "o200k_base")
        #expect(cheap.tokens == (try replies[1].decodedResult(TokenCountResult.self)).tokens)
        let mid = try replies[2].decodedResult(TokenCountResult.self)
        #expect(mid.tokenizer == "claude")
        #expect(!mid.exact)
        #expect(mid.range != nil)
        #expect(replies[3].errorCode == -32602)
        #expect(replies[3].errorField == "params.model")
        #expect(replies[3].error?.message.contains("gpt-99") == true)
        #expect(replies[4].errorCode == -32602)
    }

    // MARK: initializationOptions

    @Test func catalogPathReplacesTheBundledCatalog() throws {
        let session = try serve([estimate(#"{"prompt":"hi","model":"flat","expectedOutputTokens":5}"#)])
        let advertised = session.initialize.result?["capabilities"]?["experimental"]?["preflight"]?["catalog"]
        #expect(advertised?["version"]?.stringValue == AdvisorFixtures.today)
        #expect(advertised?["models"]?.intValue == 5)
        let result = try #require(session.replies.first).decodedResult(EstimateResult.self)
        #expect(result.cost.credits.value == decimal("0.00001"))
    }

    @Test func defaultModelIsPricedWhenARequestNamesNoneAndMustExist() throws {
        let catalog = try AdvisorFixtures.freshCatalog()
        let priced = try serve(initialize: AdvisorFixtures.initialize(catalog: catalog, extraOptions: #""defaultModel":"top""#),
                               [estimate(#"{"prompt":"hi","expectedOutputTokens":5}"#)])
        #expect(try #require(priced.replies.first).decodedResult(EstimateResult.self).recommendation?.model == "top")
        let session = try runSession([
            initializeLine(options: #"{"defaultModel":"gpt-99"}"#),
            AdvisorFixtures.initialize(catalog: catalog, extraOptions: #""defaultModel":"gpt-99""#),
        ])
        #expect(session.messages.map(\.errorField) == ["params.initializationOptions.defaultModel",
                                                        "params.initializationOptions.defaultModel"])
        #expect(session.messages.first?.error?.message.contains("gpt-99") == true)
    }
}

/// Inside `budget` and `constraints` a misspelt member would silently drop a limit, so it is
/// refused with the name it was probably meant to be; elsewhere extra members are tolerated.
@Suite struct StrictMemberTests {
    @Test func misspeltBudgetAndConstraintMembersAreRefusedWithTheNearestName() throws {
        let session = try runSession([
            initializeLine,
            #"{"jsonrpc":"2.0","id":1,"method":"preflight/check","params":{"prompt":"hi","budget":{"balance":5,"minBalance":6}}}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"preflight/estimate","params":{"prompt":"hi","constraints":{"maxtier":"economy"}}}"#,
            #"{"jsonrpc":"2.0","id":3,"method":"preflight/check","params":{"prompt":"hi","budget":{"spendingLimit":1,"limit":2}}}"#,
            #"{"jsonrpc":"2.0","id":4,"method":"preflight/estimate","params":{"prompt":"hi","max_tokens":5}}"#,
        ]).messages
        let minBalance = try #require(session.first { $0.idNumber == 1 })
        #expect(minBalance.errorField == "params.budget.minBalance")
        #expect(minBalance.error?.message.contains(#"did you mean "minimumBalance"?"#) == true)
        let maxTier = try #require(session.first { $0.idNumber == 2 })
        #expect(maxTier.errorField == "params.constraints.maxtier")
        #expect(maxTier.error?.message.contains(#"did you mean "maxTier"?"#) == true)
        let limit = try #require(session.first { $0.idNumber == 3 })
        #expect(limit.error?.message.contains(#"did you mean "spendingLimit"?"#) == true)
        // At the top level clients may send members of their own: tolerated.
        let topLevel = try #require(session.first { $0.idNumber == 4 })
        #expect(topLevel.error == nil)
    }

    @Test func nearestNamesPreferAbbreviationsThenSmallEdits() {
        let budget = ["balance", "minimumBalance", "spendingLimit", "spent"]
        #expect(StrictMembers.nearestName(to: "minBalance", in: budget) == "minimumBalance")
        #expect(StrictMembers.nearestName(to: "balanse", in: budget) == "balance")
        #expect(StrictMembers.nearestName(to: "limit", in: budget) == "spendingLimit")
        #expect(StrictMembers.nearestName(to: "currency", in: budget) == nil)
    }
}
