import Testing
@testable import JSONRPC
import JSON
import Log

/// A handler that echoes the method name and records what it saw. Two methods talk back:
/// `ask` sends a notification and a request to the client and records the response; `long`
/// polls for cancellation up to `longIterations` times.
final class RecordingHandler: JSONRPCMessageHandler {
    var handled: [String] = []
    var requestedExitCode: Int32?
    var responses: [Result<JSONValue, ResponseError>] = []
    var longIterations = 1000
    var pollsBeforeCancelSeen = 0

    func handleRequest(method: String, params: JSONValue?, context: RequestContext) throws(JSONRPCError) -> JSONValue {
        handled.append(method)
        switch method {
        case "fail":
            throw .invalidParams("bad", field: "params.x")
        case "ask":
            context.notify(method: "window/logMessage", params: .object(["type": .integer(3), "message": .string("asking")]))
            context.request(method: "workspace/configuration", params: .object(["items": .array([])])) { [self] in
                responses.append($0)
            }
        case "long":
            for iteration in 1...longIterations {
                pollsBeforeCancelSeen = iteration
                try context.checkCancellation()
            }
        default:
            break
        }
        return .string(method)
    }

    func handleNotification(method: String, params: JSONValue?, client: ClientChannel) {
        handled.append("notify:\(method)")
        if method == "exit" { requestedExitCode = 0 }
    }
}

@Suite struct JSONRPCSessionTests {
    func run(_ input: String, maxMessageBytes: Int = 1 << 20) -> (replies: [String], handled: [String]) {
        var replies: [String] = []
        let session = JSONRPCSession(maxMessageBytes: maxMessageBytes, log: StderrLog(level: .off)) {
            replies.append(String(decoding: $0, as: UTF8.self))
        }
        let handler = RecordingHandler()
        Array(input.utf8).withUnsafeBytes { session.receive($0) }
        session.receiveEndOfInput()
        while session.dispatchNext(to: handler) {}
        return (replies, handler.handled)
    }

