import Foundation
import Testing
import TestSupport
import PreflightAPI
@testable import PreflightServer

/// Members of the params nothing read: outside `budget` and `constraints` they are tolerated,
/// but every custom method's result says so in `warnings: [{field, message}]`, with the name
/// the member was probably meant to be — so `max_tokens` no longer drops a cap in silence.
@Suite struct UnknownMemberWarningTests {
    func serve(_ requests: [String]) throws -> [Reply] {
        let session = try runSession([try AdvisorFixtures.initialize(catalog: AdvisorFixtures.freshCatalog())] + requests)
        try #require(session.messages.count == requests.count + 1)
        return Array(session.messages.dropFirst())
    }

    @Test func everyCustomMethodReportsUnknownMembersWithTheNearestName() throws {
        let replies = try serve([
            AdvisorFixtures.request(1, "preflight/estimate", #"{"prompt":"hi","model":"cheap","max_tokens":5,"expected_output_tokens":9}"#),
            AdvisorFixtures.request(2, "preflight/check", #"{"prompt":"hi","model":"cheap","budget":{"balance":5},"maxOutput":3}"#),
            AdvisorFixtures.request(3, "preflight/countTokens", #"{"text":"hi","tokenzier":"cl100k_base"}"#),
            AdvisorFixtures.request(4, "preflight/tokenize", #"{"text":"hi","allowSpecial":"all"}"#),
            AdvisorFixtures.request(5, "preflight/models", #"{"tiers":"economy"}"#),
        ])
        let estimate = try replies[0].decodedResult(EstimateResult.self)
        #expect(Array(estimate.warnings.prefix(2)) == [
            ResultWarning(field: "params.max_tokens",
                          message: "params.max_tokens is not a parameter of preflight/estimate; did you mean maxOutputTokens?"),
            ResultWarning(field: "params.expected_output_tokens",
                          message: "params.expected_output_tokens is not a parameter of preflight/estimate; did you mean expectedOutputTokens?"),
        ])
        let check = try replies[1].decodedResult(CheckResult.self)
        #expect(check.warnings.first == ResultWarning(
            field: "params.maxOutput", message: "params.maxOutput is not a parameter of preflight/check; did you mean maxOutputTokens?"))
        let count = try replies[2].decodedResult(TokenCountResult.self)
        #expect(count.tokenizer == "o200k_base")
        #expect(count.warnings.map(\.field) == ["params.tokenzier"])
        #expect(count.warnings.first?.message.hasSuffix("did you mean tokenizer?") == true)
        let tokenize = try replies[3].decodedResult(TokenizeResult.self)
        #expect(tokenize.warnings.first?.message.hasSuffix("did you mean allowedSpecial?") == true)
        let models = try replies[4].decodedResult(ModelsResult.self)
        #expect(models.warnings.map(\.field) == ["params.tiers"])
        #expect(models.models.count == 5, "the misspelt filter was not applied")
    }

    @Test func cleanParamsGiveNoWarningsButTheMemberIsAlwaysThere() throws {
        let replies = try serve([
            AdvisorFixtures.request(1, "preflight/countTokens", #"{"text":"hi","tokenizer":"cl100k_base","mode":"exact","allowedSpecial":"all"}"#),
            AdvisorFixtures.request(2, "preflight/countTokens", #"{"messages":[{"role":"user","content":[{"type":"text","text":"a"},{"type":"image_url","image_url":{"url":"x"}}],"name":"n"}],"model":"cheap"}"#),
            AdvisorFixtures.request(3, "preflight/estimate", #"{"prompt":"hi","model":"big","expectedOutputTokens":10,"maxOutputTokens":20,"cachedInputTokens":0,"cacheWriteTokens":0,"reasoningTokens":1,"serviceTier":"standard","constraints":{"minTier":"economy"}}"#),
            AdvisorFixtures.request(4, "preflight/models", #"{}"#),
            AdvisorFixtures.request(5, "preflight/tokenize", #"{"text":"hi","tokenizer":"o200k_base","allowedSpecial":[]}"#),
        ])
        for reply in replies {
            #expect(reply.result?["warnings"]?.kind == .array, "\(reply)")
        }
        #expect(try replies[0].decodedResult(TokenCountResult.self).warnings.isEmpty)
        // Another content part's own members are not ours to report.
        #expect(try replies[1].decodedResult(TokenCountResult.self).warnings.isEmpty)
        #expect(try replies[2].decodedResult(EstimateResult.self).warnings.allSatisfy { $0.field == nil })
        #expect(try replies[3].decodedResult(ModelsResult.self).warnings.isEmpty)
        #expect(try replies[4].decodedResult(TokenizeResult.self).warnings.isEmpty)
    }

    @Test func nestedMembersAndMembersWithNoNearNameAreReportedToo() throws {
        let replies = try serve([
            AdvisorFixtures.request(1, "preflight/countTokens", #"{"messages":[{"role":"user","content":"hi","nmae":"bob","tool_calls":[]}],"temperature":0.2}"#),
        ])
        let count = try replies[0].decodedResult(TokenCountResult.self)
        #expect(count.warnings.map(\.field) == ["params.temperature", "params.messages[0].nmae", "params.messages[0].tool_calls"])
        #expect(count.warnings[0].message.hasPrefix("params.temperature is not a parameter of preflight/countTokens; it is ignored (known: "))
        #expect(count.warnings[1].message == "params.messages[0].nmae is not a member of params.messages[0]; did you mean name?")
    }

    @Test func theTextReportShowsTheMessages() {
        let warning = ResultWarning(field: "params.x", message: "params.x is not a parameter of preflight/estimate; it is ignored")
        #expect("\(warning)" == warning.message)
        #expect(StrictMembers.nearestName(to: "max_tokens", in: ["maxOutputTokens", "messages", "model"]) == "maxOutputTokens")
        #expect(StrictMembers.nearestName(to: "cached_input_tokens", in: ["cachedInputTokens", "cacheWriteTokens"]) == "cachedInputTokens")
    }
}
