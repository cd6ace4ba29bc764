import Testing
@testable import Tokenizers

@Suite("Byte-pair merging")
struct BytePairMergerTests {
    /// Token boundaries of `bytes` by the small-piece (tiktoken-style) merger.
    static func smallBoundaries(_ bytes: [UInt8], _ ranks: TokenRankLookup) -> [Int32] {
        bytes.withUnsafeBufferPointer { buffer in
            let scratch = UnsafeMutablePointer<UInt32>.allocate(capacity: BytePairMerger.scratchCount)
            defer { scratch.deallocate() }
            let n = BytePairMerger(ranks: ranks).mergeSmall(
                buffer.baseAddress!, length: buffer.count, limit: buffer.baseAddress! + buffer.count, scratch: scratch)
            return (0...n).map { Int32(scratch[$0]) }
        }
    }

    static func largeBoundaries(_ bytes: [UInt8], _ ranks: TokenRankLookup) -> [Int32] {
        bytes.withUnsafeBufferPointer { buffer in
            LargePieceMerger(ranks: ranks).boundaries(
                buffer.baseAddress!, length: buffer.count, limit: buffer.baseAddress! + buffer.count)
        }
    }

    @Test("The heap merger makes the same merges as the flat one", arguments: TestEnvironment.encodings)
    func heapEqualsFlat(_ name: TokenizerID) throws {
        let ranks = try TestEnvironment.encoding(name).table.lookup
        var generator = SystemRandomNumberGenerator()
        let alphabets: [[UInt8]] = [
            Array("ab".utf8), Array("aeinrst ".utf8), Array("ก่าีน".utf8), Array("0123456789".utf8),
            Array("ab \n".utf8), (0...255).map { UInt8($0) },
        ]
        var compared = 0
        for alphabet in alphabets {
            for _ in 0..<40 {
                let length = Int.random(in: 2...BytePairMerger.smallPieceLimit, using: &generator)
                let bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
                let flat = Self.smallBoundaries(bytes, ranks)
                let heap = Self.largeBoundaries(bytes, ranks)
                #expect(flat == heap, "\(bytes)")
                let count = bytes.withUnsafeBufferPointer {
                    LargePieceMerger(ranks: ranks).tokenCount($0.baseAddress!, length: $0.count, limit: $0.baseAddress! + $0.count)
                }
                #expect(count == heap.count - 1)
                compared += 1
            }
        }
        #expect(compared == 240)
    }

    @Test("Runs of one repeated unit (sorted initial pairs) merge alike in both mergers", arguments: TestEnvironment.encodings)
    func repeatedRuns(_ name: TokenizerID) throws {
        let ranks = try TestEnvironment.encoding(name).table.lookup
        for unit in ["a", "-", " ", "\n", "=", "0", "ab", "中", "😀", "ก่"] {
            for repeats in 2...BytePairMerger.smallPieceLimit / unit.utf8.count {
                let bytes = Array(String(repeating: unit, count: repeats).utf8)
                #expect(Self.smallBoundaries(bytes, ranks) == Self.largeBoundaries(bytes, ranks), "\(unit) × \(repeats)")
            }
        }
    }

    /// tiktoken's `_byte_pair_merge`, transcribed with Swift arrays and no shortcuts: the
    /// reference for pieces longer than the flat merger's scratch memory allows.
    static func referenceBoundaries(_ bytes: [UInt8], _ ranks: TokenRankLookup) -> [Int32] {
        bytes.withUnsafeBufferPointer { buffer -> [Int32] in
            let base = buffer.baseAddress!
            let limit = base + buffer.count
            func rank(_ start: Int, _ end: Int) -> UInt32 { ranks.rank(base + start, end - start, limit: limit) }
            var parts: [(start: Int, rank: UInt32)] = (0..<(bytes.count - 1)).map { ($0, rank($0, $0 + 2)) }
            parts.append((bytes.count - 1, TokenRankTable.absent))
            parts.append((bytes.count, TokenRankTable.absent))
            func pairRank(_ i: Int) -> UInt32 { i + 3 < parts.count ? rank(parts[i].start, parts[i + 3].start) : TokenRankTable.absent }
            while true {
                var best = (rank: TokenRankTable.absent, index: 0)
                for i in 0..<(parts.count - 1) where parts[i].rank < best.rank { best = (parts[i].rank, i) }
                if best.rank == TokenRankTable.absent { break }
                let i = best.index
                if i > 0 { parts[i - 1].rank = pairRank(i - 1) }
                parts[i].rank = pairRank(i)
                parts.remove(at: i + 1)
            }
            return parts.map { Int32($0.start) }
        }
    }

    @Test("Long pieces: the heap merger equals tiktoken's algorithm", arguments: TestEnvironment.encodings)
    func longPiecesMatchReference(_ name: TokenizerID) throws {
        let ranks = try TestEnvironment.encoding(name).table.lookup
        var generator = SystemRandomNumberGenerator()
        let units: [[UInt8]] = [
            Array("a".utf8), Array("ab".utf8), Array(" ".utf8), Array("ก่าีน".utf8), Array("नमस्ते".utf8),
            Array("0123456789".utf8), Array("-=".utf8), Array("中文字".utf8),
        ]
        for unit in units {
            for _ in 0..<4 {
                let length = Int.random(in: 300...1500, using: &generator)
                // Mostly repeated runs of the unit's bytes with random interruptions, so both
                // the sorted-initial-pairs path and the general heap path are taken.
                var bytes: [UInt8] = []
                while bytes.count < length {
                    if Int.random(in: 0..<8, using: &generator) == 0 {
                        bytes.append(unit.randomElement(using: &generator)!)
                    } else {
                        bytes.append(contentsOf: unit)
                    }
                }
                #expect(Self.largeBoundaries(bytes, ranks) == Self.referenceBoundaries(bytes, ranks), "\(bytes.count) bytes of \(unit)")
            }
            let run = Array(repeating: unit[0], count: 2000)
            #expect(Self.largeBoundaries(run, ranks) == Self.referenceBoundaries(run, ranks))
        }
    }

    @Test("Pieces just above the small-piece limit use the heap merger and match tiktoken")
    func aroundTheLimit() throws {
        // tiktoken 0.14.0: len(enc.encode_ordinary(" " * 300 + "x")) and similar fixture rows
        // cover lengths above the limit; here the two strategies meet on the same text.
        let encoding = try TestEnvironment.encoding(.o200kBase)
        for length in [BytePairMerger.smallPieceLimit - 1, BytePairMerger.smallPieceLimit, BytePairMerger.smallPieceLimit + 1] {
            let text = String(repeating: "ab", count: length / 2) + (length % 2 == 1 ? "a" : "")
            let bytes = Array(text.utf8)
            let ranks = encoding.table.lookup
            #expect(Self.largeBoundaries(bytes, ranks).count - 1 == encoding.tokenCount(of: text))
        }
    }
}
