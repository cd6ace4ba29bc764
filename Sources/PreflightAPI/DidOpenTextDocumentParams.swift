/// `textDocument/didOpen`: the document's full text, which the server keeps from now on.
public struct DidOpenTextDocumentParams: Decodable, Sendable, Equatable {
    /// LSP's `TextDocumentItem`.
    public struct Item: Decodable, Sendable, Equatable {
        /// The document's URI.
        public let uri: String
        /// The client's language id (any is accepted: the plugin chose to send the file).
        public let languageId: String
        /// The version, increasing with each change.
        public let version: Int
        /// The full text.
        public let text: String
    }

    /// The opened document.
    public let textDocument: Item
}
