/// Byte-pair merging of a long piece that repeats a short pattern (a megabyte of one character,
/// of spaces, of `=-`) in time that does not grow with its length: the same merges as
/// tiktoken, computed on a compressed description of the parts instead of on every byte.
///
/// Why: such a piece is the worst case of counting (one piece, every byte a part), and
/// `RepeatingPieceMerger` still touches every byte in every round of merges — 1 MB of one
/// character took 54–84 ms. Here the parts are kept as `prefix + block × copies + suffix`,
/// where every copy of the block is the same token sequence (a copy starts `blockBytes` after
/// the previous one). Initially the block is one period of the pattern as single bytes, and
/// the prefix and suffix are whatever does not repeat at the ends (a quote before a run, a
/// contraction after it), as single bytes too.
///
/// One pass merges all pairs of the lowest rank `r` there is. tiktoken merges the lowest
/// (rank, position) pair first; when no merge of a pass creates a pair ranked ≤ `r`, the pairs it
/// merges are exactly the leftmost non-overlapping occurrences of rank `r`, taken left to right
/// (a merged pair's new neighbours contain its bytes and more, so they can never be rank `r`
/// again; one ranked below `r` would be merged next by tiktoken, and then this merger gives up and
/// returns `nil`, leaving the piece to the exact per-byte mergers). The pass walks the parts left
/// to right; at the start of each copy of the block, its state — whether the copy's first part
/// was already merged into the previous token, and which token was emitted last (its bytes,
/// named by phase in the pattern and length) — determines everything it emits until the
/// copies run out. As soon as a state repeats, the tokens emitted between the two visits are
/// the new block, repeated as often as the remaining copies allow; the walk resumes near the
/// end, where the suffix differs. A pass therefore costs a few copies of the block, and the
/// number of passes is the number of distinct ranks merged (about a dozen for one character).
struct PeriodicPieceMerger {
    let ranks: TokenRankLookup

    /// Pieces at least this long are looked at here (shorter ones are cheap anyway).
    static let minimumLength = 256
    /// The most bytes before or after the repeating stretch (kept as single-byte parts).
    static let maximumEdge = 1024
    /// Give up (and leave the piece to the per-byte mergers) when this many parts would have to
    /// be kept explicitly: the piece is then not behaving periodically.
    static let maximumExplicitParts = 1 << 14

    /// One part (token): its offset in the piece and its length in bytes.
    struct Part: Equatable {
        var offset: Int
        var length: Int
    }

    /// The longest stretch of a piece that repeats a pattern of `period` bytes: bytes
    /// `start..<end` with `piece[i] == piece[i + period]` for `start <= i < end - period`.
    struct Window: Equatable {
        var start: Int
        var period: Int
        var end: Int
    }

    /// The repeating stretch of `piece[0..<length]` with the shortest period (at most
    /// `maximumPeriod` bytes) that leaves at most `maximumEdge` bytes before and after it, and
    /// covers at least four repetitions; `nil` when there is none. Grown from the middle of the
    /// piece both ways, so a non-repeating piece costs a few comparisons per period.
    static func window(_ piece: UnsafePointer<UInt8>, length n: Int) -> Window? {
        let middle = n / 2
        var period = 1
        while period <= RepeatingPieceMerger.maximumPeriod && middle + period <= n {
            // Right: the first i ≥ middle with piece[i] != piece[i + period].
            var right = middle
            while right + 8 + period <= n,
                  TokenRankLookup.loadWord(piece + right) == TokenRankLookup.loadWord(piece + right + period) {
                right += 8
            }
            while right + period < n, piece[right] == piece[right + period] { right += 1 }
            // Left: the smallest i with piece[k] == piece[k + period] for i ≤ k < middle.
            var left = middle
            while left >= 8, TokenRankLookup.loadWord(piece + left - 8) == TokenRankLookup.loadWord(piece + left - 8 + period) {
                left -= 8
            }
            while left > 0, piece[left - 1] == piece[left - 1 + period] { left -= 1 }
            let end = right + period
            if left <= Self.maximumEdge, n - end <= Self.maximumEdge, end - left >= 4 * period {
                return Window(start: left, period: period, end: end)
            }
            period += 1
        }
        return nil
    }

