import Foundation
import JSONRPC

/// Runs document analyses and loads on a worker thread, debounced per key, newest first.
///
/// The reader thread never waits on an estimate: it schedules work here and goes back to
/// reading. Scheduling a key again before its deadline moves the deadline (a burst of
/// keystrokes costs one estimate); scheduling it while it runs makes the running work's
/// `isCancelled` true, so a stale estimate stops at its next poll and its result is dropped.
/// A result is posted to the connection's inbox and handled on the dispatch thread. Work that
/// runs longer than the progress threshold posts `ProgressEvent.begin`, and `.end` when done,
/// so the editor can show it.
final class AnalysisScheduler: @unchecked Sendable {
    /// A unit of work: gets its own cancellation test, returns the event to post (or `nil`).
    typealias Work = @Sendable (_ isCancelled: @escaping @Sendable () -> Bool) -> (any Sendable)?

    /// Tells the dispatch thread that work has been running long enough to show progress, and
    /// when it ended.
    enum ProgressEvent: Sendable {
        /// Work `id` has run past the threshold: show `title` / `message`.
        case begin(id: UInt64, title: String, message: String)
        /// Work `id` ended.
        case end(id: UInt64)
    }

    private struct Pending {
        var deadline: UInt64
        var generation: UInt64
        var title: String
        var work: Work
    }

    // Everything below is guarded by `condition`.
    private let condition = NSCondition()
    private var pending: [String: Pending] = [:]
    private var generations: [String: UInt64] = [:]
    private var nextGeneration: UInt64 = 0
    private var stopped = false
    private var started = false
    /// The work running now and when it should show progress.
    private var watched: (id: UInt64, deadline: Date, title: String)?
    private var progressShown: Set<UInt64> = []

    private let clock: any DebounceClock
    private let inbox: ConnectionInbox
    private let progressThreshold: UInt64
    private let done = NSCondition()
    private var workerExited = false

    /// Work runs on a worker started at the first `schedule`; results go to `inbox`.
    init(clock: any DebounceClock, inbox: ConnectionInbox, progressThresholdMilliseconds: Int) {
        self.clock = clock
        self.inbox = inbox
        self.progressThreshold = UInt64(max(0, progressThresholdMilliseconds)) * 1_000_000
        clock.wake(condition)
    }

    /// Schedules `work` under `key` to start `delayMilliseconds` from now, replacing (and, if it
    /// is running, cancelling) earlier work under the same key.
    func schedule(key: String, delayMilliseconds: Int, title: String, work: @escaping Work) {
        condition.lock()
        defer { condition.unlock() }
        guard !stopped else { return }
        nextGeneration += 1
        generations[key] = nextGeneration
        pending[key] = Pending(deadline: clock.nowNanoseconds + UInt64(max(0, delayMilliseconds)) * 1_000_000,
                               generation: nextGeneration, title: title, work: work)
        if !started {
            started = true
            let thread = Thread { [self] in runLoop() }
            thread.name = "preflight-analysis"
            thread.start()
            let watchdog = Thread { [self] in watchLoop() }
            watchdog.name = "preflight-progress"
            watchdog.start()
        }
        condition.broadcast()
    }

    /// Drops pending work under `key` and cancels it if it runs (a closed document).
    func cancel(key: String) {
        condition.lock()
        defer { condition.unlock() }
        pending[key] = nil
        nextGeneration += 1
        generations[key] = nextGeneration
    }

    /// Stops the worker after the work in progress (cancelled) and waits for it.
    func stop() {
        condition.lock()
        stopped = true
        pending.removeAll()
        let wasStarted = started
        condition.broadcast()
        condition.unlock()
        guard wasStarted else { return }
        done.lock()
        while !workerExited { done.wait() }
        done.unlock()
    }

    /// Whether work `generation` under `key` has been superseded or the scheduler stopped.
    private func isStale(key: String, generation: UInt64) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopped || generations[key] != generation
    }

    private func runLoop() {
        condition.lock()
        while !stopped {
            let now = clock.nowNanoseconds
            guard let (key, next) = pending.min(by: { $0.value.deadline < $1.value.deadline }) else {
                condition.wait()
                continue
            }
            if next.deadline > now {
                clock.wait(on: condition, untilNanoseconds: next.deadline)
                continue
            }
            pending[key] = nil
            condition.unlock()
            run(next, key: key)
            condition.lock()
        }
        condition.unlock()
        done.lock()
        workerExited = true
        done.broadcast()
        done.unlock()
    }

    private func run(_ job: Pending, key: String) {
        let id = job.generation
        condition.lock()
        watched = (id, Date(timeIntervalSinceNow: Double(progressThreshold) / 1e9), job.title)
        condition.broadcast()
        condition.unlock()
        let result = job.work { [self] in isStale(key: key, generation: id) }
        condition.lock()
        watched = nil
        let shown = progressShown.remove(id) != nil
        let stale = stopped || generations[key] != id
        condition.unlock()
        if let result, !stale { inbox.post(result) }
        if shown { inbox.post(ProgressEvent.end(id: id)) }
    }

    /// The watchdog: posts `begin` for work still running at its progress deadline. A thread of
    /// its own (not a dispatch timer), so a busy process cannot delay it; it reads the running
    /// work under the lock, so `begin` is never posted after that work's `end`.
    private func watchLoop() {
        condition.lock()
        while !stopped {
            guard let (id, deadline, title) = watched, !progressShown.contains(id) else {
                condition.wait()
                continue
            }
            if Date() < deadline {
                _ = condition.wait(until: deadline)
                continue
            }
            progressShown.insert(id)
            inbox.post(ProgressEvent.begin(id: id, title: "Preflight", message: title))
        }
        condition.unlock()
    }
}
