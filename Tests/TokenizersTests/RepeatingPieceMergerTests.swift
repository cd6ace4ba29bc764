import Testing
@testable import Tokenizers

/// The one-bit-per-byte merger for long repeating pieces (issue 12: 50 MB of one character took
/// 1.5 GB in the heap merger) makes exactly the heap merger's merges.
@Suite("Repeating-piece merging")
struct RepeatingPieceMergerTests {
    static func counts(_ bytes: [UInt8], _ ranks: TokenRankLookup) -> (repeating: Int, heap: Int) {
        bytes.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!, limit = base + buffer.count
            return (RepeatingPieceMerger(ranks: ranks).tokenCount(base, length: buffer.count, limit: limit),
                    LargePieceMerger(ranks: ranks).tokenCount(base, length: buffer.count, limit: limit))
        }
    }

    @Test("Runs and short patterns, every length up to 640 bytes", arguments: TestEnvironment.encodings)
    func shortRuns(_ name: TokenizerID) throws {
        let ranks = try TestEnvironment.encoding(name).table.lookup
        for unit in ["a", "x", "Z", " ", "\n", "\r\n", "=", "-", "=-", "0", "ab", "ab ", "中", "日", "😀", "é", "ก่", "--=="] {
            let bytes = Array(String(repeating: unit, count: 640 / unit.utf8.count + 1).utf8)
            for length in 2...640 {
                let piece = Array(bytes[0..<length])
                let (repeating, heap) = Self.counts(piece, ranks)
                #expect(repeating == heap, "\(unit.debugDescription) × \(length) bytes")
                if repeating != heap { break }
            }
        }
    }

    @Test("Long runs and random patterns", arguments: TestEnvironment.encodings)
    func longRuns(_ name: TokenizerID) throws {
        let ranks = try TestEnvironment.encoding(name).table.lookup
        var generator = SystemRandomNumberGenerator()
        var patterns = ["a", " ", "=", "中", "😀", "ab "].map { Array($0.utf8) }
        for _ in 0..<6 {
            let alphabet = Array("aeb =-\n".utf8)
            patterns.append((0..<Int.random(in: 2...16, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
        }
        for pattern in patterns {
            for length in [65_536, 70_001] {
                let piece = (0..<length).map { pattern[$0 % pattern.count] }
                let (repeating, heap) = Self.counts(piece, ranks)
                #expect(repeating == heap, "\(pattern) × \(length) bytes")
            }
        }
    }

    @Test func onlyShortRepeatingPatternsAreRecognised() {
        func repeats(_ text: String) -> Bool {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBufferPointer { RepeatingPieceMerger.repeats($0.baseAddress!, length: $0.count) }
        }
        #expect(repeats(String(repeating: "a", count: 1_000)))
        #expect(repeats(String(repeating: "=-", count: 1_000) + "="))
        #expect(repeats(String(repeating: "😀", count: 500)))
        #expect(!repeats(String(repeating: "a", count: 1_000) + "b"))
        #expect(!repeats(String(repeating: "abcdefghij", count: 7) + String(repeating: "k", count: 1_000)))
        // A pattern longer than 64 bytes is not looked for.
        #expect(!repeats(String(repeating: String(repeating: "a", count: 64) + "b", count: 50)))
    }

    @Test("Counting a long run agrees with the heap merger", arguments: TestEnvironment.encodings)
    func countThroughTheEncoding(_ name: TokenizerID) throws {
        let encoding = try TestEnvironment.encoding(name)
        let ranks = encoding.table.lookup
        for unit in ["a", " ", "."] {
            let text = String(repeating: unit, count: 300_000)
            let heap = Self.counts(Array(text.utf8), ranks).heap
            #expect(encoding.tokenCount(of: text) == heap, "\(unit.debugDescription)")
        }
    }
}
