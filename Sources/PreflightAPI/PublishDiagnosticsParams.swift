/// `textDocument/publishDiagnostics`: the complete set of a document's diagnostics (an empty
/// list clears them).
public struct PublishDiagnosticsParams: Codable, Sendable, Equatable {
    /// The document.
    public let uri: String
    /// The version they were computed for (absent when clearing a closed document).
    public let version: Int?
    /// All of its diagnostics.
    public let diagnostics: [DiagnosticResult]

    /// Params to publish.
    public init(uri: String, version: Int?, diagnostics: [DiagnosticResult]) {
        self.uri = uri
        self.version = version
        self.diagnostics = diagnostics
    }
}
