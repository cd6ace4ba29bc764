import Documents

/// `textDocument/didChange`: the new version and the changes that lead to it, applied in order.
public struct DidChangeTextDocumentParams: Decodable, Sendable, Equatable {
    /// LSP's `VersionedTextDocumentIdentifier`.
    public struct Identifier: Decodable, Sendable, Equatable {
        /// The document's URI.
        public let uri: String
        /// The version after the changes.
        public let version: Int
    }

    /// One `TextDocumentContentChangeEvent`: a range and its new text, or (no range) the whole text.
    public struct Change: Decodable, Sendable, Equatable {
        /// The replaced range (incremental sync), or `nil` for the whole text.
        public let range: TextRange?
        /// The new text.
        public let text: String

        enum CodingKeys: String, CodingKey { case range, text, rangeLength }

        /// Reads a change; `rangeLength` (deprecated in LSP 3.17) is accepted and not used, since
        /// the range says everything.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            range = try container.decodeIfPresent(TextRange.self, forKey: .range)
            text = try container.decode(String.self, forKey: .text)
            _ = try container.decodeIfPresent(Int.self, forKey: .rangeLength)
        }

        /// The change as the document store takes it.
        public var textChange: TextChange { TextChange(range: range, text: text) }
    }

    /// The changed document and its new version.
    public let textDocument: Identifier
    /// The changes, in order.
    public let contentChanges: [Change]
}
