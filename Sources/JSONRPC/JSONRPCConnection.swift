#if canImport(Glibc)
import Glibc
#endif

/// A JSON-RPC 2.0 connection over a pair of file descriptors (stdio by default).
///
/// The core is small and synchronous: one thread reads, frames, parses and dispatches; a
/// `FrameWriter` thread writes. Before each handler runs, every byte that is already readable is
/// read and parsed (bounded by `maxQueuedMessages`), so a `$/cancelRequest` that arrived before
/// its request is handled turns that request into a -32800 reply. Replies come in request
/// order. The framing (LSP `Content-Length` or newline-delimited) is detected from the first
/// bytes and kept for the connection's life.
public final class JSONRPCConnection {
    /// Tunables, with the defaults the brief sets.
    public struct Configuration: Sendable {
        /// Largest message accepted; larger ones are answered -32600 and discarded unread.
        public var maxMessageBytes: Int
        /// Input descriptor (stdin).
        public var inputFD: Int32
        /// Output descriptor (stdout): protocol bytes only.
        public var outputFD: Int32
        /// How many parsed messages may wait before the next handler runs.
        public var maxQueuedMessages: Int

        /// Defaults: 64 MiB messages on stdin/stdout.
        public init(maxMessageBytes: Int = 64 << 20, inputFD: Int32 = 0, outputFD: Int32 = 1, maxQueuedMessages: Int = 4096) {
            self.maxMessageBytes = maxMessageBytes
            self.inputFD = inputFD
            self.outputFD = outputFD
            self.maxQueuedMessages = maxQueuedMessages
        }
    }

    /// A unit of work taken from the input, in arrival order.
    private enum Work {
        case single(IncomingMessage)
        case batch([IncomingMessage])
        case failure(JSONRPCError)
    }

    private let configuration: Configuration
    private let log: StderrLog
    private let writer: FrameWriter
    private var detector = FramingDetector()
    private var framing: FramingDetector.Framing?
    private var contentLengthFramer: ContentLengthFramer
    private var newlineFramer: NewlineDelimitedFramer
    private var queue: [Work] = []
    private var queueHead = 0
    private var queuedBytes = 0
    private var pendingIDs: [String: Int] = [:]
    private var cancelledIDs: Set<String> = []
    private var endOfInput = false
    private var readBuffer = [UInt8](repeating: 0, count: 64 * 1024)

    /// Creates a connection; nothing is read until `run(handler:)`.
    public init(configuration: Configuration = Configuration(), log: StderrLog) {
        self.configuration = configuration
        self.log = log
        self.writer = FrameWriter(fd: configuration.outputFD)
        self.contentLengthFramer = ContentLengthFramer(maxMessageBytes: configuration.maxMessageBytes)
        self.newlineFramer = NewlineDelimitedFramer(maxMessageBytes: configuration.maxMessageBytes)
    }

    /// The framing chosen from the first bytes, once known.
    public var detectedFraming: FramingDetector.Framing? { framing }

    /// Serves until the handler asks to exit or input ends; returns the process exit code
    /// (the handler's, or 0 at end of input). Everything queued is written before it returns.
    public func run(handler: JSONRPCMessageHandler) -> Int32 {
        while true {
            if queueHead == queue.count {
                if endOfInput { break }
                readAvailable(blocking: true)
                continue
            }
            // Read what is already readable before starting the next handler.
            while !endOfInput && queue.count - queueHead < configuration.maxQueuedMessages && inputIsReadable() {
                readAvailable(blocking: false)
            }
            let work = queue[queueHead]
            queueHead += 1
            if queueHead > 1024 && queueHead * 2 > queue.count {
                queue.removeFirst(queueHead)
                queueHead = 0
            }
            perform(work, handler: handler)
            if let code = handler.requestedExitCode {
                writer.finish()
                return code
            }
            if writer.isBroken {
                log.info("client closed its end of the output; stopping")
                writer.finish()
                return 0
            }
        }
        writer.finish()
        return 0
    }

    /// Sends a server-to-client notification (e.g. `window/showMessage`).
    public func sendNotification(method: String, params: JSONValue) {
        let message = JSONValue.object(["jsonrpc": .string("2.0"), "method": .string(method), "params": params])
        send(message)
    }

    // MARK: Reading

    private func inputIsReadable() -> Bool {
        var descriptor = pollfd(fd: configuration.inputFD, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, 0)
        return ready > 0
    }

