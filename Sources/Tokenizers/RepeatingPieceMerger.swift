#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-pair merging of a long piece that repeats a short pattern (a run of one character, of
/// spaces, of `=-`), in one bit per byte: the same merges as tiktoken, found rank by rank.
///
/// Why: `LargePieceMerger` keeps about 28 bytes per byte of the piece (links, ranks, heap keys),
/// so 50 MB of one repeated character took 1.5 GB. Such a piece has very few distinct pairs, so
/// the merges can be found in sweeps instead of through a heap of every pair:
///
/// 1. find the lowest rank `r` any adjacent pair has (one pass over the parts);
/// 2. sweep left to right merging every pair of rank `r`. A merge changes only the pair it makes
///    and the pair before it; when either now has a rank ≤ `r` it goes into a small local heap,
///    which is served before the sweep goes on (those pairs lie at or behind the sweep's front,
///    and rank, then position, is tiktoken's order). When the sweep ends no pair has rank ≤ `r`,
///    and the lowest rank the sweep saw is the next `r`;
/// 3. repeat until no pair is a token.
///
/// Every step merges the pair with the lowest (rank, position) there is, so the result is
/// tiktoken's. Parts are a bitmap of their start offsets (every part is a token, so the next or
/// previous start is at most `maxTokenLength` bytes away). The number of sweeps is the number of
/// distinct ranks merged, which is small for a repeating piece and unbounded for others — hence
/// `repeats` decides who may use it.
struct RepeatingPieceMerger {
    let ranks: TokenRankLookup

    /// Pieces at least this long that `repeats` are merged here.
    static let minimumLength = 64 * 1024
    /// The longest pattern (in bytes) `repeats` looks for.
    static let maximumPeriod = 64

    /// Whether `piece[0..<length]` is one pattern of at most `maximumPeriod` bytes repeated
    /// (a last partial repetition allowed).
    static func repeats(_ piece: UnsafePointer<UInt8>, length: Int) -> Bool {
        var period = 1
        while period <= maximumPeriod && period < length {
            if memcmp(piece, piece + period, length - period) == 0 { return true }
            period += 1
        }
        return false
    }

    /// Returns the number of tokens of `piece[0..<length]` (length ≥ 2).
    func tokenCount(_ piece: UnsafePointer<UInt8>, length n: Int, limit: UnsafePointer<UInt8>) -> Int {
        let absent = TokenRankTable.absent
        let wordCount = (n + 63) / 64
        let bits = UnsafeMutablePointer<UInt64>.allocate(capacity: wordCount)
        defer { bits.deallocate() }
        bits.initialize(repeating: ~0, count: wordCount)
        if n % 64 != 0 { bits[wordCount - 1] = (1 &<< UInt64(n % 64)) &- 1 }

        /// The first part start after `i`, or `n`.
        @inline(__always) func next(_ i: Int) -> Int {
            var position = i + 1
            while position < n {
                let word = bits[position >> 6] >> UInt64(position & 63)
                if word != 0 { return min(n, position + word.trailingZeroBitCount) }
                position = (position | 63) + 1
            }
            return n
        }
        /// The last part start before `i`, or -1.
        @inline(__always) func previous(_ i: Int) -> Int {
            var position = i - 1
            while position >= 0 {
                let shift = UInt64(63 - (position & 63))
                let word = bits[position >> 6] << shift
                if word != 0 { return position - word.leadingZeroBitCount }
                position = (position & ~63) - 1
            }
            return -1
        }
        @inline(__always) func isStart(_ i: Int) -> Bool { bits[i >> 6] & (1 &<< UInt64(i & 63)) != 0 }
        /// The rank of the pair starting at part `i` (`i` through the end of the next part).
        @inline(__always) func pairRank(_ i: Int) -> UInt32 {
            let j = next(i)
            if j >= n { return absent }
            let k = next(j)
            return k - i == 2 ? ranks.pairRank(piece + i) : ranks.rank(piece + i, k - i, limit: limit)
        }

        var tokens = n
        var local = QuaternaryMinHeap(capacity: 64)
        defer { local.deallocate() }
        var r = absent
        var i = 0
        while i < n {
            r = min(r, pairRank(i))
            i = next(i)
        }
        while r != absent {
            // The next sweep's rank: the lowest rank above r this sweep sees. Every pair is seen
            // (by the scan, or when a merge changes it), so no lower one can be missed; one that a
            // later merge removed makes the next sweep merge nothing, and that sweep's own
            // minimum is then exact.
            var following = absent

            /// Merges the pair at part `p`; queues the two pairs it changed when their rank is ≤ r.
            @inline(__always) func merge(_ p: Int) {
                let j = next(p)
                bits[j >> 6] &= ~(1 &<< UInt64(j & 63))
                tokens -= 1
                let own = pairRank(p)
                if own <= r { local.push(UInt64(own) &<< 32 | UInt64(p)) } else { following = min(following, own) }
                let h = previous(p)
                if h >= 0 {
                    let before = pairRank(h)
                    if before <= r { local.push(UInt64(before) &<< 32 | UInt64(h)) } else { following = min(following, before) }
                }
            }

            var front = 0
            sweep: while true {
                while let key = local.popMin() {
                    let p = Int(key & 0xFFFF_FFFF)
                    guard isStart(p), pairRank(p) == UInt32(truncatingIfNeeded: key >> 32) else { continue }  // stale
                    merge(p)
                }
                if front < n && !isStart(front) { front = next(front) }
                while front < n {
                    let rank = pairRank(front)
                    if rank == r {
                        merge(front)
                        continue sweep
                    }
                    following = min(following, rank)
                    front = next(front)
                }
                break
            }
            r = following
        }
        return tokens
    }
}
