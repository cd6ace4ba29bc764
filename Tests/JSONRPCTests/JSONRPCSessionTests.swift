import Testing
@testable import JSONRPC
import JSON
import Log

/// A handler that echoes the method name and records what it saw.
final class RecordingHandler: JSONRPCMessageHandler {
    var handled: [String] = []
    var requestedExitCode: Int32?

    func handleRequest(method: String, params: JSONValue?, id: JSONValue) throws(JSONRPCError) -> JSONValue {
        handled.append(method)
        if method == "fail" { throw .invalidParams("bad", field: "params.x") }
        return .string(method)
    }

    func handleNotification(method: String, params: JSONValue?) {
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
