import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The time the document scheduler debounces against: the monotonic clock in the server, a
/// hand-moved one in tests (so "a burst of 50 changes yields one estimate" is checked without
/// sleeping and without depending on how fast a loaded machine delivers the burst).
public protocol DebounceClock: Sendable {
    /// Now, in nanoseconds on this clock's own scale.
    var nowNanoseconds: UInt64 { get }
    /// Waits on `condition` (locked by the caller) until `deadline` on this clock, or until the
    /// condition is signalled; may return early (the caller re-checks).
    func wait(on condition: NSCondition, untilNanoseconds deadline: UInt64)
    /// Tells the clock which condition to signal when its time moves by other means than
    /// passing (a manual clock's `advance`); the system clock ignores it.
    func wake(_ condition: NSCondition)
}

/// `CLOCK_MONOTONIC`: unaffected by changes to the wall clock.
public struct SystemDebounceClock: DebounceClock {
    /// The system clock.
    public init() {}

    /// Monotonic nanoseconds.
    public var nowNanoseconds: UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }

    /// Waits with the condition's own timed wait.
    public func wait(on condition: NSCondition, untilNanoseconds deadline: UInt64) {
        let now = nowNanoseconds
        guard deadline > now else { return }
        _ = condition.wait(until: Date(timeIntervalSinceNow: Double(deadline - now) / 1e9))
    }

    /// Time passes by itself: nothing to register.
    public func wake(_ condition: NSCondition) {}
}
