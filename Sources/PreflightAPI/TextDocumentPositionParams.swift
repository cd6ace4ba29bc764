import Documents

/// A document and a position in it: `textDocument/hover`'s params.
public struct TextDocumentPositionParams: Decodable, Sendable, Equatable {
    /// The document.
    public let textDocument: TextDocumentIdentifierParams
    /// The position, in the negotiated encoding.
    public let position: TextPosition
}
