import Documents

/// One LSP `Diagnostic` Preflight publishes about a prompt.
public struct DiagnosticResult: Codable, Sendable, Equatable {
    /// LSP's severities.
    public enum Severity: Int, Codable, Sendable {
        /// Reported as an error.
        case error = 1
        /// Reported as a warning.
        case warning = 2
        /// Reported as information.
        case information = 3
        /// A hint.
        case hint = 4
    }

    /// What the diagnostic is about.
    public let range: TextRange
    /// How serious.
    public let severity: Severity
    /// A stable code (`context-window`, `inflation`, `budget`, `out-of-sync`) plugins can match.
    public let code: String
    /// Always `preflight`.
    public let source: String
    /// A sentence a person can act on.
    public let message: String

    /// A diagnostic from Preflight.
    public init(range: TextRange, severity: Severity, code: String, message: String) {
        self.range = range
        self.severity = severity
        self.code = code
        self.source = "preflight"
        self.message = message
    }
}
