import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes framed messages to a file descriptor on its own thread.
///
/// The connection's main thread never blocks on a slow reader: it hands over bytes and goes back
/// to reading, which avoids the classic pipe deadlock with clients that write many requests
/// before reading any reply. Each message is written whole with as few `write(2)` calls as the
/// kernel allows (one flush per message). When the peer has gone (EPIPE — SIGPIPE is ignored),
/// later messages are dropped and `isBroken` turns true. Only bytes cross the thread boundary.
public final class FrameWriter: @unchecked Sendable {
    private let fd: Int32
    private let condition = NSCondition()
    private var queue: [[UInt8]] = []
    private var queuedBytes = 0
    private var finished = false
    private var broken = false
    private var thread: Thread?
    private let done = NSCondition()
    private var threadExited = false
    /// Above this many queued bytes `enqueue` waits, so a client that never reads cannot make
    /// the server's memory grow without bound.
    private let maxQueuedBytes: Int

    /// Starts the writer thread for `fd`.
    public init(fd: Int32, maxQueuedBytes: Int = 256 << 20) {
        self.fd = fd
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

    /// Queues one framed message.
    public func enqueue(_ bytes: [UInt8]) {
        condition.lock()
        while queuedBytes > maxQueuedBytes && !broken { condition.wait() }
        if !broken && !finished {
            queue.append(bytes)
            queuedBytes += bytes.count
            condition.broadcast()
        }
        condition.unlock()
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
            while queue.isEmpty && !finished { condition.wait() }
            if queue.isEmpty && finished {
                condition.unlock()
                break
            }
            let batch = queue
            queue.removeAll(keepingCapacity: true)
            condition.unlock()
            var ok = true
            for message in batch where ok {
                ok = writeAll(message)
            }
            condition.lock()
            queuedBytes -= batch.reduce(0) { $0 + $1.count }
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