    private func readAvailable(blocking: Bool) {
        let count = readBuffer.withUnsafeMutableBytes { buffer -> Int in
            while true {
                let n = read(configuration.inputFD, buffer.baseAddress, buffer.count)
                if n < 0 && errno == EINTR { continue }
                return n
            }
        }
        if count <= 0 {
            if count < 0 { log.warning("read failed: \(String(cString: strerror(errno))); treating as end of input") }
            endOfInput = true
            if framing == .newlineDelimited {
                accept(newlineFramer.finish())
            }
            return
        }
        readBuffer.withUnsafeBytes { buffer in
            consume(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
    }

    private func consume(_ bytes: UnsafeRawBufferPointer) {
        switch framing {
        case .contentLength:
            accept(contentLengthFramer.append(bytes))
        case .newlineDelimited:
            accept(newlineFramer.append(bytes))
        case nil:
            guard let (chosen, replay) = detector.detect(bytes) else { return }
            framing = chosen
            log.debug("framing: \(chosen == .contentLength ? "Content-Length" : "newline-delimited JSON")")
            replay.withUnsafeBytes { consume($0) }
        }
    }

    private func accept(_ events: [FrameEvent]) {
        for event in events {
            switch event {
            case .message(let body):
                enqueueMessage(body)
            case .tooLarge(let declared):
                log.warning("discarding a message of \(declared.map { "\($0) bytes" } ?? "unknown size") (limit \(configuration.maxMessageBytes))")
                queue.append(.failure(JSONRPCError(.invalidRequest, "message too large")))
            case .malformedHeader(let reason):
                log.warning("bad header (\(reason)); resynchronising at the next Content-Length")
                queue.append(.failure(JSONRPCError(.parseError, "Parse error: \(reason)")))
            }
        }
    }

    private func enqueueMessage(_ body: [UInt8]) {
        let value: JSONValue
        do {
            value = try JSONValue.parse(body)
        } catch {
            queue.append(.failure(JSONRPCError(.parseError, "Parse error: \(error.description)")))
            return
        }
        if value.kind == .array {
            guard value.count > 0 else {
                queue.append(.failure(JSONRPCError(.invalidRequest, "Invalid Request: empty batch")))
                return
            }
            let messages = value.elements.map(IncomingMessage.classify)
            for message in messages { register(message) }
            queue.append(.batch(messages))
        } else {
            let message = IncomingMessage.classify(value)
            register(message)
            queue.append(.single(message))
        }
    }

    /// Tracks pending request ids and applies `$/cancelRequest` as soon as it is read.
    private func register(_ message: IncomingMessage) {
        switch message {
        case .request(let id, _, _):
            pendingIDs[id.serializedString, default: 0] += 1
        case .notification("$/cancelRequest", let params):
            guard let id = params?["id"], id.kind == .string || id.kind == .integer || id.kind == .real else { return }
            let key = id.serializedString
            if pendingIDs[key] != nil { cancelledIDs.insert(key) }
        default:
            break
        }
    }

    // MARK: Dispatch

    private func perform(_ work: Work, handler: JSONRPCMessageHandler) {
        switch work {
        case .failure(let error):
            send(errorReply(id: nil, error))
        case .single(let message):
            if let reply = reply(to: message, handler: handler) { send(reply) }
        case .batch(let messages):
            let replies = JSONValue.array()
            for message in messages {
                if let reply = reply(to: message, handler: handler) { replies.append(reply) }
            }
            if replies.count > 0 { send(replies) }
        }
    }

    private func reply(to message: IncomingMessage, handler: JSONRPCMessageHandler) -> JSONValue? {
        switch message {
        case .request(let id, let method, let params):
            let key = id.serializedString
            if let count = pendingIDs[key] {
                pendingIDs[key] = count > 1 ? count - 1 : nil
            }
            if cancelledIDs.remove(key) != nil {
                return errorReply(id: id, JSONRPCError(.requestCancelled, "request cancelled"))
            }
            do throws(JSONRPCError) {
                let result = try handler.handleRequest(method: method, params: params, id: id)
                return JSONValue.object(["jsonrpc": .string("2.0"), "id": id, "result": result])
            } catch {
                if error.code == .internalError { log.error("\(method): \(error.message)") }
                return errorReply(id: id, error)
            }
        case .notification("$/cancelRequest", _):
            return nil
        case .notification(let method, let params):
            handler.handleNotification(method: method, params: params)
            return nil
        case .response(let id):
            log.debug("ignoring a client reply for id \(id.serializedString)")
            return nil
        case .invalid(let id, let reason):
            return errorReply(id: id, JSONRPCError(.invalidRequest, "Invalid Request: \(reason)"))
        }
    }

    private func errorReply(id: JSONValue?, _ error: JSONRPCError) -> JSONValue {
        JSONValue.object(["jsonrpc": .string("2.0"), "id": id ?? .null(), "error": error.json()])
    }

    private func send(_ message: JSONValue) {
        let body = message.serialized()
        let framed = framing == .newlineDelimited
            ? newlineFramer.frame(body)
            : contentLengthFramer.frame(body)
        writer.enqueue(framed)
    }
}
