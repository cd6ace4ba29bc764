#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One exact tiktoken-style byte-pair encoding (o200k_base, cl100k_base, qwen2, qwen3.5,
/// deepseek-v4, tekken): normalisation, pre-tokenizer, vocabulary and special tokens, giving the
/// same tokens as the encoding's reference library for every text.
///
/// Immutable after loading and safe to share between threads; get one from
/// `TokenizerRegistry`, which loads each vocabulary once. As a `Tokenizer` it answers exact
/// counts and token spans. `tokenCount(of:)` is the hot path (the server's `countTokens`, the
/// advisor's pricing): it walks the text once, looks each piece up whole, merges only pieces
/// that are not themselves tokens, and allocates nothing per token. The pre-tokenizer is
/// reached through one dynamic call per text (`PreTokenizer.countTokens`), after which the loop
/// is specialised for it.
public final class BPEEncoding: Tokenizer {
    /// Which encoding this is: name, vocabulary file, special tokens, pre-tokenizer.
    public let definition: BPEEncodingDefinition
    let table: TokenRankTable
    /// The definition's scanner, made with the encoding.
    let preTokenizer: any PreTokenizer
    /// The special tokens `allowedSpecial` may name.
    let specials: [SpecialToken]
    /// What is matched with the default policy: the always-recognised added tokens (none
    /// except in DeepSeek V4).
    private let addedMatcher: SpecialTokenMatcher
    /// What is matched with `.all`: the added tokens and every special token.
    private let allMatcher: SpecialTokenMatcher

    /// A special token's text and id.
    struct SpecialToken: Sendable {
        let name: String
        let bytes: [UInt8]
        let id: Int
    }

    /// Wraps a loaded vocabulary; see `load(_:directory:)`.
    init(definition: BPEEncodingDefinition, table: TokenRankTable) {
        self.definition = definition
        self.table = table
        self.preTokenizer = definition.makePreTokenizer()
        self.specials = definition.specialTokens.map {
            SpecialToken(name: $0.name, bytes: Array($0.name.utf8), id: $0.id)
        }
        let added = definition.addedTokens.map { SpecialToken(name: $0.name, bytes: Array($0.name.utf8), id: $0.id) }
        self.addedMatcher = SpecialTokenMatcher(added)
        self.allMatcher = SpecialTokenMatcher(added + specials)
    }

    /// Loads and verifies `definition`'s vocabulary file from `directory` (`models/vocab`).
    ///
    /// Throws a `VocabularyError` naming the file when it is missing, does not match its
    /// SHA-256 in `SHA256SUMS`, or is malformed. Each call reads the file again; the registry
    /// is what loads once.
    public static func load(_ definition: BPEEncodingDefinition, directory: String) throws(VocabularyError) -> BPEEncoding {
        BPEEncoding(definition: definition,
                    table: try VocabularyFileLoader.load(definition.vocabularyFileName, directory: directory))
    }

    /// The encoding's name, e.g. `o200k_base`.
    public var id: TokenizerID { definition.id }

    /// Always `true`: counts equal the reference library's.
    public var isExact: Bool { true }

    /// The names of this encoding's special tokens, e.g. `<|endoftext|>`, for `allowedSpecial`.
    public var specialTokenNames: [String] { specials.map(\.name) }

    /// Number of ordinary (mergeable) tokens in the vocabulary file.
    public var ordinaryTokenCount: Int { table.count }

    /// The exact count of `text` as a `TokenCount` (the `Tokenizer` view of `tokenCount(of:)`).
    public func count(_ text: String, allowedSpecial: SpecialTokenPolicy) -> TokenCount {
        .exact(tokenCount(of: text, allowedSpecial: allowedSpecial), tokenizer: id)
    }

    /// The exact count of `text`, a large one counted on up to `threads` threads (see
    /// `tokenCount(of:allowedSpecial:threads:)`).
    public func count(_ text: String, allowedSpecial: SpecialTokenPolicy, threads: Int) -> TokenCount {
        .exact(tokenCount(of: text, allowedSpecial: allowedSpecial, threads: threads), tokenizer: id)
    }

