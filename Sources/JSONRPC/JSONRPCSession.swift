import JSON
import Log
/// The I/O-free core of a JSON-RPC connection: bytes in, framed messages out.
///
/// It detects the framing, frames and parses messages, validates them, keeps the queue of work
/// in arrival order, applies `$/cancelRequest` as soon as it is read, and dispatches one unit of
/// work at a time to a `JSONRPCMessageHandler`, giving each handler a `RequestContext` (or a
/// `ClientChannel` for notifications) to send notifications and requests to the client. The
/// client's responses to those requests are matched by id and complete them in dispatch order.
/// `JSONRPCConnection` wraps it with file descriptors; the fuzzer and the unit tests drive it
/// directly.
public final class JSONRPCSession {
    /// A unit of work taken from the input, in arrival order.
    private enum Work {
        case single(IncomingMessage)
        case batch([IncomingMessage])
        case failure(JSONRPCError)
    }

    private let maxMessageBytes: Int
    private let log: StderrLog
    private let emit: ([UInt8]) -> Void
    private var detector = FramingDetector()
    private var framing: FramingDetector.Framing?
    private var contentLengthFramer: ContentLengthFramer
    private var newlineFramer: NewlineDelimitedFramer
    private var queue: [(work: Work, bytes: Int)] = []
    private var queueHead = 0
    private var queuedBytes = 0
    /// Client requests read and not yet answered (queued or running), by id; a count because a
    /// client may reuse an id while an earlier request with it is pending.
    private var pendingIDs: [RequestID: Int] = [:]
    /// Pending ids the client cancelled; the earliest pending request with the id takes it.
    private var cancelledIDs: Set<RequestID> = []
    private var outgoing = OutgoingRequestQueue()

    /// Reads the input that is already readable, without blocking; set by the connection that
    /// owns the session, so a handler polling `RequestContext.isCancelled` sees a
    /// `$/cancelRequest` sent while it runs. Without it (fuzzer, unit tests) a poll sees what
    /// `receive(_:)` was given.
    public var readAvailableInput: (() -> Void)?

    /// The connection's inbox for events from other threads; set by the connection that owns
    /// the session (`nil` without one).
    public var inbox: ConnectionInbox?

    /// Creates a session; `emit` receives each framed outgoing message, in order.
    public init(maxMessageBytes: Int, log: StderrLog, emit: @escaping ([UInt8]) -> Void) {
        self.maxMessageBytes = maxMessageBytes
        self.log = log
        self.emit = emit
        self.contentLengthFramer = ContentLengthFramer(maxMessageBytes: maxMessageBytes)
        self.newlineFramer = NewlineDelimitedFramer(maxMessageBytes: maxMessageBytes)
    }

    /// Units of work read but not yet dispatched.
    public var queuedWorkCount: Int { queue.count - queueHead }

    /// Message bytes read but not yet dispatched: the connection stops reading ahead above a
    /// bound, because a parsed message costs many times its text in memory.
    public var queuedWorkBytes: Int { queuedBytes }

    /// Most elements a batch may have; a larger batch is answered with one -32600, because its
    /// replies are held together until the batch ends.
    public static let maxBatchElements = 10_000

    /// Feeds bytes that arrived; messages they complete are queued (and cancellations applied).
    public func receive(_ bytes: UnsafeRawBufferPointer) {
        switch framing {
        case .contentLength:
            accept(contentLengthFramer.append(bytes))
        case .newlineDelimited:
            accept(newlineFramer.append(bytes))
        case nil:
            guard let (chosen, replay) = detector.detect(bytes) else { return }
            framing = chosen
            log.debug("framing: \(chosen == .contentLength ? "Content-Length" : "newline-delimited JSON")")
            replay.withUnsafeBytes { receive($0) }
        }
    }

    /// Marks the end of input: a final newline-delimited line without `\n` still counts.
    public func receiveEndOfInput() {
        if framing == .newlineDelimited {
            accept(newlineFramer.finish())
        }
    }