    /// The number of tokens of `piece[0..<length]` when it is mostly one repeated pattern (see
    /// `window`), or `nil` when it is not, or when a merge created a pair ranked below the one
    /// being merged (the caller then merges the piece byte by byte).
    func tokenCount(_ piece: UnsafePointer<UInt8>, length n: Int, limit: UnsafePointer<UInt8>) -> Int? {
        guard let window = Self.window(piece, length: n) else { return nil }
        let p = window.period
        let absent = TokenRankTable.absent
        var prefix: [Part] = (0..<window.start).map { Part(offset: $0, length: 1) }
        var block: [Part] = (0..<p).map { Part(offset: window.start + $0, length: 1) }
        var blockBytes = p
        var copies = (window.end - window.start) / p
        var suffix: [Part] = (window.start + copies * p ..< n).map { Part(offset: $0, length: 1) }

        /// The rank of two adjacent parts merged.
        @inline(__always) func pairRank(_ a: Part, _ b: Part) -> UInt32 {
            let length = a.length + b.length
            return length == 2 ? ranks.pairRank(piece + a.offset) : ranks.rank(piece + a.offset, length, limit: limit)
        }

        while true {
            let middleStart = prefix.count
            let middleEnd = middleStart + block.count * copies
            let total = middleEnd + suffix.count
            /// Part `g` of the sequence the description stands for.
            @inline(__always) func part(_ g: Int) -> Part {
                if g < middleStart { return prefix[g] }
                if g < middleEnd {
                    let copy = (g - middleStart) / block.count
                    let b = block[(g - middleStart) - copy * block.count]
                    return Part(offset: b.offset + copy * blockBytes, length: b.length)
                }
                return suffix[g - middleEnd]
            }

            // The lowest rank of any adjacent pair: every distinct pair occurs in the prefix, the
            // first copy (with the part after it), the last copy's end, or the suffix.
            var r = absent
            var probes = Array(0..<middleStart)
            if copies > 0 {
                probes += Array(middleStart..<(middleStart + block.count))
                probes.append(middleEnd - 1)
            }
            probes += Array(middleEnd..<total)
            for g in probes where g + 1 < total { r = min(r, pairRank(part(g), part(g + 1))) }
            if r == absent { return total }

            // The pass: leftmost non-overlapping pairs of rank r, left to right.
            struct State: Equatable {
                var consumed: Bool
                var lastPhase: Int
                var lastLength: Int
            }
            var seen: [(state: State, copy: Int, emitted: Int)] = []
            var output: [Part] = []
            var last: Part? = nil
            var g = 0
            var nextCopy = 0
            var newPrefix: [Part]? = nil
            var newBlock: [Part] = []
            var newBlockBytes = 0
            var newCopies = 0
            while g < total {
                // Copies of the block start here: remember or recognise their states. g is then
                // each such copy's start or one past it (g advances by one or two parts, and every
                // copy it passes is looked at). Only copies followed by two more copies are
                // interchangeable (a pass looks two parts ahead).
                var jumped = false
                while newPrefix == nil, copies > 0, nextCopy + 2 < copies, g >= middleStart + nextCopy * block.count {
                    let start = middleStart + nextCopy * block.count
                    // A token inside the repeating stretch is named by its phase (its bytes follow);
                    // one that starts before it, by its offset (the head does not repeat).
                    let state = State(consumed: g > start,
                                      lastPhase: last.map { $0.offset >= window.start ? ($0.offset - window.start) % p : -2 - $0.offset } ?? -1,
                                      lastLength: last?.length ?? 0)
                    if let earlier = seen.first(where: { $0.state == state }) {
                        let cycle = nextCopy - earlier.copy
                        let repeats = (copies - 2 - earlier.copy) / cycle
                        if repeats >= 2 {
                            newPrefix = Array(output[0..<earlier.emitted])
                            newBlock = Array(output[earlier.emitted...])
                            newBlockBytes = cycle * blockBytes
                            newCopies = repeats
                            // Resume at the copy the last repetition ends at, in the same state.
                            let shift = (repeats - 1) * cycle * blockBytes
                            let resume = earlier.copy + repeats * cycle
                            g = middleStart + resume * block.count + (state.consumed ? 1 : 0)
                            last = last.map { Part(offset: $0.offset + shift, length: $0.length) }
                            output = []
                            jumped = true
                            break
                        }
                    }
                    seen.append((state, nextCopy, output.count))
                    nextCopy += 1
                }
                if jumped { continue }
                let t = part(g)
                if g + 1 < total {
                    let u = part(g + 1)
                    if pairRank(t, u) == r {
                        let merged = Part(offset: t.offset, length: t.length + u.length)
                        // A new pair ranked at or below r would be tiktoken's next merge: give up.
                        if let last, pairRank(last, merged) <= r { return nil }
                        if g + 2 < total, pairRank(merged, part(g + 2)) <= r { return nil }
                        output.append(merged)
                        last = merged
                        g += 2
                        continue
                    }
                }
                output.append(t)
                last = t
                g += 1
                if output.count > Self.maximumExplicitParts { return nil }
            }
            if let newPrefix {
                prefix = newPrefix
                block = newBlock
                blockBytes = newBlockBytes
                copies = newCopies
                suffix = output
            } else {
                prefix = output
                block = []
                copies = 0
                suffix = []
            }
            if prefix.count + suffix.count > Self.maximumExplicitParts { return nil }
        }
    }
}
