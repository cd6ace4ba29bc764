import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Log

/// A server and its client in one process, joined by two pipes (as `lsp-server`'s
/// `Connection::memory()` or sourcekit-lsp's `LocalConnection`).
///
/// The server side is an ordinary `JSONRPCConnection` over the pipes' descriptors, run on a
/// thread of its own, so the bytes take exactly the path they take from stdin to stdout: framing
/// detection, read-ahead, cancellation while a handler runs, the writer. The client side writes
/// bytes and reads what the server wrote, which a thread collects as it arrives so the server
/// never waits for a slow test. Tests use it to drive a server without spawning a process.
///
/// Creating one ignores SIGPIPE process-wide (as `JSONRPCConnection.prepareProcess()` does for
/// a stdio server): both ends write to pipes whose reader may have gone, and that must fail
/// with EPIPE rather than kill the process. The threads keep the connection alive until the
/// server has stopped, so close its input (or send `exit`) when done.
public final class InProcessConnection: @unchecked Sendable {
    private let toServer: Int32
    private let fromServer: Int32
    private let state = NSCondition()
    private var inputClosed = false
    private var output: [UInt8] = []
    private var outputEnded = false
    private var exitCode: Int32?

    /// Starts the server: `makeHandler` runs on the server's thread, which owns the handler for
    /// its whole life (handlers are not `Sendable`).
    public init(configuration: JSONRPCConnection.Configuration = JSONRPCConnection.Configuration(), log: StderrLog,
                makeHandler: @escaping @Sendable () -> JSONRPCMessageHandler) {
        signal(SIGPIPE, SIG_IGN)
        var input: [Int32] = [0, 0], output: [Int32] = [0, 0]
        guard pipe(&input) == 0, pipe(&output) == 0 else {
            fatalError("pipe() failed: \(String(cString: strerror(errno)))")
        }
        toServer = input[1]
        fromServer = output[0]
        var serverConfiguration = configuration
        serverConfiguration.inputFD = input[0]
        serverConfiguration.outputFD = output[1]
        let serverEnds = serverConfiguration
        let serverThread = Thread { [self] in
            let code = JSONRPCConnection(configuration: serverEnds, log: log).run(handler: makeHandler())
            close(serverEnds.inputFD)
            close(serverEnds.outputFD)
            state.lock()
            exitCode = code
            state.broadcast()
            state.unlock()
        }
        serverThread.name = "preflight-in-process-server"
        serverThread.start()
        let collector = Thread { [self] in collectOutput() }
        collector.name = "preflight-in-process-client"
        collector.start()
    }

    deinit {
        if !inputClosed { close(toServer) }
        close(fromServer)
    }

    /// Writes bytes to the server's input (nothing happens once the server has stopped reading,
    /// as with a pipe to a process that exited).
    public func send(_ bytes: [UInt8]) {
        _ = FrameWriter.writeAll(bytes, to: toServer)
    }

    /// Ends the server's input (as a client closing stdin).
    public func closeInput() {
        state.lock(); defer { state.unlock() }
        guard !inputClosed else { return }
        inputClosed = true
        close(toServer)
    }

    /// Everything the server has written so far.
    public var receivedBytes: [UInt8] {
        state.lock(); defer { state.unlock() }
        return output
    }

    /// Waits until `isComplete` holds for what the server wrote, or the server's output ends, or
    /// `timeout` seconds pass (so a hung server fails a test instead of hanging it); returns
    /// the bytes.
    public func waitForOutput(timeout: TimeInterval, until isComplete: ([UInt8]) -> Bool) -> [UInt8] {
        let deadline = Date().addingTimeInterval(timeout)
        state.lock(); defer { state.unlock() }
        while !isComplete(output) && !outputEnded && state.wait(until: deadline) {}
        return output
    }

    /// Waits for the server to stop (on `exit` or end of input) and for its output to end;
    /// returns its exit code, or nil when `timeout` seconds passed first.
    public func waitForExit(timeout: TimeInterval) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        state.lock(); defer { state.unlock() }
        while !(exitCode != nil && outputEnded) && state.wait(until: deadline) {}
        return outputEnded ? exitCode : nil
    }

    private func collectOutput() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fromServer, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            state.lock()
            if count <= 0 {
                outputEnded = true
            } else {
                output += buffer[0..<count]
            }
            state.broadcast()
            state.unlock()
            if count <= 0 { return }
        }
    }
}