    /// The tokens of `text` (the `Tokenizer` view of `spans(of:)`); never `nil`.
    public func encode(_ text: String, allowedSpecial: SpecialTokenPolicy) -> [TokenSpan]? {
        spans(of: text, allowedSpecial: allowedSpecial)
    }

    /// Counts the tokens of `text` exactly as `len(tiktoken.encode(text, allowed_special=...))`.
    ///
    /// With the default policy special-token text counts as ordinary text (tiktoken's
    /// `encode_ordinary`). Allocates nothing per token; at most one scratch buffer per call.
    public func tokenCount(of text: String, allowedSpecial: SpecialTokenPolicy = .none) -> Int {
        var text = text
        return text.withUTF8 { count(utf8: $0, allowedSpecial: allowedSpecial) }
    }

    /// Counts like `tokenCount(of:allowedSpecial:)`, a text of `parallelMinimumLength` bytes or
    /// more on up to `threads` threads: the command line's `count` uses every core on a large
    /// file. The text is cut only where the pre-tokenizer says no piece can cross
    /// (`PreTokenizer.splitPoint`: after a line feed, for o200k_base and cl100k_base; encodings
    /// whose pattern has not been analysed are never cut), so the count is the same.
    public func tokenCount(of text: String, allowedSpecial: SpecialTokenPolicy = .none, threads: Int) -> Int {
        var text = text
        return text.withUTF8 { count(utf8: $0, allowedSpecial: allowedSpecial, threads: threads) }
    }

    /// Encodes `text` into token ids with their UTF-8 byte ranges, like tiktoken's `encode`.
    ///
    /// The spans tile the text: each starts where the previous one ended.
    public func spans(of text: String, allowedSpecial: SpecialTokenPolicy = .none) -> [TokenSpan] {
        var text = text
        return text.withUTF8 { encode(utf8: $0, allowedSpecial: allowedSpecial) }
    }

