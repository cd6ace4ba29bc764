#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Events from other threads for the connection's dispatch thread: how background work (a
/// debounced estimate, a catalog decoded off the reader thread) hands its result back.
///
/// `post` may be called from any thread; the events are delivered, in the order posted, to
/// `JSONRPCMessageHandler.handleInboxEvent` on the dispatch thread, between two units of
/// client work or while the connection waits for input (a pipe wakes its `poll(2)`). Only
/// `Sendable` values cross the thread boundary; everything the handler owns stays on its thread.
public final class ConnectionInbox: Sendable {
    private let events = Mutex<[any Sendable]>([])
    /// The read end is polled by the connection; the write end gets a byte when the inbox goes
    /// from empty to non-empty.
    let readFD: Int32
    private let writeFD: Int32

    /// Creates an inbox with its wake-up pipe.
    public init() {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { fatalError("pipe() failed: \(String(cString: strerror(errno)))") }
        readFD = ends[0]
        writeFD = ends[1]
        for fd in ends {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
    }

    deinit {
        close(readFD)
        close(writeFD)
    }

    /// Queues `event` for the dispatch thread and wakes it.
    ///
    /// The wake-up byte is written, and drained in `takeAll`, under the same lock as the queue,
    /// so the pipe holds a byte exactly when the queue is not empty: the connection's `poll(2)`
    /// can neither miss an event nor wake for one already taken (which would spin).
    public func post(_ event: any Sendable) {
        events.withLock { queue in
            queue.append(event)
            if queue.count == 1 {
                var byte: UInt8 = 1
                _ = write(writeFD, &byte, 1)
            }
        }
    }

    /// Whether events are waiting.
    public var hasEvents: Bool { events.withLock { !$0.isEmpty } }

    /// Takes every waiting event, oldest first, and clears the wake-up byte.
    func takeAll() -> [any Sendable] {
        events.withLock { queue in
            var drain = [UInt8](repeating: 0, count: 64)
            while drain.withUnsafeMutableBytes({ read(readFD, $0.baseAddress, $0.count) }) > 0 {}
            let taken = queue
            queue.removeAll()
            return taken
        }
    }
}
