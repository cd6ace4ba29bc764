import Foundation
import PreflightAPI
import Testing
import TestSupport

/// The examples of the JSON-RPC 2.0 specification (§7), adapted to Preflight's methods, sent to
/// the server as newline-delimited JSON through an in-process connection.
@Suite struct JSONRPCSpecExamplesTests {
    let count = #"{"jsonrpc":"2.0","method":"preflight/countTokens","params":{"text":"hello world"},"id":1}"#

    @Test func callWithNamedParameters() throws {
        let session = try runSession([initializeLine, count])
        try #require(session.messages.count == 2)
        let reply = session.messages[1]
        #expect(reply["jsonrpc"]?.stringValue == "2.0")
        #expect(reply.idNumber == 1)
        let result = try reply.decodedResult(TokenCountResult.self)
        #expect(result.tokens > 0)
        #expect(result.tokenizer == "o200k_base")
        #expect(session.status == 0)
    }

    @Test func callWithPositionalParametersIsInvalidParams() throws {
        let session = try runSession([initializeLine, #"{"jsonrpc":"2.0","method":"preflight/countTokens","params":["hello"],"id":2}"#])
        #expect(session.messages[1].errorCode == -32602)
        #expect(session.messages[1].errorField == "params")
    }

    @Test func notificationsGetNoReply() throws {
        let session = try runSession([initializeLine, #"{"jsonrpc":"2.0","method":"preflight/countTokens","params":{"text":"x"}}"#, #"{"jsonrpc":"2.0","method":"update","params":[1,2,3,4,5]}"#])
        try #require(session.messages.count == 1)
    }

    @Test func nonExistentMethod() throws {
        let session = try runSession([initializeLine, #"{"jsonrpc":"2.0","method":"foobar","id":"1"}"#])
        #expect(session.messages[1].errorCode == -32601)
        #expect(session.messages[1]["id"]?.stringValue == "1")
    }

    @Test func invalidJSON() throws {
        let session = try runSession([initializeLine, #"{"jsonrpc":"2.0","method":"foobar,"params":"bar","baz]"#])
        #expect(session.messages[1].errorCode == -32700)
        #expect(session.messages[1]["id"]?.isNull == true)
    }

    @Test func invalidRequestObject() throws {
        let session = try runSession([initializeLine, #"{"jsonrpc":"2.0","method":1,"params":"bar"}"#])
        #expect(session.messages[1].errorCode == -32600)
        #expect(session.messages[1]["id"]?.isNull == true)
    }

    @Test func batchWithInvalidJSON() throws {
        let session = try runSession([initializeLine, #"[{"jsonrpc":"2.0","method":"sum","params":[1,2,4],"id":"1"},{"jsonrpc":"2.0","method""#])
        try #require(session.messages.count == 2)
        #expect(session.messages[1].errorCode == -32700)
    }

    @Test func emptyBatch() throws {
        let session = try runSession([initializeLine, "[]"])
        try #require(session.messages.count == 2)
        #expect(session.messages[1].errorCode == -32600)
        #expect(session.messages[1]["id"]?.isNull == true)
    }

    @Test func invalidBatchOfOne() throws {
        let session = try runSession([initializeLine, "[1]"])
        let batch = try #require(session.messages[1].batch)
        try #require(batch.count == 1)
        #expect(batch[0].errorCode == -32600)
    }

    @Test func invalidBatchOfThree() throws {
        let session = try runSession([initializeLine, "[1,2,3]"])
        let batch = try #require(session.messages[1].batch)
        #expect(batch.map(\.errorCode) == [-32600, -32600, -32600])
    }

    @Test func mixedBatch() throws {
        let session = try runSession([initializeLine, """
            [{"jsonrpc":"2.0","method":"preflight/countTokens","params":{"text":"a"},"id":"1"},\
            {"jsonrpc":"2.0","method":"notify_hello","params":[7]},\
            {"jsonrpc":"2.0","method":"preflight/countTokens","params":{"text":"b c"},"id":"2"},\
            {"foo":"boo"},\
            {"jsonrpc":"2.0","method":"foo.get","params":{"name":"myself"},"id":"5"},\
            {"jsonrpc":"2.0","method":"preflight/countTokens","id":"9"}]
            """])
        let batch = try #require(session.messages[1].batch)
        try #require(batch.count == 5)
        #expect(batch.map { $0["id"]?.stringValue } == ["1", "2", nil, "5", "9"])
        #expect(try batch[0].decodedResult(TokenCountResult.self).tokens > 0)
        #expect(try batch[1].decodedResult(TokenCountResult.self).tokens > 0)
        #expect(batch[2].errorCode == -32600)
        #expect(batch[3].errorCode == -32601)
        #expect(batch[4].errorCode == -32602)
        #expect(batch[4].errorField == "params.text")
    }

    @Test func batchOfNotificationsOnlyGetsNoReply() throws {
        let session = try runSession([initializeLine, #"[{"jsonrpc":"2.0","method":"notify_sum","params":[1,2,4]},{"jsonrpc":"2.0","method":"notify_hello","params":[7]}]"#, #"{"jsonrpc":"2.0","id":"last","method":"shutdown"}"#])
        try #require(session.messages.count == 2)
        #expect(session.messages[1]["id"]?.stringValue == "last")
    }

    @Test func idsAreEchoedExactly() throws {
        let session = try runSession([
            initializeLine,
            #"{"jsonrpc":"2.0","id":9007199254740993,"method":"shutdown"}"#,
        ])
        let text = String(decoding: session.stdout, as: UTF8.self)
        #expect(text.contains(#""id":9007199254740993,"#))
        let unicode = try runSession([#"{"jsonrpc":"2.0","id":"日本語-🙂-\u00e9","method":"initialize"}"#, #"{"jsonrpc":"2.0","id":-0.5,"method":"shutdown"}"#])
        #expect(unicode.messages[0]["id"]?.stringValue == "日本語-🙂-é")
        #expect(String(decoding: unicode.stdout, as: UTF8.self).contains(#""id":-0.5,"#))
        let maxSafe = try runSession([initializeLine, #"{"jsonrpc":"2.0","id":9007199254740992,"method":"shutdown"}"#])
        #expect(String(decoding: maxSafe.stdout, as: UTF8.self).contains(#""id":9007199254740992,"#))
    }

    @Test func invalidParamsNameTheField() throws {
        let session = try runSession([
            initializeLine,
            #"{"jsonrpc":"2.0","id":1,"method":"preflight/countTokens","params":{"text":5}}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"preflight/countTokens","params":{"text":"x","tokenizer":"nope"}}"#,
            #"{"jsonrpc":"2.0","id":3,"method":"preflight/countTokens","params":{"text":"x","tokenizer":"o200k_base","model":"gpt-4o"}}"#,
            #"{"jsonrpc":"2.0","id":4,"method":"preflight/countTokens","params":{"text":"x","mode":"guess"}}"#,
        ])
        #expect(session.messages.dropFirst().map(\.errorCode) == [-32602, -32602, -32602, -32602])
        #expect(session.messages.dropFirst().map(\.errorField) == ["params.text", "params.tokenizer", "params.model", "params.mode"])
    }

    @Test func embeddedNulInAPromptIsAccepted() throws {
        let session = try runSession([initializeLine, #"{"jsonrpc":"2.0","id":1,"method":"preflight/countTokens","params":{"text":"a\u0000b"}}"#])
        #expect(try session.messages[1].decodedResult(TokenCountResult.self).tokens > 0)
    }

    @Test func invalidUTF8AndDeepNestingAreParseErrors() throws {
        let server = ServerHarness()
        server.sendLine(initializeLine)
        server.send([0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D, 0x0A])
        server.sendLine(String(repeating: "[", count: 3000) + String(repeating: "]", count: 3000))
        server.sendLine(#"{"jsonrpc":"2.0","id":9,"method":"shutdown"}"#)
        server.closeInput()
        #expect(server.waitForExit() == 0)
        let replies = try ServerHarness.split(server.stdout, framing: .newline)
        #expect(replies.map(\.errorCode) == [nil, -32700, -32700, nil])
    }
}
