import Foundation
import Testing
import Tokenizers

/// Where the tests find the vocabulary and the optional `../shared` material.
///
/// `PREFLIGHT_MODELS` (set by `make test`) wins; otherwise the repository's own `models/`,
/// found from this file's path, so `swift test` works from any directory.
enum TestEnvironment {
    /// The repository root (three levels above this file).
    static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// `$PREFLIGHT_MODELS/vocab`, else `<repo>/models/vocab`.
    static let vocabularyDirectory: String = {
        if let models = ProcessInfo.processInfo.environment["PREFLIGHT_MODELS"], !models.isEmpty {
            return models + "/vocab"
        }
        return repositoryRoot + "/models/vocab"
    }()

    /// `../shared` beside the repository, when present (developers and CI; not a fresh clone).
    static let sharedDirectory: String? = {
        let path = URL(fileURLWithPath: repositoryRoot).deletingLastPathComponent().appendingPathComponent("shared").path
        return FileManager.default.fileExists(atPath: path + "/corpora/flores200-dev-counts.tsv") ? path : nil
    }()

    /// `../shared/corpora/flores200-dev-family-counts.tsv` (the open families' reference counts on
    /// every FLORES dev line), when present.
    static let familyCountsPath: String? = {
        guard let shared = sharedDirectory else { return nil }
        let path = shared + "/corpora/flores200-dev-family-counts.tsv"
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }()

    /// One registry for the whole test run, so each vocabulary is loaded once.
    static let registry = TokenizerRegistry(vocabularyDirectory: vocabularyDirectory)

    /// The exact encodings the tests check against tiktoken.
    static let encodings: [TokenizerID] = [.o200kBase, .cl100kBase]

    /// The open families' exact encodings, checked against their own libraries.
    static let familyEncodings: [TokenizerID] = [.qwen2, .qwen35, .deepSeekV4, .tekken]

    /// The loaded encoding; a missing vocabulary fails the calling test with the loader's message.
    static func encoding(_ id: TokenizerID) throws -> BPEEncoding {
        let loaded = try registry.load(id)
        return try #require(loaded as? BPEEncoding, "\(id) is not a registered byte-pair encoding")
    }

    /// Whether this is an optimised build (the FLORES parity test needs one to be quick).
    static var isOptimizedBuild: Bool {
        #if DEBUG
        return false
        #else
        return true
        #endif
    }
}