    /// Dispatches the oldest unit of work; returns false when there was none.
    @discardableResult
    public func dispatchNext(to handler: JSONRPCMessageHandler) -> Bool {
        guard queueHead < queue.count else { return false }
        let (work, bytes) = queue[queueHead]
        queueHead += 1
        queuedBytes -= bytes
        if queueHead == queue.count {
            queue.removeAll(keepingCapacity: true)
            queueHead = 0
        } else if queueHead > 1024 && queueHead * 2 > queue.count {
            queue.removeFirst(queueHead)
            queueHead = 0
        }
        perform(work, handler: handler)
        return true
    }

    /// Server-to-client requests sent and not yet answered.
    public var outgoingRequestCount: Int { outgoing.count }

    /// A context for answering request `id` outside `dispatchNext` — for tests and embedders
    /// that call a handler directly; what it sends goes out through this session.
    public func requestContext(id: RequestID) -> RequestContext {
        RequestContext(id: id, session: self)
    }

    /// A channel to the client for a notification handler called outside `dispatchNext`.
    public func clientChannel() -> ClientChannel {
        ClientChannel(session: self)
    }

    // MARK: Output to the client

    func sendNotification(method: String, params: JSONValue?) {
        send(JSONValue.object(["jsonrpc": .string("2.0"), "method": .string(method), "params": params]))
    }

    func sendRequest(method: String, params: JSONValue?,
                     onResponse: @escaping OutgoingRequestQueue.Completion) -> RequestID {
        let id = outgoing.register(onResponse)
        send(JSONValue.object(["jsonrpc": .string("2.0"), "id": id.json, "method": .string(method), "params": params]))
        return id
    }

    /// Whether the running request `id` was cancelled; reads available input first.
    func isCancelled(_ id: RequestID) -> Bool {
        readAvailableInput?()
        return cancelledIDs.contains(id)
    }

    // MARK: Input

    private func accept(_ events: [FrameEvent]) {
        for event in events {
            switch event {
            case .message(let body):
                enqueueMessage(body)
            case .tooLarge(let declared):
                log.warning("discarding a message of \(declared.map { "\($0) bytes" } ?? "unknown size") (limit \(maxMessageBytes))")
                enqueue(.failure(JSONRPCError(.invalidRequest, "message too large")))
            case .malformedHeader(let reason):
                log.warning("bad header (\(reason)); resynchronising at the next Content-Length")
                enqueue(.failure(JSONRPCError(.parseError, "Parse error: \(reason)")))
            }
        }
    }

    private func enqueueMessage(_ body: [UInt8]) {
        let value: JSONValue
        var unreadable: [IncomingMessage.UnreadableMember] = []
        do {
            value = try JSONValue.parse(body, rejectingDuplicateKeys: true)
        } catch {
            guard let recovered = Self.recoverUnreadableParams(body, error) else {
                enqueue(.failure(JSONRPCError(.parseError, "Parse error: \(error.description)")), bytes: body.count)
                return
            }
            (value, unreadable) = recovered
        }
        if value.kind == .array {
            guard value.count > 0 else {
                enqueue(.failure(JSONRPCError(.invalidRequest, "Invalid Request: empty batch")), bytes: body.count)
                return
            }
            guard value.count <= Self.maxBatchElements else {
                enqueue(.failure(JSONRPCError(
                    .invalidRequest, "Invalid Request: batch of \(value.count) elements (at most \(Self.maxBatchElements))")),
                        bytes: body.count)
                return
            }
            var unreadableByElement: [Int: [IncomingMessage.UnreadableMember]] = [:]
            for member in unreadable {
                if case .index(let index)? = member.path.first { unreadableByElement[index, default: []].append(member.droppingFirstStep()) }
            }
            let messages = value.elements.enumerated().map { index, element in
                IncomingMessage.classify(element, unreadable: unreadableByElement[index] ?? [])
            }
            for message in messages { register(message) }
            enqueue(.batch(messages), bytes: body.count)
        } else {
            let message = IncomingMessage.classify(value, unreadable: unreadable)
            register(message)
            enqueue(.single(message), bytes: body.count)
        }
    }

