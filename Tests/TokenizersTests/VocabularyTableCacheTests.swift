import Foundation
import Testing
@testable import Tokenizers

/// Compiled vocabulary tables: mapped in place on a later load, equal to the parsed table, and
/// never trusted when damaged, stale or built for another file.
@Suite("Vocabulary table cache")
struct VocabularyTableCacheTests {
    /// A fresh directory holding a copy of `tekken.tiktoken` and `SHA256SUMS`, and an empty cache.
    func sandbox() throws -> (vocab: String, cache: String) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-cache-\(UUID().uuidString)").path
        let vocab = root + "/vocab", cache = root + "/cache"
        try FileManager.default.createDirectory(atPath: vocab, withIntermediateDirectories: true)
        for file in ["tekken.tiktoken", "SHA256SUMS"] {
            try FileManager.default.copyItem(atPath: TestEnvironment.vocabularyDirectory + "/" + file, toPath: vocab + "/" + file)
        }
        return (vocab, cache)
    }

    func cacheFile(_ cache: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasSuffix(".table") }
        #expect(names.count == 1)
        return cache + "/" + (names.first ?? "")
    }

    /// Counts of every committed fixture text under `table` as tekken.
    func counts(_ table: TokenRankTable) -> [Int] {
        let encoding = BPEEncoding(definition: .tekken, table: table)
        return FamilyFixture.shared.rows.map { encoding.tokenCount(of: $0.text) }
    }

    @Test("A second load maps the compiled table, which counts exactly as the parsed one")
    func roundTrip() throws {
        let (vocab, cache) = try sandbox()
        let parsed = try VocabularyFileLoader.load("tekken.tiktoken", directory: vocab, cacheDirectory: cache)
        #expect(!parsed.isMappedFromFile)
        let path = try cacheFile(cache)
        let mapped = try VocabularyFileLoader.load("tekken.tiktoken", directory: vocab, cacheDirectory: cache)
        #expect(mapped.isMappedFromFile)
        #expect(mapped.count == parsed.count && mapped.maxTokenLength == parsed.maxTokenLength)
        #expect(counts(mapped) == counts(parsed))
        #expect(counts(mapped) == FamilyFixture.shared.rows.map { $0.counts[.tekken]! })
        #expect(path.contains(try VocabularyFileLoader.expectedDigest(of: "tekken.tiktoken", directory: vocab)))
    }

    @Test("A damaged or truncated cache file is ignored, and the next load replaces it")
    func damaged() throws {
        let (vocab, cache) = try sandbox()
        _ = try VocabularyFileLoader.load("tekken.tiktoken", directory: vocab, cacheDirectory: cache)
        let path = try cacheFile(cache)
        // Flip one byte in the middle of the slots.
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        try handle.seek(toOffset: 1 << 20)
        let byte = try #require(try handle.read(upToCount: 1)).first!
        try handle.seek(toOffset: 1 << 20)
        try handle.write(contentsOf: [byte ^ 0x40])
        try handle.close()
        let afterFlip = try VocabularyFileLoader.load("tekken.tiktoken", directory: vocab, cacheDirectory: cache)
        #expect(!afterFlip.isMappedFromFile, "a damaged body fails its checksum")
        #expect(counts(afterFlip) == FamilyFixture.shared.rows.map { $0.counts[.tekken]! })
        #expect(try VocabularyFileLoader.load("tekken.tiktoken", directory: vocab, cacheDirectory: cache).isMappedFromFile,
                "rewritten by the ordinary load")
        // Truncate it.
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        try #require(truncate(path, off_t(size - 4096)) == 0)
        #expect(!(try VocabularyFileLoader.load("tekken.tiktoken", directory: vocab, cacheDirectory: cache).isMappedFromFile))
    }

    @Test("A copy of the same file finds the compiled table; a changed file finds none and is refused")
    func stale() throws {
        let (vocab, cache) = try sandbox()
        _ = try VocabularyFileLoader.load("tekken.tiktoken", directory: vocab, cacheDirectory: cache)
        // Same bytes, another modification time (a second copy of the file): its bytes hash to the
        // digest, so the compiled table is used.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000)],
                                              ofItemAtPath: vocab + "/tekken.tiktoken")
        #expect(try VocabularyFileLoader.load("tekken.tiktoken", directory: vocab, cacheDirectory: cache).isMappedFromFile)
        #expect(VocabularyFileLoader.streamedDigest(of: vocab + "/tekken.tiktoken")
                == (try VocabularyFileLoader.expectedDigest(of: "tekken.tiktoken", directory: vocab)))
        // A file that no longer matches SHA256SUMS is refused even with a compiled table on disk.
        let handle = try #require(FileHandle(forWritingAtPath: vocab + "/tekken.tiktoken"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("\n".utf8))
        try handle.close()
        #expect(throws: VocabularyError.self) {
            _ = try VocabularyFileLoader.load("tekken.tiktoken", directory: vocab, cacheDirectory: cache)
        }
    }

    @Test("No cache directory: nothing is written and the table is parsed")
    func disabled() throws {
        let (vocab, cache) = try sandbox()
        #expect(!(try VocabularyFileLoader.load("tekken.tiktoken", directory: vocab, cacheDirectory: nil).isMappedFromFile))
        #expect(!FileManager.default.fileExists(atPath: cache))
    }
}
