import Synchronization

/// Loads and caches the exact encodings from a vocabulary directory (`models/vocab`).
///
/// Loading is lazy, per encoding, and happens once per store: a server that only ever counts
/// o200k never pays for cl100k. A failed load is not cached, so fetching the vocabulary and
/// asking again works without a restart. Safe to call from any thread; concurrent first calls
/// wait for one load.
public final class EncodingStore: Sendable {
    /// The directory holding `<name>.tiktoken` files and `SHA256SUMS`.
    public let vocabularyDirectory: String
    private let loaded = Mutex<[EncodingName: BPEEncoding]>([:])

    /// Creates a store for `vocabularyDirectory` (the path of `models/vocab`); nothing is read yet.
    public init(vocabularyDirectory: String) {
        self.vocabularyDirectory = vocabularyDirectory
    }

    /// The encoding `name`, loading and verifying its vocabulary on first use.
    ///
    /// Throws a `VocabularyError` naming the file when it is missing, does not match its
    /// SHA-256 in `SHA256SUMS`, or is malformed.
    public func encoding(_ name: EncodingName) throws(VocabularyError) -> BPEEncoding {
        let directory = vocabularyDirectory
        let result: Result<BPEEncoding, VocabularyError> = loaded.withLock { cache in
            if let cached = cache[name] { return .success(cached) }
            do throws(VocabularyError) {
                let encoding = BPEEncoding(name: name, table: try VocabularyFileLoader.load(name, directory: directory))
                cache[name] = encoding
                return .success(encoding)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Whether `name` is already loaded (for status reports; does not load it).
    public func isLoaded(_ name: EncodingName) -> Bool {
        loaded.withLock { $0[name] != nil }
    }
}
