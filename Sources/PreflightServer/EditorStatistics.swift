import Synchronization

/// Counters the editor features keep, for tests and the benchmark: how much work a burst of
/// edits really caused.
public final class EditorStatistics: Sendable {
    private let analyses = Atomic<Int>(0)
    private let publications = Atomic<Int>(0)

    /// Zeroed counters.
    public init() {}

    /// Document analyses (estimates) started on the worker.
    public var analysesRun: Int { analyses.load(ordering: .relaxed) }
    /// `publishDiagnostics` notifications sent.
    public var diagnosticsPublished: Int { publications.load(ordering: .relaxed) }

    func countAnalysis() { analyses.add(1, ordering: .relaxed) }
    func countPublication() { publications.add(1, ordering: .relaxed) }
}
