import Foundation
import PreflightServer

/// A debounce clock that moves only when the test says so, so "a burst of changes yields one
/// estimate" is checked exactly, without sleeping and whatever the machine's load.
final class ManualDebounceClock: DebounceClock, @unchecked Sendable {
    private let lock = NSLock()
    private var now: UInt64 = 1_000_000_000
    private var conditions: [NSCondition] = []

    var nowNanoseconds: UInt64 { lock.withLock { now } }

    func wait(on condition: NSCondition, untilNanoseconds deadline: UInt64) {
        // The caller holds `condition`; `advance` signals it after moving the time, so this
        // wait cannot miss a move.
        if nowNanoseconds < deadline { condition.wait() }
    }

    func wake(_ condition: NSCondition) {
        lock.withLock { conditions.append(condition) }
    }

    /// Moves time forward and wakes every waiter.
    func advance(milliseconds: Int) {
        let waiters = lock.withLock { () -> [NSCondition] in
            now += UInt64(milliseconds) * 1_000_000
            return conditions
        }
        for condition in waiters {
            condition.lock()
            condition.broadcast()
            condition.unlock()
        }
    }
}
