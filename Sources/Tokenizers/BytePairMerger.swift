/// Byte-pair merging of one pre-tokenized piece, exactly as tiktoken's `_byte_pair_merge`:
/// repeatedly merge the adjacent pair whose concatenation has the lowest rank (leftmost on ties)
/// until no adjacent pair is a token.
///
/// Two strategies give the same merges. Pieces up to `smallPieceLimit` bytes use tiktoken's
/// own scheme (a flat array of parts, a linear scan for the minimum) in caller-provided scratch
/// memory, which is fastest for the short pieces of real text and allocates nothing. Longer
/// pieces use `LargePieceMerger`, a linked list with an indexed heap, which stays O(n log n):
/// a megabyte of one repeated character is one piece, and the flat scheme would be quadratic.
/// Counting a piece of 256 bytes or more that is mostly one short pattern repeated (a run of
/// one character, with at most a kilobyte of something else at either end) goes to
/// `PeriodicPieceMerger`, which works on a compressed description of the parts and takes
/// microseconds for a megabyte; should it give up (a merge creating a pair ranked below the one
/// merged), a wholly repeating piece of 64 KiB or more goes to `RepeatingPieceMerger`, which
/// needs one bit per byte instead of about 28 bytes.
///
/// The whole-piece lookup ("the piece is itself a token", most pieces) is the caller's job.
struct BytePairMerger: @unchecked Sendable {
    /// Pieces longer than this many bytes go to the heap-based merger.
    static let smallPieceLimit = 128
    /// Number of `UInt32`s of scratch memory `merge` needs.
    static let scratchCount = 2 * (smallPieceLimit + 1)

    let ranks: TokenRankLookup

    /// Merges `piece[0..<length]` (length ≥ 2, at most `smallPieceLimit`) in `scratch`.
    ///
    /// Returns the number of tokens `n`; the token boundaries are then `scratch[0...n]` (offsets
    /// into the piece, the last being `length`). `limit` is the end of the readable buffer.
    @inline(__always)
    func mergeSmall(
        _ piece: UnsafePointer<UInt8>, length: Int, limit: UnsafePointer<UInt8>,
        scratch: UnsafeMutablePointer<UInt32>
    ) -> Int {
        @inline(__always) func spanRank(_ start: Int, _ end: Int) -> UInt32 {
            ranks.rank(piece + start, end - start, limit: limit)
        }
        let starts = scratch
        let pairRanks = scratch + (Self.smallPieceLimit + 1)
        let absent = TokenRankTable.absent
        var minRank = absent
        var minIndex = 0
        var i = 0
        while i < length - 1 {
            let r = ranks.pairRank(piece + i)
            starts[i] = UInt32(truncatingIfNeeded: i)
            pairRanks[i] = r
            if r < minRank { minRank = r; minIndex = i }
            i += 1
        }
        starts[length - 1] = UInt32(truncatingIfNeeded: length - 1)
        pairRanks[length - 1] = absent
        starts[length] = UInt32(truncatingIfNeeded: length)
        pairRanks[length] = absent
        var parts = length + 1
        while minRank != absent {
            let m = minIndex
            if m > 0 {
                let s = Int(starts[m - 1])
                pairRanks[m - 1] = m + 2 < parts ? spanRank(s, Int(starts[m + 2])) : absent
            }
            let s = Int(starts[m])
            pairRanks[m] = m + 3 < parts ? spanRank(s, Int(starts[m + 3])) : absent
            // Remove part m + 1 and find the next minimum in the same pass.
            parts -= 1
            minRank = absent
            var j = 0
            while j <= m {
                let r = pairRanks[j]
                if r < minRank { minRank = r; minIndex = j }
                j += 1
            }
            while j < parts {
                starts[j] = starts[j + 1]
                let r = pairRanks[j + 1]
                pairRanks[j] = r
                if r < minRank { minRank = r; minIndex = j }
                j += 1
            }
        }
        return parts - 1
    }

    /// Number of tokens of a piece that is not itself a token (length ≥ 2).
    @inline(__always)
    func countTokens(
        _ piece: UnsafePointer<UInt8>, length: Int, limit: UnsafePointer<UInt8>,
        scratch: UnsafeMutablePointer<UInt32>
    ) -> Int {
        if length <= Self.smallPieceLimit {
            return mergeSmall(piece, length: length, limit: limit, scratch: scratch)
        }
        return countLargeTokens(piece, length: length, limit: limit)
    }

    /// `countTokens` for pieces longer than `smallPieceLimit`: rare in real text, so kept out of
    /// the counting loop, which inlines `countTokens` at every call.
    @inline(never)
    func countLargeTokens(_ piece: UnsafePointer<UInt8>, length: Int, limit: UnsafePointer<UInt8>) -> Int {
        if length >= PeriodicPieceMerger.minimumLength,
           let tokens = PeriodicPieceMerger(ranks: ranks).tokenCount(piece, length: length, limit: limit) {
            return tokens
        }
        if length >= RepeatingPieceMerger.minimumLength && RepeatingPieceMerger.repeats(piece, length: length) {
            return RepeatingPieceMerger(ranks: ranks).tokenCount(piece, length: length, limit: limit)
        }
        return LargePieceMerger(ranks: ranks).tokenCount(piece, length: length, limit: limit)
    }

    /// Appends the tokens of a piece (any length ≥ 1) to `output`, with byte offsets shifted by
    /// `offset` (the piece's position in the text).
    func encode(
        _ piece: UnsafePointer<UInt8>, length: Int, limit: UnsafePointer<UInt8>, offset: Int,
        scratch: UnsafeMutablePointer<UInt32>, into output: inout [TokenSpan]
    ) {
        let whole = ranks.rank(piece, length, limit: limit)
        if whole != TokenRankTable.absent {
            output.append(TokenSpan(id: Int(whole), start: offset, end: offset + length))
            return
        }
        if length <= Self.smallPieceLimit {
            let n = mergeSmall(piece, length: length, limit: limit, scratch: scratch)
            for t in 0..<n {
                let s = Int(scratch[t]), e = Int(scratch[t + 1])
                output.append(TokenSpan(id: Int(ranks.rank(piece + s, e - s, limit: limit)), start: offset + s, end: offset + e))
            }
            return
        }
        let bounds = LargePieceMerger(ranks: ranks).boundaries(piece, length: length, limit: limit)
        for t in 0..<(bounds.count - 1) {
            let s = Int(bounds[t]), e = Int(bounds[t + 1])
            output.append(TokenSpan(id: Int(ranks.rank(piece + s, e - s, limit: limit)), start: offset + s, end: offset + e))
        }
    }
}
