import Synchronization

/// The byte-pair encodings this process has loaded, by vocabulary file: a second registry over
/// the same directory (another in-process server, a test's own context) shares the first one's
/// tables instead of reading, hashing and parsing the file again.
///
/// Only successful loads are kept, so a registry still reports and remembers its own failures;
/// vocabulary files are verified against `SHA256SUMS` when first loaded and are not expected to
/// change while the process runs (a fixed file needs a restart, as for the registry). Mattered
/// once catalogs resolved to up to six encodings per analysis: the editor tests, each with its
/// own server, spent most of their time loading the same files again in debug builds.
enum LoadedEncodingCache {
    private static let loaded = Mutex<[String: BPEEncoding]>([:])

    /// `definition`'s encoding from `directory`, loaded on the first call for that file.
    static func encoding(_ definition: BPEEncodingDefinition, directory: String) throws(VocabularyError) -> BPEEncoding {
        let key = "\(directory)/\(definition.vocabularyFileName)\u{0}\(definition.id.name)"
        if let known = loaded.withLock({ $0[key] }) { return known }
        let encoding = try BPEEncoding.load(definition, directory: directory)
        return loaded.withLock { loaded in
            if let raced = loaded[key] { return raced }
            loaded[key] = encoding
            return encoding
        }
    }
}
