import Foundation
import PreflightAPI
import Testing
import TestSupport
import Tokenizers

/// `preflight/countTokens` and `preflight/tokenize` parameter rules, through an in-process
/// connection (one happy path per method still runs against the binary in EndToEndTests).
@Suite struct TokenCountMethodTests {
    @Test func specialTokensCountAsTextUnlessAllowed() throws {
        let session = try runSession([
            initializeLine,
            #"{"jsonrpc":"2.0","id":1,"method":"preflight/countTokens","params":{"text":"a<|endoftext|>b"}}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"preflight/countTokens","params":{"text":"a<|endoftext|>b","allowedSpecial":"all"}}"#,
            #"{"jsonrpc":"2.0","id":3,"method":"preflight/countTokens","params":{"text":"a<|endoftext|>b","allowedSpecial":["<|endoftext|>"]}}"#,
            #"{"jsonrpc":"2.0","id":4,"method":"preflight/countTokens","params":{"text":"a","allowedSpecial":["<|fim_prefix|>"]}}"#,
            #"{"jsonrpc":"2.0","id":5,"method":"preflight/countTokens","params":{"text":"a","allowedSpecial":"some"}}"#,
        ])
        try #require(session.messages.count == 6)
        let ordinary = try session.messages[1].decodedResult(TokenCountResult.self).tokens
        #expect(try session.messages[2].decodedResult(TokenCountResult.self).tokens == 3)
        #expect(try session.messages[3].decodedResult(TokenCountResult.self).tokens == 3)
        #expect(ordinary > 3)
        #expect(session.messages[4].errorField == "params.allowedSpecial[0]")
        #expect(session.messages[5].errorField == "params.allowedSpecial")
    }

    @Test func chatMessagesFollowOpenAIsRule() throws {
        // system "You are helpful." (4) + roles "system" (1), "user" (1) + "Hi" (1) + name "bob" (1)
        // + 3 per message × 2 + 1 for the name + 3 priming = 18 in o200k_base.
        let session = try runSession([
            initializeLine,
            #"{"jsonrpc":"2.0","id":1,"method":"preflight/countTokens","params":{"messages":[{"role":"system","content":"You are helpful."},{"role":"user","content":[{"type":"text","text":"Hi"},{"type":"image_url","image_url":{"url":"x"}}],"name":"bob"}]}}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"preflight/countTokens","params":{"messages":[{"role":"user","content":5}]}}"#,
            #"{"jsonrpc":"2.0","id":3,"method":"preflight/countTokens","params":{"text":"x","messages":[]}}"#,
        ])
        try #require(session.messages.count == 4)
        let result = try session.messages[1].decodedResult(TokenCountResult.self)
        #expect(result.tokens == 18)
        #expect(result.messageOverhead == 10)
        #expect(result.notCounted == ["messages[1]: image_url"])
        #expect(session.messages[2].errorField?.hasPrefix("params.messages[0].content") == true)
        #expect(session.messages[3].errorField == "params.messages")
    }

    @Test func openFamiliesAreAcceptedByName() throws {
        let session = try runSession([
            initializeLine,
            #"{"jsonrpc":"2.0","id":1,"method":"preflight/countTokens","params":{"text":"<think>reasoning</think>answer","tokenizer":"deepseek-v4"}}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"preflight/countTokens","params":{"text":"e\u0301cole","tokenizer":"qwen3.5"}}"#,
            #"{"jsonrpc":"2.0","id":3,"method":"preflight/tokenize","params":{"text":"!","tokenizer":"tekken"}}"#,
            #"{"jsonrpc":"2.0","id":4,"method":"preflight/tokenize","params":{"text":"a c\u0327\u0301 b","tokenizer":"qwen2"}}"#,
            #"{"jsonrpc":"2.0","id":5,"method":"preflight/countTokens","params":{"text":"a","tokenizer":"deepseek-v4","allowedSpecial":["<think>"]}}"#,
        ])
        try #require(session.messages.count == 6)
        let deepSeek = try session.messages[1].decodedResult(TokenCountResult.self)
        #expect(deepSeek.tokens == 5 && deepSeek.exact && deepSeek.tokenizer == "deepseek-v4")  // <think> is one token
        let qwen = try session.messages[2].decodedResult(TokenCountResult.self)
        #expect(qwen.tokens == 1 && qwen.exact)  // NFC makes it "école", one qwen3.5 token
        #expect(try session.messages[3].decodedResult(TokenizeResult.self).tokens == [TokenSpan(id: 1_033, start: 0, end: 1)])
        let spans = try session.messages[4].decodedResult(TokenizeResult.self).tokens
        #expect(spans.map(\.id) == [64, 86_089, 116, 231, 293])
        #expect(spans.map { $0.approximate ?? false } == [false, true, true, true, false])
        #expect(spans.last == TokenSpan(id: 293, start: 7, end: 9))
        // <think> is always one token in DeepSeek V4, not a special token allowedSpecial may name;
        // the message lists a few of its 1,230 special tokens, not all.
        #expect(session.messages[5].errorField == "params.allowedSpecial[0]")
        #expect(session.messages[5].error?.message.contains("(1230 in all)") == true)
    }

