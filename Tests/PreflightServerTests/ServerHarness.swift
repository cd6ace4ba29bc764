import Foundation
import Testing
import TestSupport
import JSON
import JSONRPC
import Log
import PreflightServer

/// A `PreflightLanguageServer` behind an `InProcessConnection`: the same bytes, framing,
/// read-ahead, cancellation and writer as `preflight serve` on stdio, without a process.
///
/// Its methods mirror the end-to-end tests' `ServerProcess` (send, `waitForMessages`, `stdout`,
/// `waitForExit`), so a test moves between the two by changing the type. Every wait has a
/// deadline, so a hung server fails the test instead of hanging the suite.
final class ServerHarness {
    let connection: InProcessConnection

    /// Starts a server over `models/` (`$PREFLIGHT_MODELS`, else this checkout's) with the
    /// built-in features and any `additionalFeatures` (test-only methods).
    /// What the server's editor features did (analyses run, diagnostics published).
    let editorStatistics = EditorStatistics()

    init(maxMessageBytes: Int = 64 << 20, editor: EditorConfiguration = EditorConfiguration(),
         additionalFeatures: @escaping @Sendable (inout MethodRegistry) -> Void = { _ in }) {
        let models = Self.modelsDirectory
        let statistics = editorStatistics
        connection = InProcessConnection(
            configuration: JSONRPCConnection.Configuration(maxMessageBytes: maxMessageBytes), log: StderrLog(level: .off)
        ) {
            PreflightLanguageServer(context: ServerContext(log: StderrLog(level: .off), modelsDirectory: models,
                                                           editor: editor, editorStatistics: statistics),
                                    additionalFeatures: additionalFeatures)
        }
    }

    static var modelsDirectory: String {
        if let path = ProcessInfo.processInfo.environment["PREFLIGHT_MODELS"], !path.isEmpty { return path }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("models").path
    }

    /// How long a wait lasts before the test fails: `PREFLIGHT_TEST_TIMEOUT` seconds, default 120.
    static var timeout: TimeInterval {
        ProcessInfo.processInfo.environment["PREFLIGHT_TEST_TIMEOUT"].flatMap(TimeInterval.init) ?? 120
    }

    func send(_ bytes: [UInt8]) { connection.send(bytes) }
    func send(_ text: String) { send(Array(text.utf8)) }
    /// Sends one message with LSP framing.
    func sendFramed(_ json: String) { send("Content-Length: \(json.utf8.count)\r\n\r\n\(json)") }
    /// Sends one message as a line.
    func sendLine(_ json: String) { send(json + "\n") }
    func closeInput() { connection.closeInput() }

    /// Everything the server wrote so far.
    var stdout: [UInt8] { connection.receivedBytes }

    /// Waits for the server to stop; its exit code, or nil (and a recorded issue) on timeout.
    @discardableResult
    func waitForExit() -> Int32? {
        let code = connection.waitForExit(timeout: Self.timeout)
        if code == nil { Issue.record("the in-process server did not stop within \(Self.timeout) s") }
        return code
    }

    /// Waits until the server has written at least `count` messages in `framing`; returns them.
    func waitForMessages(_ count: Int, framing: Framing) -> [Reply] {
        let bytes = connection.waitForOutput(timeout: Self.timeout) { ((try? Self.split($0, framing: framing)) ?? []).count >= count }
        return (try? Self.split(bytes, framing: framing)) ?? []
    }

    /// Waits for the first message satisfying `matches`; nil (and a recorded issue) on timeout.
    func waitForMessage(framing: Framing = .newline, _ matches: @escaping (Reply) -> Bool) -> Reply? {
        let messages = { (bytes: [UInt8]) in (try? Self.split(bytes, framing: framing)) ?? [] }
        let bytes = connection.waitForOutput(timeout: Self.timeout) { messages($0).contains(where: matches) }
        let found = messages(bytes).first(where: matches)
        if found == nil { Issue.record("no matching message from the in-process server within \(Self.timeout) s") }
        return found
    }

    enum Framing { case contentLength, newline }

    struct FramingViolation: Error, CustomStringConvertible { let description: String }

    /// Splits the server's output into parsed messages with the transport's own framers;
    /// throws when the output holds anything but whole frames of JSON.
    static func split(_ bytes: [UInt8], framing: Framing) throws -> [Reply] {
        let events: [FrameEvent]
        switch framing {
        case .newline:
            var framer = NewlineDelimitedFramer(maxMessageBytes: 1 << 40)
            events = framer.append(bytes)
        case .contentLength:
            var framer = ContentLengthFramer(maxMessageBytes: 1 << 40)
            events = framer.append(bytes)
        }
        return try events.map { event in
            guard case .message(let body) = event else { throw FramingViolation(description: "not a frame: \(event)") }
            return try Reply(body: body)
        }
    }
}

/// Runs a whole scripted session in process: sends `lines` (newline framing) in one write,
/// closes the input, waits for the server to stop.
func runSession(_ lines: [String]) throws -> (messages: [Reply], status: Int32?, stdout: [UInt8]) {
    let server = ServerHarness()
    server.send(lines.map { $0 + "\n" }.joined())
    server.closeInput()
    let status = server.waitForExit()
    return (try ServerHarness.split(server.stdout, framing: .newline), status, server.stdout)
}

extension PreflightLanguageServer {
    /// Calls the request path directly, as dispatch does, for unit tests of the lifecycle; what
    /// the handler sends to the client goes to a session whose output nobody reads.
    func handleRequest(method: String, params: JSONValue?, id: RequestID) throws(JSONRPCError) -> JSONValue {
        try handleRequest(method: method, params: params, context: Self.unreadSession.requestContext(id: id))
    }

    /// Calls the notification path directly, as dispatch does.
    func handleNotification(method: String, params: JSONValue?) {
        handleNotification(method: method, params: params, client: Self.unreadSession.clientChannel())
    }

    private static var unreadSession: JSONRPCSession {
        JSONRPCSession(maxMessageBytes: 1 << 20, log: StderrLog(level: .off)) { _ in }
    }
}
