#if canImport(Glibc)
import Glibc
#endif
import Log

/// A JSON-RPC 2.0 connection over a pair of file descriptors (stdio by default, or the pipes of
/// an `InProcessConnection`).
///
/// The core is small and synchronous: the thread that calls `run` reads, parses and dispatches
/// through a `JSONRPCSession`; a `FrameWriter` writes (directly when that cannot block, else on
/// its own thread). Before each handler runs, and each time a running handler polls
/// `RequestContext.isCancelled`, every byte that is already readable is read and parsed (up to
/// `maxQueuedMessages` units of work and about `maxMessageBytes` of message text, so memory
/// stays bounded), so a `$/cancelRequest` is applied as soon as it has arrived: a queued request
/// is answered -32800 without running, a running one sees `isCancelled` at its next poll.
/// Replies come in request order.
public final class JSONRPCConnection {
    /// Tunables, with the defaults the brief sets.
    public struct Configuration: Sendable {
        /// Largest message accepted; larger ones are answered -32600 and discarded unread.
        public var maxMessageBytes: Int
        /// Input descriptor (stdin).
        public var inputFD: Int32
        /// Output descriptor (stdout): protocol bytes only.
        public var outputFD: Int32
        /// How many parsed units of work may wait before the next handler runs (bounds memory).
        public var maxQueuedMessages: Int

        /// Defaults: 64 MiB messages on stdin/stdout.
        public init(maxMessageBytes: Int = 64 << 20, inputFD: Int32 = 0, outputFD: Int32 = 1, maxQueuedMessages: Int = 4096) {
            self.maxMessageBytes = maxMessageBytes
            self.inputFD = inputFD
            self.outputFD = outputFD
            self.maxQueuedMessages = maxQueuedMessages
        }
    }

    private let configuration: Configuration
    private let log: StderrLog
    private let writer: FrameWriter
    private let session: JSONRPCSession
    private let inbox = ConnectionInbox()
    private var endOfInput = false
    private var readBuffer = [UInt8](repeating: 0, count: 64 * 1024)

    /// Creates a connection; nothing is read until `run(handler:)`.
    public init(configuration: Configuration = Configuration(), log: StderrLog) {
        self.configuration = configuration
        self.log = log
        let writer = FrameWriter(fd: configuration.outputFD, inputFD: configuration.inputFD)
        self.writer = writer
        self.session = JSONRPCSession(maxMessageBytes: configuration.maxMessageBytes, log: log) { writer.enqueue($0) }
        session.readAvailableInput = { [unowned self] in self.readAvailableInput() }
        session.inbox = inbox
        writer.hasQueuedRequests = { [unowned session] in session.queuedWorkCount > 0 }
    }

    /// Serves until the handler asks to exit or input ends; returns the process exit code
    /// (the handler's, or 0 at end of input). Everything queued is written before it returns.
    public func run(handler: JSONRPCMessageHandler) -> Int32 {
        let code = serve(handler)
        handler.connectionDidEnd()
        writer.finish()
        if writer.isBroken { log.info("the client closed its end of the output; later replies were dropped") }
        return code
    }

    private func serve(_ handler: JSONRPCMessageHandler) -> Int32 {
        while true {
            if inbox.hasEvents {
                deliverInboxEvents(to: handler)
                if let code = handler.requestedExitCode { return code }
            }
            if session.queuedWorkCount == 0 {
                if endOfInput { return 0 }
                if waitForInputOrInbox() { readOnce() }
                continue
            }
            readAvailableInput()
            session.dispatchNext(to: handler)
            if let code = handler.requestedExitCode { return code }
            if writer.isBroken { return 0 }
        }
    }

    /// Blocks until input or an inbox event arrives; returns whether input is readable.
    private func waitForInputOrInbox() -> Bool {
        var descriptors = [pollfd(fd: configuration.inputFD, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: inbox.readFD, events: Int16(POLLIN), revents: 0)]
        while poll(&descriptors, 2, -1) < 0 {
            if errno != EINTR { return true }  // let read() report the failure
        }
        return descriptors[0].revents != 0
    }

    private func deliverInboxEvents(to handler: JSONRPCMessageHandler) {
        let client = session.clientChannel()
        for event in inbox.takeAll() {
            handler.handleInboxEvent(event, client: client)
        }
    }

    /// Reads what is already readable, within the read-ahead bounds, without blocking.
    private func readAvailableInput() {
        while !endOfInput && session.queuedWorkCount < configuration.maxQueuedMessages
                && session.queuedWorkBytes < configuration.maxMessageBytes && inputIsReadable() {
            readOnce()
        }
    }

    private func inputIsReadable() -> Bool {
        var descriptor = pollfd(fd: configuration.inputFD, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) > 0
    }

    private func readOnce() {
        let count = readBuffer.withUnsafeMutableBytes { buffer -> Int in
            while true {
                let n = read(configuration.inputFD, buffer.baseAddress, buffer.count)
                if n < 0 && errno == EINTR { continue }
                return n
            }
        }
        guard count > 0 else {
            if count < 0 { log.warning("read failed: \(String(cString: strerror(errno))); treating it as end of input") }
            endOfInput = true
            session.receiveEndOfInput()
            return
        }
        readBuffer.withUnsafeBytes { session.receive(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
    }
}