    @Test func familiesWithoutAVocabularyAreEstimatedWithTheirBasis() throws {
        let text = "The quick brown fox jumps over the lazy dog."
        let session = try runSession([
            initializeLine,
            #"{"jsonrpc":"2.0","id":1,"method":"preflight/countTokens","params":{"text":"\#(text)"}}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"preflight/countTokens","params":{"text":"\#(text)","tokenizer":"claude"}}"#,
            #"{"jsonrpc":"2.0","id":3,"method":"preflight/tokenize","params":{"text":"\#(text)","tokenizer":"claude"}}"#,
            #"{"jsonrpc":"2.0","id":4,"method":"preflight/countTokens","params":{"text":"\#(text)","model":"mistral-large-4"}}"#,
            #"{"jsonrpc":"2.0","id":5,"method":"preflight/countTokens","params":{"text":"\#(text)","model":"fireworks_ai/qwen3-235b-a22b-instruct-2507"}}"#,
            #"{"jsonrpc":"2.0","id":6,"method":"preflight/countTokens","params":{"messages":[{"role":"user","content":"\#(text)"}],"tokenizer":"gemini"}}"#,
            #"{"jsonrpc":"2.0","id":7,"method":"preflight/countTokens","params":{"text":"x","tokenizer":"claud"}}"#,
        ])
        try #require(session.messages.count == 8)
        let o200k = try session.messages[1].decodedResult(TokenCountResult.self)
        #expect(o200k.exact && o200k.basis == nil)
        let claude = try session.messages[2].decodedResult(TokenCountResult.self)
        #expect(!claude.exact && claude.tokenizer == "claude")
        let range = try #require(claude.range)
        #expect(range.low <= claude.tokens && claude.tokens <= range.high && range.low < range.high)
        let basis = try #require(claude.basis)
        #expect(basis.encoding == "o200k_base" && basis.encodingTokens == o200k.tokens)
        #expect(basis.factorRange.low <= basis.factor && basis.factor <= basis.factorRange.high && basis.factor > 1)
        #expect(basis.source == "models/calibration/family-factors.json: claude")
        // An estimate has no token boundaries.
        #expect(session.messages[3].errorField == "params.tokenizer")
        // A 2026 Mistral model no source ties to Tekken v3: counted in tekken, not exact, with a range.
        let mistral = try session.messages[4].decodedResult(TokenCountResult.self)
        #expect(mistral.tokenizer == "mistral" && !mistral.exact && mistral.range != nil && mistral.basis?.encoding == "tekken")
        // The catalog's Qwen3 model names the family `qwen` and resolves to the qwen2 vocabulary.
        let qwen = try session.messages[5].decodedResult(TokenCountResult.self)
        #expect(qwen.tokenizer == "qwen2" && qwen.exact && qwen.basis == nil)
        let chat = try session.messages[6].decodedResult(TokenCountResult.self)
        #expect(!chat.exact && chat.basis?.encoding == "o200k_base" && chat.messageOverhead != nil)
        #expect(session.messages[7].errorField == "params.tokenizer")
        // initialize lists every family, not exact, with its basis.
        let tokenizers = try #require(session.messages[0].result?["capabilities"]?["experimental"]?["preflight"]?["tokenizers"])
        let listed = tokenizers.elements.first { $0["name"]?.stringValue == "claude-4.7" }
        #expect(listed?["exact"]?.boolValue == false)
        #expect(listed?["basis"]?["encoding"]?.stringValue == "o200k_base")
        #expect(listed?["basis"]?["factorRange"]?["high"] != nil)
    }

    @Test func tokenizeRefusesTextsBeyondItsLimit() throws {
        let big = String(repeating: "word ", count: 60_000)
        let session = try runSession([initializeLine, #"{"jsonrpc":"2.0","id":1,"method":"preflight/tokenize","params":{"text":"\#(big)"}}"#])
        try #require(session.messages.count == 2)
        #expect(session.messages[1].errorField == "params.text")
    }
}

/// Client-supplied paths must never block or exhaust the server (review finding: a FIFO hung
/// `initialize`, `/dev/zero` grew memory without end).
@Suite struct UntrustedPathTests {
    @Test func specialFilesAsCatalogPathAreRefusedAndTheServerGoesOn() throws {
        let fifo = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-fifo-\(UUID().uuidString)").path
        try #require(mkfifo(fifo, 0o600) == 0)
        defer { unlink(fifo) }
        let session = try runSession([
            #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"initializationOptions":{"catalogPath":"\#(fifo)"}}}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"initialize","params":{"initializationOptions":{"catalogPath":"/dev/zero"}}}"#,
            initializeLine,
        ])
        try #require(session.messages.count == 3)
        #expect(session.messages[0].errorField == "params.initializationOptions.catalogPath")
        #expect(session.messages[1].errorField == "params.initializationOptions.catalogPath")
        #expect(session.messages[2].result != nil)
        #expect(session.status == 0)
    }
}
