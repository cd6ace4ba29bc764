/// `textDocument/codeLens`'s params: the document whose lenses are wanted.
public struct CodeLensParams: Decodable, Sendable, Equatable {
    /// The document.
    public let textDocument: TextDocumentIdentifierParams
}
