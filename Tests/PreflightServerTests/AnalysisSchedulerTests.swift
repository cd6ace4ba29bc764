import Foundation
import Synchronization
import Testing
@testable import JSONRPC
@testable import PreflightServer

/// The worker behind the editor features: a newer schedule cancels the running work and only
/// the newest result is posted; work past the progress threshold posts begin and end.
@Suite(.timeLimit(.minutes(1))) struct AnalysisSchedulerTests {
    static func waitForEvents(_ inbox: ConnectionInbox, count: Int, timeout: TimeInterval = 10) -> [any Sendable] {
        var events: [any Sendable] = []
        let deadline = Date().addingTimeInterval(timeout)
        while events.count < count && Date() < deadline {
            events += inbox.takeAll()
            usleep(1_000)
        }
        return events
    }

    @Test func aNewerScheduleCancelsTheRunningWorkAndDropsItsResult() {
        let inbox = ConnectionInbox()
        let scheduler = AnalysisScheduler(clock: SystemDebounceClock(), inbox: inbox, progressThresholdMilliseconds: 60_000)
        defer { scheduler.stop() }
        let started = Atomic<Bool>(false)
        let sawCancellation = Atomic<Bool>(false)
        scheduler.schedule(key: "doc", delayMilliseconds: 0, title: "first") { isCancelled in
            started.store(true, ordering: .relaxed)
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline {
                if isCancelled() {
                    sawCancellation.store(true, ordering: .relaxed)
                    return "first (stale)"
                }
                usleep(1_000)
            }
            return "first (never cancelled)"
        }
        while !started.load(ordering: .relaxed) { usleep(1_000) }
        scheduler.schedule(key: "doc", delayMilliseconds: 0, title: "second") { _ in "second" }
        let events = Self.waitForEvents(inbox, count: 1)
        usleep(50_000)
        let all = events + inbox.takeAll()
        let cancelled = sawCancellation.load(ordering: .relaxed)
        #expect(cancelled)
        #expect(all.compactMap { $0 as? String } == ["second"])
    }

    @Test func workPastTheThresholdPostsBeginThenEnd() {
        let inbox = ConnectionInbox()
        let scheduler = AnalysisScheduler(clock: SystemDebounceClock(), inbox: inbox, progressThresholdMilliseconds: 50)
        defer { scheduler.stop() }
        scheduler.schedule(key: "slow", delayMilliseconds: 0, title: "loading catalog big.json") { _ in
            usleep(300_000)
            return "loaded"
        }
        let events = Self.waitForEvents(inbox, count: 3)
        guard events.count == 3, case .begin(let id, _, let message)? = events[0] as? AnalysisScheduler.ProgressEvent,
              case .end(let endID)? = events[2] as? AnalysisScheduler.ProgressEvent else {
            Issue.record("expected begin, result, end; got \(events)")
            return
        }
        #expect(message == "loading catalog big.json")
        #expect(id == endID)
        #expect(events[1] as? String == "loaded")
        // Quick work shows nothing.
        scheduler.schedule(key: "quick", delayMilliseconds: 0, title: "quick") { _ in "done" }
        let quick = Self.waitForEvents(inbox, count: 1)
        usleep(150_000)
        #expect((quick + inbox.takeAll()).map { "\($0)" } == ["done"])
    }
}