    @Test func newlineFramingRepliesLineByLine() {
        let result = run(#"{"jsonrpc":"2.0","id":1,"method":"a"}"# + "\n" + #"{"jsonrpc":"2.0","id":2,"method":"b"}"#)
        #expect(result.replies == [#"{"jsonrpc":"2.0","id":1,"result":"a"}"# + "\n", #"{"jsonrpc":"2.0","id":2,"result":"b"}"# + "\n"])
    }

    @Test func contentLengthFramingRepliesWithHeaders() {
        let body = #"{"jsonrpc":"2.0","id":1,"method":"a"}"#
        let result = run("Content-Length: \(body.utf8.count)\r\n\r\n\(body)")
        #expect(result.replies == ["Content-Length: 37\r\n\r\n" + #"{"jsonrpc":"2.0","id":1,"result":"a"}"#])
    }

    @Test func cancelledPendingRequestIsNotHandled() {
        let result = run("""
            {"jsonrpc":"2.0","id":1,"method":"slow"}
            {"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":1}}
            {"jsonrpc":"2.0","id":2,"method":"next"}
            """)
        #expect(result.handled == ["next"])
        #expect(result.replies.first?.contains(#""code":-32800"#) == true)
    }

    @Test func errorsCarryDataField() {
        let result = run(#"{"jsonrpc":"2.0","id":"x","method":"fail"}"#)
        #expect(result.replies == [#"{"jsonrpc":"2.0","id":"x","error":{"code":-32602,"message":"bad","data":{"field":"params.x"}}}"# + "\n"])
    }

    @Test func duplicatePendingIDsAreTrackedByCount() {
        // Two pending requests share id 1; one cancel cancels the first to be handled only.
        let result = run("""
            {"jsonrpc":"2.0","id":1,"method":"a"}
            {"jsonrpc":"2.0","id":1,"method":"b"}
            {"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":1}}
            """)
        #expect(result.handled == ["b"])
    }

    @Test func oversizedBatchIsOneInvalidRequest() {
        let batch = "[" + Array(repeating: "0", count: JSONRPCSession.maxBatchElements + 1).joined(separator: ",") + "]"
        let result = run(batch)
        #expect(result.replies.count == 1)
        #expect(result.replies.first?.contains(#""code":-32600"#) == true)
        #expect(result.replies.first?.hasPrefix("[") == false)
    }

    @Test func aHandlerSendsANotificationAndARequestAndGetsTheResponses() throws {
        var sent: [String] = []
        let session = JSONRPCSession(maxMessageBytes: 1 << 20, log: StderrLog(level: .off)) {
            sent.append(String(decoding: $0, as: UTF8.self))
        }
        let handler = RecordingHandler()
        let receive = { (text: String) in Array(text.utf8).withUnsafeBytes { session.receive($0) } }
        receive(#"{"jsonrpc":"2.0","id":"q","method":"ask"}"# + "\n" + #"{"jsonrpc":"2.0","id":"r","method":"ask"}"# + "\n")
        while session.dispatchNext(to: handler) {}
        // Each `ask` sent its notification and request before its own reply, in that order.
        #expect(sent == [
            #"{"jsonrpc":"2.0","method":"window/logMessage","params":{"type":3,"message":"asking"}}"# + "\n",
            #"{"jsonrpc":"2.0","id":1,"method":"workspace/configuration","params":{"items":[]}}"# + "\n",
            #"{"jsonrpc":"2.0","id":"q","result":"ask"}"# + "\n",
            #"{"jsonrpc":"2.0","method":"window/logMessage","params":{"type":3,"message":"asking"}}"# + "\n",
            #"{"jsonrpc":"2.0","id":2,"method":"workspace/configuration","params":{"items":[]}}"# + "\n",
            #"{"jsonrpc":"2.0","id":"r","result":"ask"}"# + "\n",
        ])
        #expect(session.outgoingRequestCount == 2)
        // Answered out of order; an error reply completes its request too; an unknown id and a
        // repeated answer are ignored, and none of them is answered.
        receive(#"{"jsonrpc":"2.0","id":2,"error":{"code":-32803,"message":"no","data":{"why":1}}}"# + "\n"
                + #"{"jsonrpc":"2.0","id":1,"result":[{"limit":5}]}"# + "\n"
                + #"{"jsonrpc":"2.0","id":1,"result":null}"# + "\n"
                + #"{"jsonrpc":"2.0","id":99,"result":null}"# + "\n")
        while session.dispatchNext(to: handler) {}
        #expect(sent.count == 6)
        #expect(session.outgoingRequestCount == 0)
        try #require(handler.responses.count == 2)
        #expect(handler.responses[0] == .failure(ResponseError(code: -32803, message: "no", data: #"{"why":1}"#)))
        #expect((try? handler.responses[1].get())?.serializedString == #"[{"limit":5}]"#)
    }

    @Test func aRunningHandlerSeesACancelThatArrivesWhileItPolls() {
        var replies: [String] = []
        let session = JSONRPCSession(maxMessageBytes: 1 << 20, log: StderrLog(level: .off)) {
            replies.append(String(decoding: $0, as: UTF8.self))
        }
        // The connection reads input when a handler polls; here the third poll finds the cancel.
        var polls = 0
        session.readAvailableInput = {
            polls += 1
            if polls == 3 {
                Array((#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":7}}"# + "\n").utf8)
                    .withUnsafeBytes { session.receive($0) }
            }
        }
        let handler = RecordingHandler()
        let requests = #"{"jsonrpc":"2.0","id":7,"method":"long"}"# + "\n" + #"{"jsonrpc":"2.0","id":7,"method":"long"}"# + "\n"
        Array(requests.utf8).withUnsafeBytes { session.receive($0) }
        session.dispatchNext(to: handler)
        #expect(handler.pollsBeforeCancelSeen == 3)
        #expect(replies == [#"{"jsonrpc":"2.0","id":7,"error":{"code":-32800,"message":"request cancelled"}}"# + "\n"])
        // The cancel was spent on the request that was running: the next one with the same id runs to the end.
        handler.longIterations = 5
        session.dispatchNext(to: handler)
        #expect(replies.last == #"{"jsonrpc":"2.0","id":7,"result":"long"}"# + "\n")
    }

    // MARK: Numbers Jansson cannot hold

    @Test func anIntegerBeyond64BitsInParamsIsInvalidParamsWithTheRequestsID() {
        let result = run(#"{"jsonrpc":"2.0","id":"abc","method":"m","params":{"n":[0,99999999999999999999]}}"#)
        #expect(result.handled.isEmpty)
        #expect(result.replies.count == 1)
        let reply = result.replies.first ?? ""
        #expect(reply.hasPrefix(#"{"jsonrpc":"2.0","id":"abc","error":{"code":-32602,"#), "\(reply)")
        #expect(reply.contains(#""data":{"field":"params.n[1]"}"#), "\(reply)")
        #expect(reply.contains("99999999999999999999"))
    }

    @Test func anOversizedIDOrEnvelopeMemberStaysAParseError() {
        for text in [#"{"jsonrpc":"2.0","id":99999999999999999999,"method":"m","params":{}}"#,
                     #"{"jsonrpc":"2.0","id":1,"method":"m","x":-99999999999999999999}"#] {
            let result = run(text)
            #expect(result.replies.count == 1)
            #expect(result.replies.first?.hasPrefix(#"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error: too big"#) == true,
                    "\(result.replies)")
        }
    }

    @Test func inABatchOnlyTheElementWithTheNumberIsRefused() {
        let result = run(#"[{"jsonrpc":"2.0","id":1,"method":"a"},{"jsonrpc":"2.0","id":2,"method":"b","params":{"x":1e999}},{"jsonrpc":"2.0","method":"c","params":{"y":-99999999999999999999}}]"#)
        #expect(result.handled == ["a"])
        #expect(result.replies.count == 1)
        let reply = result.replies.first ?? ""
        #expect(reply.hasPrefix(#"[{"jsonrpc":"2.0","id":1,"result":"a"},{"jsonrpc":"2.0","id":2,"error":{"code":-32602,"#), "\(reply)")
        #expect(reply.contains(#""field":"params.x""#))
    }

    @Test func aMemberNamedTwiceInParamsIsInvalidParamsElsewhereAParseError() {
        let result = run(#"{"jsonrpc":"2.0","id":4,"method":"m","params":{"cap":10,"cap":100000}}"# + "\n"
                         + #"{"jsonrpc":"2.0","id":5,"method":"m","method":"n"}"# + "\n")
        #expect(result.handled.isEmpty)
        #expect(result.replies.count == 2)
        #expect(result.replies.first == #"{"jsonrpc":"2.0","id":4,"error":{"code":-32602,"message":"params.cap is given twice; which value was meant cannot be known","data":{"field":"params.cap"}}}"# + "\n")
        #expect(result.replies.last?.hasPrefix(#"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error: duplicate object key"#) == true,
                "\(result.replies)")
    }

    @Test func aCancelReachesARequestWithAnOversizedNumber() {
        let result = run("""
            {"jsonrpc":"2.0","id":5,"method":"m","params":{"n":99999999999999999999}}
            {"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":5}}
            """)
        #expect(result.replies.first?.contains(#""code":-32800"#) == true)
    }

    @Test func queuedBytesAreCountedAndReleased() {
        let session = JSONRPCSession(maxMessageBytes: 1 << 20, log: StderrLog(level: .off)) { _ in }
        let line = #"{"jsonrpc":"2.0","id":1,"method":"a"}"# + "\n"
        Array((line + line).utf8).withUnsafeBytes { session.receive($0) }
        #expect(session.queuedWorkBytes == 2 * (line.utf8.count - 1))
        let handler = RecordingHandler()
        while session.dispatchNext(to: handler) {}
        #expect(session.queuedWorkBytes == 0)
    }
}
