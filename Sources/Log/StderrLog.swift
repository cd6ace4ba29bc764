#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Levelled logging to stderr — never stdout, which carries protocol bytes only.
///
/// One `write(2)` per line so lines from the writer thread and the main thread never interleave.
public struct StderrLog: Sendable {
    /// Severity, most severe first; a log prints a message when its level is at least as verbose.
    public enum Level: String, Sendable, CaseIterable, Comparable {
        case off, error, warning, info, debug, trace

        var rank: Int { Level.allCases.firstIndex(of: self)! }

        /// Verbosity order: `off < error < … < trace`.
        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rank < rhs.rank }
    }

    /// The most verbose level printed.
    public let level: Level

    /// Creates a log printing messages up to `level`.
    public init(level: Level) {
        self.level = level
    }

    /// Whether messages of `messageLevel` are printed (so callers can skip building them).
    public func enabled(_ messageLevel: Level) -> Bool { messageLevel != .off && messageLevel <= level }

    /// Prints `preflight: LEVEL: message` to stderr when enabled.
    public func log(_ messageLevel: Level, _ message: @autoclosure () -> String) {
        guard enabled(messageLevel) else { return }
        let line = Array("preflight: \(messageLevel.rawValue): \(message())\n".utf8)
        line.withUnsafeBytes { _ = write(2, $0.baseAddress, $0.count) }
    }

    /// Logs at `error`.
    public func error(_ message: @autoclosure () -> String) { log(.error, message()) }
    /// Logs at `warning`.
    public func warning(_ message: @autoclosure () -> String) { log(.warning, message()) }
    /// Logs at `info`.
    public func info(_ message: @autoclosure () -> String) { log(.info, message()) }
    /// Logs at `debug`.
    public func debug(_ message: @autoclosure () -> String) { log(.debug, message()) }
}
