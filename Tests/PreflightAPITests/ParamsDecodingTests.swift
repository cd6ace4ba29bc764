import Advisor
import JSON
import PreflightAPI
import Testing

/// The method params decode with the exact path and sentence of every mistake.
@Suite struct ParamsDecodingTests {
    func failure<T: Decodable>(_ type: T.Type, _ text: String) throws -> JSONDecodingFailure? {
        let value = try JSONValue.parse(text)
        do throws(JSONDecodingFailure) {
            _ = try JSONValueDecoder().decode(type, from: value, path: "params")
            return nil
        } catch {
            return error
        }
    }

    @Test func estimateParamsNameTheOffendingField() throws {
        let cases: [(String, String, String)] = [
            (#"{}"#, "params.prompt", "params.prompt (a string) or params.messages (chat messages) is required"),
            (#"{"prompt":"a","messages":[]}"#, "params.messages", "give either params.prompt or params.messages, not both"),
            (#"{"prompt":1}"#, "params.prompt", "params.prompt must be a string"),
            (#"{"messages":[]}"#, "params.messages", "params.messages must hold at least one message"),
            (#"{"messages":[1]}"#, "params.messages[0]", "params.messages[0] must be an object {role, content, name?}"),
            (#"{"messages":[{"content":"x"}]}"#, "params.messages[0].role", "params.messages[0].role is required"),
            (#"{"messages":[{"role":"user","content":5}]}"#, "params.messages[0].content",
             "params.messages[0].content must be a string or an array of content parts"),
            (#"{"messages":[{"role":"user","content":["a",{"type":"text"}]}]}"#, "params.messages[0].content[1].text",
             "params.messages[0].content[1].text is required"),
            (#"{"messages":[{"role":"user","content":["a",7]}]}"#, "params.messages[0].content[1]",
             "params.messages[0].content[1] must be a content part object {type, …}"),
            (#"{"prompt":"a","maxOutputTokens":0}"#, "params.maxOutputTokens", "params.maxOutputTokens must be at least 1"),
            (#"{"prompt":"a","expectedOutputTokens":1.5}"#, "params.expectedOutputTokens",
             "params.expectedOutputTokens must be an integer"),
            (#"{"prompt":"a","reasoningTokens":1099511627777}"#, "params.reasoningTokens",
             "params.reasoningTokens must be at most 1099511627776"),
            (#"{"prompt":"a","serviceTier":"cheap"}"#, "params.serviceTier",
             #"params.serviceTier must be one of "standard", "batch", "flex", "priority", not "cheap""#),
            (#"{"prompt":"a","constraints":{"minTier":"frontier","maxTier":"economy"}}"#, "params.constraints.maxTier",
             "maxTier economy is below minTier frontier"),
            (#"{"prompt":"a","constraints":{"providers":["x",2]}}"#, "params.constraints.providers[1]",
             "params.constraints.providers[1] must be a string"),
            (#"{"prompt":"a","constraints":[]}"#, "params.constraints", "params.constraints must be an object"),
        ]
        for (text, path, message) in cases {
            let failure = try #require(try failure(EstimateParams.self, text), "\(text) should fail")
            #expect(failure.path == path, "\(text)")
            #expect(failure.message == message, "\(text)")
        }
    }

    @Test func estimateParamsReadEveryField() throws {
        let text = #"{"messages":[{"role":"user","content":[{"type":"text","text":"hi"},{"type":"image_url"}],"name":"n"}],"#
            + #""model":"m","expectedOutputTokens":5.0,"maxOutputTokens":9,"cachedInputTokens":1,"cacheWriteTokens":2,"#
            + #""reasoningTokens":3,"serviceTier":"batch","constraints":{"minTier":"standard","requireReasoning":true,"providers":["openai"]}}"#
        let params = try JSONValueDecoder().decode(EstimateParams.self, from: try JSONValue.parse(text), path: "params").value
        #expect(params.request.input == .messages([ChatMessage(role: "user", content: [.text("hi"), .other(type: "image_url")], name: "n")]))
        #expect(params.request.model == "m")
        #expect(params.request.expectedOutputTokens == 5)
        #expect(params.request.maxOutputTokens == 9 && params.reasoningTokensGiven && params.constrained)
        let request = params.request(defaultModel: "other")
        #expect(request.model == "m")
        #expect(request.cachedInputTokens == 1 && request.cacheWriteTokens == 2 && request.reasoningTokens == 3)
        #expect(request.serviceTier == .batch)
        #expect(request.constraints.minTier == .standard && request.constraints.requireReasoning)
        #expect(request.constraints.providers == ["openai"])
    }

    @Test func checkParamsReadTheBudgetFirstAndNameItsFields() throws {
        let missing = try #require(try failure(CheckParams.self, #"{"prompt":1}"#))
        #expect(missing.path == "params.budget")
        let spent = try #require(try failure(CheckParams.self, #"{"prompt":"a","budget":{"balance":1,"spent":1}}"#))
        #expect(spent.path == "params.budget.spent")
        let negative = try #require(try failure(CheckParams.self, #"{"prompt":"a","budget":{"spendingLimit":-1}}"#))
        #expect(negative.path == "params.budget.spendingLimit")
        #expect(negative.message == "params.budget.spendingLimit must not be negative, got -1")
        let empty = try #require(try failure(CheckParams.self, #"{"prompt":"a","budget":{}}"#))
        #expect(empty.path == "params.budget")
        #expect(empty.message.hasPrefix("params.budget: give a balance"))
    }

    @Test func unknownMembersAreCollectedWithTheNamesThatWereRead() throws {
        let text = #"{"messages":[{"role":"user","content":"a","nmae":"n"}],"max_tokens":5,"budget":{"balance":5}}"#
        let decoded = try JSONValueDecoder().decode(CheckParams.self, from: try JSONValue.parse(text), path: "params")
        #expect(decoded.unknownFields.map(\.path) == ["params.max_tokens", "params.messages[0].nmae"])
        let messageField = try #require(decoded.unknownFields.last)
        #expect(messageField.knownNames == ["content", "name", "role"])
    }

    @Test func budgetsAndConstraintsRefuseUnknownMembersWhereverTheyAreDecoded() throws {
        let check = try #require(try failure(CheckParams.self, #"{"prompt":"a","budget":{"balance":5,"minBalance":6}}"#))
        #expect(check.path == "params.budget.minBalance")
        #expect(check.message == #"params.budget.minBalance is not a member of budget; did you mean "minimumBalance"?"#)
        let constraints = try #require(try failure(EstimateParams.self, #"{"prompt":"a","constraints":{"providers":[],"cheapest":true}}"#))
        #expect(constraints.path == "params.constraints.cheapest")
        #expect(constraints.message.hasPrefix("params.constraints.cheapest is not a member of constraints (its members: minTier"))
        // The same shape in editor settings and in initialize's options.
        let setting = try JSONValue.parse(#"{"balance":1,"min_balance":2}"#)
        do throws(JSONDecodingFailure) {
            _ = try JSONValueDecoder().decode(BudgetParams.self, from: setting, path: "preflight.budget")
            Issue.record("accepted")
        } catch {
            #expect(error.path == "preflight.budget.min_balance")
            #expect(error.message.hasSuffix(#"did you mean "minimumBalance"?"#))
        }
        let options = try #require(try failure(InitializeParams.self, #"{"initializationOptions":{"budget":{"limit":3}}}"#))
        #expect(options.path == "params.initializationOptions.budget.limit")
    }

    @Test func countTokensParamsNameTheOffendingField() throws {
        let cases: [(String, String, String)] = [
            (#"{}"#, "params.text", "params.text (a string) or params.messages (chat messages) is required"),
            (#"{"text":"a","messages":[]}"#, "params.messages", "give either params.text or params.messages, not both"),
            (#"{"text":"a","tokenizer":"o200k_base","model":"m"}"#, "params.model",
             "give either params.tokenizer or params.model, not both"),
            (#"{"text":"a","mode":"fast"}"#, "params.mode", #"params.mode must be one of "exact", "estimate", not "fast""#),
            (#"{"text":"a","allowedSpecial":3}"#, "params.allowedSpecial",
             #"params.allowedSpecial must be "all" or a list of special-token names"#),
            (#"{"text":"a","allowedSpecial":["x",1]}"#, "params.allowedSpecial[1]", "params.allowedSpecial[1] must be a string"),
            (#"{"text":7}"#, "params.text", "params.text must be a string"),
            (#"{"messages":[]}"#, "params.messages", "params.messages must hold at least one message"),
        ]
        for (text, path, message) in cases {
            let failure = try #require(try failure(CountTokensParams.self, text), "\(text) should fail")
            #expect(failure.path == path, "\(text)")
            #expect(failure.message == message, "\(text)")
        }
        let tokenize = try #require(try failure(TokenizeParams.self, #"{"tokenizer":"o200k_base"}"#))
        #expect(tokenize.path == "params.text" && tokenize.message == "params.text is required")
    }

    @Test func countTokensParamsReadEveryField() throws {
        let text = #"{"messages":[{"role":"user","content":"hi"}],"model":"m","mode":"estimate","allowedSpecial":"all"}"#
        let params = try JSONValueDecoder().decode(CountTokensParams.self, from: try JSONValue.parse(text), path: "params").value
        #expect(params == CountTokensParams(input: .messages([ChatMessage(role: "user", text: "hi")]), model: "m",
                                            mode: .estimate, allowedSpecial: .all))
    }
}