    /// A text Jansson refused although it is JSON — for numbers it cannot hold, or for a member
    /// named twice — parsed again with those members located, when every one of them is inside
    /// the `params` of a message (or of a batch's element). Anywhere else (the id, the envelope)
    /// the text stays a parse error: without a sure id there is no request to answer.
    private static func recoverUnreadableParams(_ body: [UInt8], _ error: JSONParseError)
        -> (JSONValue, [IncomingMessage.UnreadableMember])? {
        let value: JSONValue
        let members: [IncomingMessage.UnreadableMember]
        if error.isNumericOverflow, let (parsed, numbers) = try? JSONOutOfRangeNumbers.parse(body) {
            value = parsed
            members = numbers.map(IncomingMessage.UnreadableMember.init)
        } else if error.isDuplicateKey, let parsed = try? JSONValue.parse(body) {
            value = parsed
            members = JSONDuplicateMembers.find(in: body).map(IncomingMessage.UnreadableMember.init(duplicate:))
        } else {
            return nil
        }
        let inParams = !members.isEmpty && members.allSatisfy { member in
            switch value.kind {
            case .object: return member.path.count >= 2 && member.path[0] == .member("params")
            case .array: return member.path.count >= 3 && member.path[1] == .member("params")
            default: return false
            }
        }
        return inParams ? (value, members) : nil
    }

    private func enqueue(_ work: Work, bytes: Int = 0) {
        queue.append((work, bytes))
        queuedBytes += bytes
    }

    /// Tracks pending request ids and applies `$/cancelRequest` as soon as it is read: only an
    /// id that is pending can be cancelled, so unknown and finished ids are harmless.
    private func register(_ message: IncomingMessage) {
        switch message {
        case .request(let id, _, _), .unreadableParams(let id?, _, _):
            pendingIDs[id, default: 0] += 1
        case .notification("$/cancelRequest", let params):
            guard let id = params?["id"].flatMap(RequestID.init), id != .null else { return }
            if pendingIDs[id] != nil { cancelledIDs.insert(id) }
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
            defer { finish(id) }
            if cancelledIDs.contains(id) {
                return errorReply(id: id, JSONRPCError(.requestCancelled, "request cancelled"))
            }
            do throws(JSONRPCError) {
                let result = try handler.handleRequest(method: method, params: params, context: RequestContext(id: id, session: self))
                return JSONValue.object(["jsonrpc": .string("2.0"), "id": id.json, "result": result])
            } catch {
                if error.code == .internalError { log.error("\(method): \(error.message)") }
                return errorReply(id: id, error)
            }
        case .notification("$/cancelRequest", _):
            return nil
        case .notification(let method, let params):
            handler.handleNotification(method: method, params: params, client: ClientChannel(session: self))
            return nil
        case .response(let id, let outcome):
            if let completion = outgoing.complete(id) {
                completion(outcome)
            } else {
                log.debug("ignoring a client reply for id \(id), which no request of the server's is waiting for")
            }
            return nil
        case .invalid(let id, let reason):
            return errorReply(id: id, JSONRPCError(.invalidRequest, "Invalid Request: \(reason)"))
        case .unreadableParams(let id?, let method, let problem):
            defer { finish(id) }
            if cancelledIDs.contains(id) {
                return errorReply(id: id, JSONRPCError(.requestCancelled, "request cancelled"))
            }
            return errorReply(id: id, handler.refusal(forRequest: method, unreadableParams: problem))
        case .unreadableParams(nil, let method, let problem):
            log.warning("dropping the notification \(method): \(problem.message)")
            return nil
        }
    }

    /// A request is answered: it is no longer pending, and a cancel it received (taken or not:
    /// it may have finished before polling) is spent, so a later request reusing the id runs.
    private func finish(_ id: RequestID) {
        if let count = pendingIDs[id] {
            pendingIDs[id] = count > 1 ? count - 1 : nil
        }
        cancelledIDs.remove(id)
    }

    private func errorReply(id: RequestID?, _ error: JSONRPCError) -> JSONValue {
        JSONValue.object(["jsonrpc": .string("2.0"), "id": (id ?? .null).json, "error": error.json()])
    }

    private func send(_ message: JSONValue) {
        let body = message.serialized()
        emit(framing == .newlineDelimited ? newlineFramer.frame(body) : contentLengthFramer.frame(body))
    }
}
