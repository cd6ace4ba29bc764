import Foundation
import Testing

/// LSP 3.17's lifecycle rules, against the real binary.
@Suite struct LifecycleTests {
    @Test func requestsBeforeInitializeAreNotInitialized() throws {
        let session = try runSession([
            #"{"jsonrpc":"2.0","id":1,"method":"preflight/countTokens","params":{"text":"x"}}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#,
            initializeLine,
        ])
        #expect(session.messages.map(\.errorCode) == [-32002, -32002, nil])
    }

    @Test func initializeAdvertisesServerInfoAndCustomMethods() throws {
        let version = try runCLI(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let session = try runSession([initializeLine])
        let result = try #require(session.messages.first?.result)
        let info = try #require(result["serverInfo"] as? [String: Any])
        #expect(info["name"] as? String == "preflight")
        #expect(info["version"] as? String == version)
        let capabilities = try #require(result["capabilities"] as? [String: Any])
        let preflight = try #require((capabilities["experimental"] as? [String: Any])?["preflight"] as? [String: Any])
        let methods = try #require(preflight["methods"] as? [String])
        #expect(methods.contains("preflight/countTokens"))
        let tokenizers = try #require(preflight["tokenizers"] as? [[String: Any]])
        #expect(tokenizers.contains { $0["name"] as? String == "o200k_base" })
    }

    @Test func secondInitializeIsInvalidRequest() throws {
        let session = try runSession([initializeLine, #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#])
        #expect(session.messages[1].errorCode == -32600)
    }

    @Test func requestsBetweenInitializeAndInitializedAreServed() throws {
        let session = try runSession([initializeLine, #"{"jsonrpc":"2.0","id":1,"method":"preflight/countTokens","params":{"text":"x"}}"#, initializedLine, #"{"jsonrpc":"2.0","id":2,"method":"preflight/countTokens","params":{"text":"y"}}"#])
        #expect(session.messages[1].result != nil)
        #expect(session.messages[2].result != nil)
    }

    @Test func shutdownWithNullParamsThenRequestsAreInvalidThenExitZero() throws {
        let server = try ServerProcess()
        server.sendLine(initializeLine)
        server.sendLine(initializedLine)
        server.sendLine(#"{"jsonrpc":"2.0","id":1,"method":"shutdown","params":null}"#)
        server.sendLine(#"{"jsonrpc":"2.0","id":2,"method":"preflight/countTokens","params":{"text":"x"}}"#)
        server.sendLine(#"{"jsonrpc":"2.0","method":"exit"}"#)
        // exit ends the process while stdin is still open.
        #expect(server.waitForExit() == 0)
        let replies = try ServerProcess.split(server.stdout, framing: .newline).compactMap { $0 as? [String: Any] }
        try #require(replies.count == 3)
        #expect(replies[1]["result"] is NSNull)
        #expect(replies[2].errorCode == -32600)
    }

    @Test func exitWithoutShutdownIsOne() throws {
        let server = try ServerProcess()
        server.sendLine(initializeLine)
        server.sendLine(#"{"jsonrpc":"2.0","method":"exit"}"#)
        #expect(server.waitForExit() == 1)
        let before = try ServerProcess()
        before.sendLine(#"{"jsonrpc":"2.0","method":"exit"}"#)
        #expect(before.waitForExit() == 1)
    }

    @Test func endOfInputExitsZero() throws {
        let session = try runSession([initializeLine])
        #expect(session.status == 0)
        let empty = try runSession([])
        #expect(empty.status == 0)
        #expect(empty.stdout.isEmpty)
    }

    @Test func dollarNotificationsAreIgnoredAndDollarRequestsAreMethodNotFound() throws {
        let session = try runSession([
            initializeLine,
            #"{"jsonrpc":"2.0","method":"$/setTrace","params":{"value":"off"}}"#,
            #"{"jsonrpc":"2.0","id":1,"method":"$/something","params":{}}"#,
        ])
        try #require(session.messages.count == 2)
        #expect(session.messages[1].errorCode == -32601)
    }

    @Test func clientRepliesAreNotAnswered() throws {
        let session = try runSession([initializeLine, #"{"jsonrpc":"2.0","id":77,"result":null}"#, #"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#])
        try #require(session.messages.count == 2)
    }
}

/// Cancellation as the brief pins it down.
@Suite struct CancellationTests {
    @Test func cancelArrivingBeforeItsRequestIsHandledGives32800() throws {
        // One write: everything is readable before the first handler runs.
        let session = try runSession([
            initializeLine,
            #"{"jsonrpc":"2.0","id":5,"method":"preflight/countTokens","params":{"text":"x"}}"#,
            #"{"jsonrpc":"2.0","id":"s","method":"preflight/countTokens","params":{"text":"y"}}"#,
            #"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":5}}"#,
            #"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":"s"}}"#,
        ])
        try #require(session.messages.count == 3)
        #expect(session.messages[1].errorCode == -32800)
        #expect(session.messages[1].idNumber == 5)
        #expect(session.messages[2].errorCode == -32800)
    }

    @Test func cancellingUnknownOrFinishedIDsIsHarmless() throws {
        let server = try ServerProcess()
        server.sendLine(initializeLine)
        server.sendLine(#"{"jsonrpc":"2.0","id":1,"method":"preflight/countTokens","params":{"text":"x"}}"#)
        _ = server.waitForMessages(2, framing: .newline)
        server.sendLine(#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":1}}"#)
        server.sendLine(#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":424242}}"#)
        server.sendLine(#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{}}"#)
        // A cancel for an id that is not pending yet must not cancel a later request with that id.
        server.sendLine(#"{"jsonrpc":"2.0","id":424242,"method":"preflight/countTokens","params":{"text":"x"}}"#)
        server.closeInput()
        #expect(server.waitForExit() == 0)
        let replies = try ServerProcess.split(server.stdout, framing: .newline).compactMap { $0 as? [String: Any] }
        try #require(replies.count == 3)
        #expect(replies[2].result != nil)
    }

    @Test func repliesComeInRequestOrder() throws {
        var lines = [initializeLine]
        for i in 1...200 {
            lines.append(#"{"jsonrpc":"2.0","id":\#(i),"method":"preflight/countTokens","params":{"text":"\#(String(repeating: "word ", count: i))"}}"#)
        }
        let session = try runSession(lines)
        #expect(session.messages.dropFirst().map(\.idNumber) == Array(1...200))
    }
}
