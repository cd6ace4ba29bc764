import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes framed messages to a file descriptor, directly when that cannot block, else on its
/// own thread.
///
/// The connection's dispatch thread never blocks on a slow reader: when a message could block
/// it hands the bytes over and goes back to reading, which avoids the classic pipe deadlock with
/// clients that write many requests before reading any reply. When nothing is queued or being
/// written, the message is at most `directWriteLimit` bytes, `poll(2)` says the output has room
/// and the client is waiting for it (no request of its is readable on `inputFD` or still queued
/// by `hasQueuedRequests`), the caller writes it itself: a client that sends one request and
/// waits for its reply then does not pay for waking the writer thread and switching back
/// (BENCHMARKS.md: four context switches a request down to one), while a client that keeps
/// sending keeps the writer thread, so reading its next requests overlaps writing the replies.
/// Either way messages leave in the order they were given, each written whole with as few
/// `write(2)` calls as the kernel allows (one flush per message). When the peer has gone
/// (EPIPE — SIGPIPE is ignored), later messages are dropped and `isBroken` turns true. Only
/// bytes cross the thread boundary.
public final class FrameWriter: @unchecked Sendable {
    private let fd: Int32
    private let condition = NSCondition()
    private var queue: [[UInt8]] = []
    private var queuedBytes = 0
    private var finished = false
    private var broken = false
    /// A write is in progress (the thread's batch or a caller's direct write): nobody else may
    /// start one, so messages never interleave or overtake each other.
    private var writing = false
    private var thread: Thread?
    private let done = NSCondition()
    private var threadExited = false
    /// Above this many queued bytes `enqueue` waits, so a client that never reads cannot make
    /// the server's memory grow without bound.
    private let maxQueuedBytes: Int
    /// The client's request stream, polled with the output in the same `poll(2)`: when a request
    /// is readable the client is not waiting, and the writer thread writes.
    private let inputFD: Int32?
    /// Whether requests already read still wait to be handled (the client is not waiting then
    /// either); set by the connection, called on the thread that calls `enqueue`.
    public var hasQueuedRequests: () -> Bool = { false }
    /// Largest message written directly: `PIPE_BUF`, the size a pipe write is atomic at, so when
    /// `poll(2)` reports room (a free pipe buffer page) the write completes without blocking.
    public static let directWriteLimit = 4096

    /// Starts the writer thread for `fd`; `inputFD` is the client's request stream, if known.
    public init(fd: Int32, inputFD: Int32? = nil, maxQueuedBytes: Int = 256 << 20) {
        self.fd = fd
        self.inputFD = inputFD
        self.maxQueuedBytes = maxQueuedBytes
        let thread = Thread { [self] in self.runLoop() }
        thread.name = "preflight-writer"
        self.thread = thread
        thread.start()
    }

    /// Whether a write failed (the peer closed its end).
    public var isBroken: Bool {
        condition.lock(); defer { condition.unlock() }
        return broken
    }

    /// Writes one framed message now if that cannot block, else queues it for the writer thread
    /// (waiting while more than `maxQueuedBytes` are queued).
    public func enqueue(_ bytes: [UInt8]) {
        condition.lock()
        while queuedBytes > maxQueuedBytes && !broken { condition.wait() }
        if broken || finished {
            condition.unlock()
            return
        }
        if queue.isEmpty && !writing && bytes.count <= Self.directWriteLimit && !hasQueuedRequests() && clientIsWaiting() {
            writing = true
            condition.unlock()
            let ok = writeAll(bytes)
            condition.lock()
            writing = false
            if !ok { broken = true }
            // Wake the writer thread only when it has something to do (another thread queued a
            // message meanwhile) or waiters must see `broken`: waking it for nothing costs the
            // thread switch the direct write avoids.
            if !queue.isEmpty || broken { condition.broadcast() }
        } else {
            queue.append(bytes)
            queuedBytes += bytes.count
            condition.broadcast()
        }
        condition.unlock()
    }

    /// The output has room and no request is readable, in one `poll(2)`.
    private func clientIsWaiting() -> Bool {
        var descriptors = [pollfd(fd: fd, events: Int16(POLLOUT), revents: 0),
                           pollfd(fd: inputFD ?? -1, events: Int16(POLLIN), revents: 0)]
        guard poll(&descriptors, 2, 0) >= 0 else { return false }
        return descriptors[0].revents & Int16(POLLOUT) != 0 && descriptors[1].revents & Int16(POLLIN) == 0
    }

    /// Writes everything queued, then stops the thread. Blocks until done.
    public func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
        done.lock()
        while !threadExited { done.wait() }
        done.unlock()
    }

    private func runLoop() {
        while true {
            condition.lock()
            while writing || (queue.isEmpty && !finished) { condition.wait() }
            if queue.isEmpty {
                condition.unlock()
                break
            }
            let batch = queue
            queue.removeAll(keepingCapacity: true)
            writing = true
            condition.unlock()
            var ok = true
            for message in batch where ok {
                ok = writeAll(message)
            }
            condition.lock()
            queuedBytes -= batch.reduce(0) { $0 + $1.count }
            writing = false
            if !ok { broken = true; queue.removeAll() ; queuedBytes = 0 }
            condition.broadcast()
            condition.unlock()
        }
        done.lock()
        threadExited = true
        done.broadcast()
        done.unlock()
    }

    private func writeAll(_ bytes: [UInt8]) -> Bool {
        Self.writeAll(bytes, to: fd)
    }

    /// Writes all of `bytes` to `fd`, retrying short writes and EINTR; false when a write
    /// fails (EPIPE: the reader has gone).
    static func writeAll(_ bytes: [UInt8], to fd: Int32) -> Bool {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
            return true
        }
    }
}
