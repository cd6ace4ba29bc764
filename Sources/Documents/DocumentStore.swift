/// The open documents, by URI, with their sync state.
///
/// Changes are applied in order; the first that does not fit marks the document out of sync,
/// and later incremental changes are not applied on top of a text known to be wrong (each is
/// still counted in the version). A full-text change or a reopen brings it back in sync.
/// Owned by the connection's dispatch thread.
public final class DocumentStore {
    /// An open document and its state.
    public struct Entry: Sendable {
        /// The text as last applied.
        public var document: TextDocument
        /// Whether it matches the client's copy.
        public var state: DocumentSyncState
    }

    /// What a `didChange` did.
    public enum ChangeOutcome: Sendable, Equatable {
        /// Every change applied.
        case applied
        /// This change made the document go out of sync (the error says why).
        case wentOutOfSync(DocumentEditError)
        /// The document was already out of sync; incremental changes were skipped.
        case stillOutOfSync
        /// No document with this URI is open.
        case notOpen
    }

    private var entries: [String: Entry] = [:]

    /// An empty store.
    public init() {}

    /// The open document `uri`, if any.
    public subscript(uri: String) -> Entry? { entries[uri] }

    /// The URIs of the open documents.
    public var openURIs: [String] { Array(entries.keys) }

    /// Opens (or reopens, replacing) a document.
    public func open(uri: String, languageId: String, version: Int, text: String) {
        entries[uri] = Entry(document: TextDocument(uri: uri, languageId: languageId, version: version, text: text),
                             state: .inSync)
    }

    /// Applies `changes` in order and records `version`.
    public func change(uri: String, version: Int, changes: [TextChange], encoding: PositionEncoding) -> ChangeOutcome {
        guard var entry = entries[uri] else { return .notOpen }
        var outcome = ChangeOutcome.applied
        if case .outOfSync = entry.state { outcome = .stillOutOfSync }
        for change in changes {
            guard let range = change.range else {
                entry.document.replaceAll(with: change.text)
                entry.state = .inSync
                outcome = .applied
                continue
            }
            guard entry.state == .inSync else { continue }
            do throws(DocumentEditError) {
                try entry.document.replace(range, with: change.text, encoding: encoding)
            } catch {
                entry.state = .outOfSync(reason: error.description)
                outcome = .wentOutOfSync(error)
            }
        }
        entry.document.version = version
        entries[uri] = entry
        return outcome
    }

    /// Closes `uri`; returns whether it was open.
    @discardableResult
    public func close(uri: String) -> Bool {
        entries.removeValue(forKey: uri) != nil
    }
}
