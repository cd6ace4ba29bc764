import Foundation
import Testing
import TestSupport

/// Exact counts through the real binary and `preflight count`, against tiktoken's known values
/// (the parameter rules of `countTokens` and `tokenize` are tested in process, in
/// PreflightServerTests' `TokenCountMethodTests`).
@Suite struct TokenCountTests {
    let sample = "Hello, 世界! Привет, мир. こんにちは"

    @Test func knownVectorsAreExactInBothEncodings() throws {
        let session = try runSession([
            initializeLine,
            #"{"jsonrpc":"2.0","id":1,"method":"preflight/countTokens","params":{"text":"\#(sample)"}}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"preflight/countTokens","params":{"text":"\#(sample)","tokenizer":"cl100k_base"}}"#,
            #"{"jsonrpc":"2.0","id":3,"method":"preflight/countTokens","params":{"text":"\#(sample)","mode":"estimate"}}"#,
        ])
        #expect(session.messages[1].result?["tokens"] as? Int == 11)
        #expect(session.messages[1].result?["exact"] as? Bool == true)
        #expect(session.messages[2].result?["tokens"] as? Int == 16)
        let estimate = try #require(session.messages[3].result)
        #expect(estimate["exact"] as? Bool == false)
        let range = try #require(estimate["range"] as? [String: Int])
        let point = try #require(estimate["tokens"] as? Int)
        #expect(range["low"]! <= point && point <= range["high"]!)
        let tokenizers = try #require((((session.messages[0].result?["capabilities"] as? [String: Any])?["experimental"] as? [String: Any])?["preflight"] as? [String: Any])?["tokenizers"] as? [[String: Any]])
        #expect(tokenizers.allSatisfy { $0["exact"] as? Bool == true })
    }

    @Test func tokenizeGivesIDsAndUTF8Offsets() throws {
        let session = try runSession([
            initializeLine,
            #"{"jsonrpc":"2.0","id":1,"method":"preflight/tokenize","params":{"text":"Hello, 世界"}}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"preflight/tokenize","params":{"text":"Hello","tokenizer":"claude"}}"#,
        ])
        let tokens = try #require(session.messages[1].result?["tokens"] as? [[String: Int]])
        // tiktoken: o200k_base encodes "Hello, 世界" as [13225, 11, 185558].
        #expect(tokens.map { $0["id"]! } == [13225, 11, 185558])
        #expect(tokens.map { $0["start"]! } == [0, 5, 6])
        #expect(tokens.last?["end"] == "Hello, 世界".utf8.count)
        #expect(session.messages[2].errorField == "params.tokenizer")
    }

    @Test func missingVocabularyFallsBackToEstimatesAndSaysWhy() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-novocab-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty.appendingPathComponent("vocab"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        // The checksums are there; the vocabulary files are not.
        try FileManager.default.copyItem(atPath: PreflightBinary.modelsDirectory + "/vocab/SHA256SUMS",
                                         toPath: empty.appendingPathComponent("vocab/SHA256SUMS").path)
        let server = try ServerProcess(arguments: ["serve", "--models-dir", empty.path])
        server.sendLine(initializeLine)
        server.sendLine(#"{"jsonrpc":"2.0","id":1,"method":"preflight/countTokens","params":{"text":"hello world"}}"#)
        server.sendLine(#"{"jsonrpc":"2.0","id":2,"method":"preflight/tokenize","params":{"text":"hello world"}}"#)
        server.closeInput()
        #expect(server.waitForExit() == 0)
        let replies = try ServerProcess.split(server.stdout, framing: .newline).compactMap { $0 as? [String: Any] }
        #expect(replies[1].result?["exact"] as? Bool == false)
        #expect((replies[1].result?["note"] as? String)?.contains("o200k_base.tiktoken") == true)
        #expect(replies[2].errorCode == -32603)
        #expect(server.stderr.contains("o200k_base.tiktoken"))
    }

    @Test func countCommandPrintsNumbersAndTotals() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-count-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let a = directory.appendingPathComponent("a.txt"), b = directory.appendingPathComponent("b.txt")
        try Data(sample.utf8).write(to: a)
        try Data("line one\r\nline two\r\n".utf8).write(to: b)
        let single = try runCLI(["count", a.path])
        #expect(single.status == 0)
        #expect(single.stdout == "11\n")
        let several = try runCLI(["count", "--tokenizer", "cl100k_base", a.path, b.path])
        let lines = several.stdout.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        #expect(lines.count == 3)
        #expect(lines[0] == ["16", a.path])
        #expect(lines[2][1] == "total")
        #expect(Int(lines[2][0]) == 16 + Int(lines[1][0])!)
        let json = try runCLI(["count", "--json", a.path])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["tokens"] as? Int == 11 && object["exact"] as? Bool == true)
        #expect(try runCLI(["count"], input: sample).stdout == "11\n")
    }

    @Test func countCommandErrors() throws {
        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-bad-\(UUID().uuidString).txt")
        try Data([0x61, 0x62, 0xFF, 0x63]).write(to: bad)
        defer { try? FileManager.default.removeItem(at: bad) }
        let invalid = try runCLI(["count", bad.path])
        #expect(invalid.status == 2)
        #expect(invalid.stderr.contains("\(bad.path): not valid UTF-8 at byte 2"))
        #expect(try runCLI(["count", "/nonexistent/file"]).status == 2)
        #expect(try runCLI(["count", "--tokenizer", "p50k_base"]).status == 64)
    }

}
