/// Whether the server's copy of a document still matches the client's.
public enum DocumentSyncState: Sendable, Equatable {
    /// Every change applied.
    case inSync
    /// A change could not be applied (the reason says which and why); the text is the last
    /// good one and stays so until a full-text change or a reopen.
    case outOfSync(reason: String)
}
