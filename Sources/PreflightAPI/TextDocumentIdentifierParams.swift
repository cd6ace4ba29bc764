/// LSP's `TextDocumentIdentifier`: which document a request or notification is about.
public struct TextDocumentIdentifierParams: Codable, Sendable, Equatable {
    /// The document's URI, compared as the client sent it.
    public let uri: String

    /// An identifier.
    public init(uri: String) { self.uri = uri }
}
