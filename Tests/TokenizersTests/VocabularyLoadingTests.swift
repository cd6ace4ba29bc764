import Foundation
import Testing
@testable import Tokenizers

@Suite("Vocabulary loading")
struct VocabularyLoadingTests {
    /// A fresh temporary directory, removed by the caller.
    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "preflight-vocab-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("Both vocabularies load with the expected sizes")
    func sizes() throws {
        #expect(try TestEnvironment.encoding(.o200kBase).ordinaryTokenCount == 199_998)
        #expect(try TestEnvironment.encoding(.cl100kBase).ordinaryTokenCount == 100_256)
    }

    @Test("The registry loads each encoding once, on first use")
    func caching() throws {
        let registry = TokenizerRegistry(vocabularyDirectory: TestEnvironment.vocabularyDirectory)
        #expect(!registry.isLoaded(.cl100kBase))
        let first = try #require(try registry.load(.cl100kBase) as? BPEEncoding)
        #expect(registry.isLoaded(.cl100kBase) && !registry.isLoaded(.o200kBase))
        #expect(try registry.load(.cl100kBase) as? BPEEncoding === first)
    }

    @Test("A missing vocabulary file is an error naming it")
    func missingFile() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let sums = try String(contentsOfFile: TestEnvironment.vocabularyDirectory + "/SHA256SUMS", encoding: .utf8)
        try sums.write(toFile: directory + "/SHA256SUMS", atomically: true, encoding: .utf8)
        let error = #expect(throws: VocabularyError.self) {
            try TokenizerRegistry(vocabularyDirectory: directory).load(.o200kBase)
        }
        #expect(error?.path == directory + "/o200k_base.tiktoken")
        #expect(error?.description.contains("o200k_base.tiktoken") == true)
    }

    @Test("A missing SHA256SUMS is an error naming it")
    func missingChecksums() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let error = #expect(throws: VocabularyError.self) {
            try TokenizerRegistry(vocabularyDirectory: directory).load(.cl100kBase)
        }
        #expect(error?.path == directory + "/SHA256SUMS")
    }

    @Test("A corrupt vocabulary file fails its SHA-256 check")
    func corruptFile() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let source = TestEnvironment.vocabularyDirectory
        try FileManager.default.copyItem(atPath: source + "/SHA256SUMS", toPath: directory + "/SHA256SUMS")
        var bytes = try Data(contentsOf: URL(fileURLWithPath: source + "/cl100k_base.tiktoken"))
        bytes[bytes.count / 2] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: directory + "/cl100k_base.tiktoken"))
        let error = #expect(throws: VocabularyError.self) {
            try TokenizerRegistry(vocabularyDirectory: directory).load(.cl100kBase)
        }
        #expect(error?.path == directory + "/cl100k_base.tiktoken")
        #expect(error?.description.contains("SHA-256") == true)
    }

    @Test("SHA256SUMS without a line for the file is an error naming SHA256SUMS")
    func checksumLineMissing() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "0000  other.tiktoken\n".write(toFile: directory + "/SHA256SUMS", atomically: true, encoding: .utf8)
        let error = #expect(throws: VocabularyError.self) {
            try TokenizerRegistry(vocabularyDirectory: directory).load(.o200kBase)
        }
        #expect(error?.path == directory + "/SHA256SUMS")
        #expect(error?.description.contains("o200k_base.tiktoken") == true)
    }

    /// Parses `text` as a vocabulary file (the checksum step is tested above).
    static func parse(_ text: String) throws(VocabularyError) -> TokenRankTable {
        let path = NSTemporaryDirectory() + "preflight-parse-" + UUID().uuidString
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard case .success(let file) = FileBytes.read(path) else { fatalError("cannot read back \(path)") }
        return try VocabularyFileLoader.parse(file, path: path)
    }

    /// A well-formed vocabulary of the 256 single bytes, then `extra` lines.
    static func byteVocabulary(_ extra: String = "") -> String {
        (0..<256).map { "\(Data([UInt8($0)]).base64EncodedString()) \($0)\n" }.joined() + extra
    }

    @Test("A well-formed vocabulary parses and answers lookups")
    func wellFormed() throws {
        let table = try Self.parse(Self.byteVocabulary("aGk= 256\n\nbG9uZ2VyIHRoYW4gZWlnaHQgYnl0ZXM= 257\n"))
        #expect(table.count == 258)
        let lookup = table.lookup
        func rank(_ s: String) -> UInt32 {
            let bytes = Array(s.utf8)
            return bytes.withUnsafeBufferPointer { lookup.rank($0.baseAddress!, $0.count, limit: $0.baseAddress! + $0.count) }
        }
        #expect(rank("hi") == 256)
        #expect(rank("longer than eight bytes") == 257)
        #expect(rank("longer than eight byteZ") == TokenRankTable.absent)
        #expect(rank("A") == 65)
        #expect(rank("hj") == TokenRankTable.absent)
    }

    @Test("Malformed lines are reported with their line number", arguments: [
        ("aGk=256\n", 257, "expected"),        // no space
        ("a!k= 256\n", 257, "base64"),         // not base64
        ("aGk= x\n", 257, "rank"),             // no rank
        ("aGk= 256 7\n", 257, "after the rank"),
        ("QQ== 300\n", 257, "duplicate"),      // "A" again
    ])
    func malformed(_ extra: String, _ line: Int, _ phrase: String) throws {
        let error = #expect(throws: VocabularyError.self) { try Self.parse(Self.byteVocabulary(extra)) }
        #expect(error?.description.contains("line \(line)") == true, "\(error?.description ?? "")")
        #expect(error?.description.contains(phrase) == true, "\(error?.description ?? "")")
    }

    @Test("A vocabulary without every single byte is refused")
    func missingByte() throws {
        let text = (0..<255).map { "\(Data([UInt8($0)]).base64EncodedString()) \($0)\n" }.joined()
        let error = #expect(throws: VocabularyError.self) { try Self.parse(text) }
        #expect(error?.description.contains("0xff") == true)
    }
}
