/// Why a vocabulary could not be loaded, naming the file at fault.
///
/// The server does not fail on it: it reports the error once and answers with the
/// vocabulary-free estimator (`exact: false`), so the message must tell a user which file to
/// fix or fetch (`scripts/fetch-vocab.sh`).
public struct VocabularyError: Error, Sendable, CustomStringConvertible {
    /// The file that is missing, does not match its SHA-256, or is malformed.
    public let path: String
    /// A sentence naming the file and the problem (missing, hash mismatch, malformed line N).
    public let description: String

    /// Creates an error; `description` should name `path`.
    public init(path: String, description: String) {
        self.path = path
        self.description = description
    }
}