    /// Counts the tokens of UTF-8 text already in memory (e.g. a file read by the CLI).
    ///
    /// The bytes must be valid UTF-8 (as a Swift `String`'s are); the scanners do not
    /// re-validate them. An encoding that normalises counts the normalised text (copied only
    /// when normalisation changes something).
    func count(utf8 buffer: UnsafeBufferPointer<UInt8>, allowedSpecial: SpecialTokenPolicy = .none, threads: Int = 1) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        let matcher = matcher(allowedSpecial)
        if definition.normalization == .nfc, let normalized = NFCNormalizer.shared.normalize(base, buffer.count) {
            return normalized.bytes.withUnsafeBufferPointer {
                preTokenizer.countTokens(self, $0.baseAddress!, $0.count, specials: matcher, threads: threads)
            }
        }
        return preTokenizer.countTokens(self, base, buffer.count, specials: matcher, threads: threads)
    }

    /// Encodes UTF-8 text already in memory; see `count(utf8:allowedSpecial:)`. Offsets are
    /// into `buffer` even when the encoding normalises (see `NormalizationMap`).
    func encode(utf8 buffer: UnsafeBufferPointer<UInt8>, allowedSpecial: SpecialTokenPolicy = .none) -> [TokenSpan] {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return [] }
        let matcher = matcher(allowedSpecial)
        if definition.normalization == .nfc, let normalized = NFCNormalizer.shared.normalize(base, buffer.count) {
            let spans = normalized.bytes.withUnsafeBufferPointer {
                preTokenizer.encodeTokens(self, $0.baseAddress!, $0.count, specials: matcher)
            }
            return spans.map(normalized.map.originalSpan)
        }
        return preTokenizer.encodeTokens(self, base, buffer.count, specials: matcher)
    }

    /// The tokens cut out before pre-tokenizing under `policy`: the added tokens, plus the
    /// special tokens the policy allows.
    private func matcher(_ policy: SpecialTokenPolicy) -> SpecialTokenMatcher {
        switch policy {
        case .none: return addedMatcher
        case .all: return allMatcher
        case .only(let names):
            return SpecialTokenMatcher(addedMatcher.tokens + specials.filter { names.contains($0.name) })
        }
    }

    /// The counting loop for one concrete pre-tokenizer (see `PreTokenizer.countTokens`).
    func count<P: PreTokenizer>(
        _ base: UnsafePointer<UInt8>, _ length: Int, specials: SpecialTokenMatcher, _ preTokenizer: P
    ) -> Int {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: BytePairMerger.scratchCount) { scratch in
            let scratch = scratch.baseAddress!
            let ranks = table.lookup
            let limit = base + length
            var total = 0
            var segmentStart = 0
            while true {
                let (specialStart, special) = specials.next(base, from: segmentStart, to: length)
                total += Self.countOrdinary(
                    base, from: segmentStart, to: specialStart, limit: limit, ranks: ranks,
                    preTokenizer: preTokenizer, scratch: scratch)
                guard let special else { break }
                total += 1
                segmentStart = specialStart + special.bytes.count
            }
            return total
        }
    }

    /// Counts one stretch of ordinary text (no special tokens), the haystack for the regex.
    @inline(__always)
    static func countOrdinary<P: PreTokenizer>(
        _ base: UnsafePointer<UInt8>, from start: Int, to end: Int, limit: UnsafePointer<UInt8>,
        ranks: TokenRankLookup, preTokenizer: P, scratch: UnsafeMutablePointer<UInt32>
    ) -> Int {
        let merger = BytePairMerger(ranks: ranks)
        var total = 0
        var position = start
        if end - start < PieceCountCache.minimumTextLength {
            while position < end {
                let pieceEnd = preTokenizer.pieceEnd(base, from: position, to: end)
                let length = pieceEnd - position
                if length == 1 || ranks.rank(base + position, length, limit: limit) != TokenRankTable.absent {
                    total += 1
                } else {
                    total += merger.countTokens(base + position, length: length, limit: limit, scratch: scratch)
                }
                position = pieceEnd
            }
            return total
        }
        let cache = PieceCountCache(textLength: end - start)
        defer { cache.deallocate() }
        while position < end {
            let pieceEnd = preTokenizer.pieceEnd(base, from: position, to: end)
            let length = pieceEnd - position
            if length == 1 {
                total += 1
            } else {
                let (rank, hash) = ranks.rankAndHash(base + position, length, limit: limit)
                if rank != TokenRankTable.absent {
                    total += 1
                } else if length > PieceCountCache.maximumPieceLength {
                    total += merger.countTokens(base + position, length: length, limit: limit, scratch: scratch)
                } else {
                    var tokens = cache.count(base + position, length: length, hash: hash, limit: limit)
                    if tokens < 0 {
                        tokens = merger.countTokens(base + position, length: length, limit: limit, scratch: scratch)
                        cache.store(base + position, length: length, hash: hash, count: tokens, limit: limit)
                    }
                    total += tokens
                }
            }
            position = pieceEnd
        }
        return total
    }

    /// The encoding loop for one concrete pre-tokenizer (see `PreTokenizer.encodeTokens`).
    func encode<P: PreTokenizer>(
        _ base: UnsafePointer<UInt8>, _ length: Int, specials: SpecialTokenMatcher, _ preTokenizer: P
    ) -> [TokenSpan] {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: BytePairMerger.scratchCount) { scratch in
            let scratch = scratch.baseAddress!
            let merger = BytePairMerger(ranks: table.lookup)
            let limit = base + length
            var output: [TokenSpan] = []
            output.reserveCapacity(length / 4 + 1)
            var segmentStart = 0
            while true {
                let (specialStart, special) = specials.next(base, from: segmentStart, to: length)
                var position = segmentStart
                let ordinaryStart = output.count
                while position < specialStart {
                    let pieceEnd = preTokenizer.pieceEnd(base, from: position, to: specialStart)
                    merger.encode(
                        base + position, length: pieceEnd - position, limit: limit, offset: position,
                        scratch: scratch, into: &output)
                    position = pieceEnd
                }
                if definition.tokenIDOffset != 0 {
                    for i in ordinaryStart..<output.count {
                        let span = output[i]
                        output[i] = TokenSpan(id: span.id + definition.tokenIDOffset, start: span.start, end: span.end)
                    }
                }
                guard let special else { break }
                output.append(TokenSpan(id: special.id, start: specialStart, end: specialStart + special.bytes.count))
                segmentStart = specialStart + special.bytes.count
            }
            return output
        }
    }
}
