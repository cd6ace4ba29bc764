import Foundation
import Testing
@testable import Tokenizers

/// The compressed merger for mostly-repeating pieces (a megabyte of one character in
/// microseconds) makes exactly the heap merger's merges, and a megabyte of each kind of
/// character counts as tiktoken counts it (`Fixtures/repeated-units.jsonl`).
@Suite("Periodic-piece merging")
struct PeriodicPieceMergerTests {
    /// The periodic merger's count (nil when it declines) and the heap merger's.
    static func counts(_ bytes: [UInt8], _ ranks: TokenRankLookup) -> (periodic: Int?, heap: Int) {
        bytes.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!, limit = base + buffer.count
            return (PeriodicPieceMerger(ranks: ranks).tokenCount(base, length: buffer.count, limit: limit),
                    LargePieceMerger(ranks: ranks).tokenCount(base, length: buffer.count, limit: limit))
        }
    }

    static let units = ["a", "x", "Z", " ", "\n", "\r\n", "\t", "=", "-", "=-", "0", "1", "ab", "ab ", "中", "😀", "é",
                        "ก่", "--==", "ー", "\u{3000}", "'s", "xyz"]

    @Test("Runs and short patterns, every length from 256 to 700 bytes", arguments: TestEnvironment.encodings)
    func everyLength(_ name: TokenizerID) throws {
        let ranks = try TestEnvironment.encoding(name).table.lookup
        var declined = 0
        for unit in Self.units {
            let bytes = Array(String(repeating: unit, count: 700 / unit.utf8.count + 1).utf8)
            for length in 256...700 {
                let (periodic, heap) = Self.counts(Array(bytes[0..<length]), ranks)
                if periodic == nil { declined += 1; continue }
                #expect(periodic == heap, "\(unit.debugDescription) × \(length) bytes")
                if periodic != heap { break }
            }
        }
        #expect(declined == 0)
    }

    @Test("A different head or tail around the run", arguments: TestEnvironment.encodings)
    func headsAndTails(_ name: TokenizerID) throws {
        let ranks = try TestEnvironment.encoding(name).table.lookup
        let edges = ["", "\"", "'s", "b", "中", "😀", "xyzw", " ", "\n", "aaaab", String(repeating: "q", count: 40)]
        for unit in ["a", " ", "\n", "=-", "中", "ab "] {
            for head in edges {
                for tail in edges {
                    for repeats in [200, 333] {
                        let bytes = Array((head + String(repeating: unit, count: repeats) + tail).utf8)
                        let (periodic, heap) = Self.counts(bytes, ranks)
                        if let periodic {
                            #expect(periodic == heap, "\(head.debugDescription) + \(unit.debugDescription) × \(repeats) + \(tail.debugDescription)")
                        }
                    }
                }
            }
        }
    }

    @Test("Random short patterns, long pieces", arguments: TestEnvironment.encodings)
    func randomPatterns(_ name: TokenizerID) throws {
        let ranks = try TestEnvironment.encoding(name).table.lookup
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("aeb =-\n'sT".utf8) + Array("中😀é".utf8)
        for _ in 0..<40 {
            let pattern = (0..<Int.random(in: 1...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let length = Int.random(in: 2_000...20_000, using: &generator)
            let piece = (0..<length).map { pattern[$0 % pattern.count] }
            let (periodic, heap) = Self.counts(piece, ranks)
            if let periodic { #expect(periodic == heap, "\(pattern) × \(length) bytes") }
        }
    }

    @Test func windows() {
        func window(_ text: String) -> PeriodicPieceMerger.Window? {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBufferPointer { PeriodicPieceMerger.window($0.baseAddress!, length: $0.count) }
        }
        #expect(window(String(repeating: "a", count: 1_000)) == .init(start: 0, period: 1, end: 1_000))
        #expect(window("\"" + String(repeating: "a", count: 1_000) + "'s") == .init(start: 1, period: 1, end: 1_001))
        #expect(window(String(repeating: "=-", count: 500) + "=") == .init(start: 0, period: 2, end: 1_001))
        #expect(window(String(repeating: "中", count: 400))?.period == 3)
        // Not mostly one pattern: a long head, or no short period at all.
        #expect(window(String(repeating: "b", count: 1_100) + String(repeating: "a", count: 1_200)) == nil)
        #expect(window((0..<600).map { String($0) }.joined()) == nil)
    }

    /// One row of `Fixtures/repeated-units.jsonl`.
    struct Row: Sendable, CustomTestStringConvertible {
        let head: String, unit: String, repeats: Int, tail: String
        let counts: [TokenizerID: Int]
        var text: String { head + String(repeating: unit, count: repeats) + tail }
        var testDescription: String { "\(head.debugDescription) + \(unit.debugDescription) × \(repeats) + \(tail.debugDescription)" }
    }

    static let rows: [Row] = {
        guard let url = Bundle.module.url(forResource: "repeated-units", withExtension: "jsonl", subdirectory: "Fixtures"),
              let data = try? Data(contentsOf: url)
        else { fatalError("Fixtures/repeated-units.jsonl is missing from the test bundle") }
        return data.split(separator: UInt8(ascii: "\n")).map { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                  let head = object["head"] as? String, let unit = object["unit"] as? String,
                  let repeats = object["repeats"] as? Int, let tail = object["tail"] as? String
            else { fatalError("malformed fixture line: \(String(decoding: line, as: UTF8.self))") }
            var counts: [TokenizerID: Int] = [:]
            for name in TestEnvironment.encodings { counts[name] = object[name.name] as? Int }
            return Row(head: head, unit: unit, repeats: repeats, tail: tail, counts: counts)
        }
    }()

    @Test("A megabyte of one character (or pattern) counts as tiktoken counts it", arguments: rows)
    func megabyteRuns(_ row: Row) throws {
        let text = row.text
        for name in TestEnvironment.encodings {
            let encoding = try TestEnvironment.encoding(name)
            #expect(encoding.tokenCount(of: text) == row.counts[name], "\(name)")
            #expect(encoding.tokenCount(of: text, threads: 2) == row.counts[name], "\(name), 2 threads")
        }
    }
}
