import Foundation
import Testing
import TestSupport
import JSON
import JSONRPC
import PreflightAPI
import PreflightServer

/// LSP 3.17's lifecycle rules, through an in-process connection (the process exit codes are
/// checked end to end in `ProcessLifecycleTests`).
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
        let version = PreflightVersion.current
        let session = try runSession([initializeLine])
        // initialize's result is assembled from the features' capability fragments, not one
        // shape, so it is read untyped.
        let result = try #require(session.messages.first?.result)
        let info = try #require(result["serverInfo"])
        #expect(info["name"]?.stringValue == "preflight")
        #expect(info["version"]?.stringValue == version)
        let preflight = try #require(result["capabilities"]?["experimental"]?["preflight"])
        let methods = try #require(preflight["methods"]).elements.compactMap(\.stringValue)
        #expect(methods.contains("preflight/countTokens"))
        let tokenizers = try #require(preflight["tokenizers"]).elements
        #expect(tokenizers.contains { $0["name"]?.stringValue == "o200k_base" })
    }

    @Test func secondInitializeIsInvalidRequest() throws {
        let session = try runSession([initializeLine, #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#])
        #expect(session.messages[1].errorCode == -32600)
    }

    @Test func requestsBetweenInitializeAndInitializedAreServed() throws {
        let session = try runSession([initializeLine, #"{"jsonrpc":"2.0","id":1,"method":"preflight/countTokens","params":{"text":"x"}}"#, initializedLine, #"{"jsonrpc":"2.0","id":2,"method":"preflight/countTokens","params":{"text":"y"}}"#])
        #expect(try session.messages[1].decodedResult(TokenCountResult.self).tokens == 1)
        #expect(try session.messages[2].decodedResult(TokenCountResult.self).tokens == 1)
    }

    @Test func shutdownWithNullParamsThenRequestsAreInvalidThenExitZero() throws {
        let server = ServerHarness()
        server.sendLine(initializeLine)
        server.sendLine(initializedLine)
        server.sendLine(#"{"jsonrpc":"2.0","id":1,"method":"shutdown","params":null}"#)
        server.sendLine(#"{"jsonrpc":"2.0","id":2,"method":"preflight/countTokens","params":{"text":"x"}}"#)
        server.sendLine(#"{"jsonrpc":"2.0","method":"exit"}"#)
        // exit ends the process while stdin is still open.
        #expect(server.waitForExit() == 0)
        let replies = try ServerHarness.split(server.stdout, framing: .newline)
        try #require(replies.count == 3)
        #expect(replies[1].result?.isNull == true)
        #expect(replies[2].errorCode == -32600)
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

/// Cancellation as the brief pins it down: before a request runs, and while it runs.
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
        let server = ServerHarness()
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
        let replies = try ServerHarness.split(server.stdout, framing: .newline)
        try #require(replies.count == 3)
        #expect(try replies[2].decodedResult(TokenCountResult.self).tokens == 1)
    }

    @Test func repliesComeInRequestOrder() throws {
        var lines = [initializeLine]
        for i in 1...200 {
            lines.append(#"{"jsonrpc":"2.0","id":\#(i),"method":"preflight/countTokens","params":{"text":"\#(String(repeating: "word ", count: i))"}}"#)
        }
        let session = try runSession(lines)
        #expect(session.messages.dropFirst().map(\.idNumber) == Array(1...200))
    }

    @Test func aRunningHandlerThatPollsStopsWhenCancelled() throws {
        let server = ServerHarness(additionalFeatures: TestMethods.register)
        server.sendLine(initializeLine)
        server.sendLine(#"{"jsonrpc":"2.0","id":"long","method":"test/spin","params":{}}"#)
        // The handler says it started (a notification it sends while running); cancel it then.
        _ = server.waitForMessage { $0["method"]?.stringValue == "test/started" }
        server.sendLine(#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":"long"}}"#)
        server.sendLine(#"{"jsonrpc":"2.0","id":2,"method":"preflight/countTokens","params":{"text":"after"}}"#)
        let cancelled = try #require(server.waitForMessage { $0["id"]?.stringValue == "long" })
        #expect(cancelled.errorCode == -32800)
        let after = try #require(server.waitForMessage { $0.idNumber == 2 })
        #expect(try after.decodedResult(TokenCountResult.self).tokens == 1)
        server.closeInput()
        #expect(server.waitForExit() == 0)
    }
}

/// Server-to-client messages from a handler, and the client's responses coming back.
@Suite struct OutboundMessageTests {
    @Test func aHandlerSendsANotificationAndARequestAndGetsTheResponse() throws {
        let server = ServerHarness(additionalFeatures: TestMethods.register)
        server.sendLine(initializeLine)
        server.sendLine(#"{"jsonrpc":"2.0","id":"first","method":"test/askClient","params":{}}"#)
        let notification = try #require(server.waitForMessage { $0["method"]?.stringValue == "window/logMessage" })
        #expect(notification["params"]?["message"]?.stringValue == "asking the client")
        let request = try #require(server.waitForMessage { $0["method"]?.stringValue == "workspace/configuration" })
        let requestID = try #require(request.idNumber)
        #expect(server.waitForMessage { $0["id"]?.stringValue == "first" }?.result?.stringValue == "asked")
        // The client answers; the completion runs on the dispatch thread and reports back.
        server.sendLine(#"{"jsonrpc":"2.0","id":\#(requestID),"result":[{"maxTokens":5}]}"#)
        let answered = try #require(server.waitForMessage { $0["method"]?.stringValue == "test/answered" })
        #expect(answered["params"]?["result"]?.stringValue == #"[{"maxTokens":5}]"#)
        // An error reply is delivered too.
        server.sendLine(#"{"jsonrpc":"2.0","id":"second","method":"test/askClient","params":{}}"#)
        let second = try #require(server.waitForMessage {
            $0["method"]?.stringValue == "workspace/configuration" && $0.idNumber != requestID
        })
        server.sendLine(#"{"jsonrpc":"2.0","id":\#(second.idNumber ?? -1),"error":{"code":-32803,"message":"no"}}"#)
        let failed = try #require(server.waitForMessage { $0["params"]?["error"]?.intValue == -32803 })
        #expect(failed["method"]?.stringValue == "test/answered")
        server.closeInput()
        #expect(server.waitForExit() == 0)
    }

    @Test func featuresContributeCapabilitiesAfterTheBuiltInOnes() throws {
        let server = ServerHarness(additionalFeatures: TestMethods.register)
        server.sendLine(initializeLine)
        server.closeInput()
        #expect(server.waitForExit() == 0)
        let text = String(decoding: server.stdout, as: UTF8.self)
        // The built-in part is unchanged; the test feature's fragments follow it.
        #expect(text.contains(#"{"capabilities":{"experimental":{"preflight":{"methods":["preflight/check","#))
        #expect(text.contains(#"},"test":true},"positionEncoding":"utf-16","#))
        #expect(text.contains(#""executeCommandProvider":{"commands":["preflight.estimate","preflight.check"]},"definitionProvider":false},"serverInfo":"#))
    }
}

/// Test-only methods that exercise the dispatch seams: a long handler that polls for
/// cancellation, and one that talks back to the client.
enum TestMethods {
    @Sendable static func register(into registry: inout MethodRegistry) {
        registry.request("test/spin") { (_: JSONValue?, context: RequestContext) throws(JSONRPCError) -> JSONValue in
            context.notify(method: "test/started", params: nil)
            // Bounded, so a server that never sees the cancel fails the test instead of hanging it.
            for _ in 0..<50_000_000 {
                try context.checkCancellation()
            }
            return .string("never cancelled")
        }
        registry.request("test/askClient") { (_: JSONValue?, context: RequestContext) throws(JSONRPCError) -> JSONValue in
            context.notify(method: "window/logMessage", params: .object(["type": .integer(3), "message": .string("asking the client")]))
            context.request(method: "workspace/configuration", params: .object(["items": .array([])])) { outcome in
                switch outcome {
                case .success(let result):
                    context.notify(method: "test/answered", params: .object(["result": .string(result.serializedString)]))
                case .failure(let error):
                    context.notify(method: "test/answered", params: .object(["error": .integer(error.code)]))
                }
            }
            return .string("asked")
        }
        registry.capability(["experimental", "test"]) { .bool(true) }
        registry.capability(["definitionProvider"]) { .bool(false) }
    }
}
