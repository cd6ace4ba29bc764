/// `textDocument/didClose`: the server forgets the document and clears its diagnostics.
public struct DidCloseTextDocumentParams: Decodable, Sendable, Equatable {
    /// The closed document.
    public let textDocument: TextDocumentIdentifierParams
}
