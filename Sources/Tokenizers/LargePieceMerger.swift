/// Byte-pair merging for long pieces in O(n log n): the same merges as tiktoken's quadratic
/// scan, found with a doubly linked list of parts and a priority queue of candidate pairs.
///
/// Queue order is (pair rank, part start): the lowest-ranked pair first, the leftmost on ties,
/// which is exactly the pair tiktoken's linear scan picks. The queue is a 4-ary min-heap of
/// packed `rank << 32 | start` keys; when a part's pair changes, the new key is pushed and the
/// old one is left behind and skipped when it surfaces (it no longer matches the part's current
/// rank: a part's pair only ever grows, and distinct byte strings have distinct ranks). Keys in
/// one flat array keep each heap level to one or two cache lines, which matters at a megabyte of
/// input; stale keys are purged whenever they outnumber the live ones, bounding memory at about
/// 40 bytes per input byte. When the initial pairs' keys are already in order (a run of one
/// repeated character: every pair has the same rank) they are read from their array by a cursor
/// and merged with the heap's minimum, so only the pairs merging creates pay for heap order.
struct LargePieceMerger {
    let ranks: TokenRankLookup

    /// Returns the token boundaries of `piece[0..<length]` (length ≥ 2): offsets of each
    /// token's start, followed by `length`.
    func boundaries(_ piece: UnsafePointer<UInt8>, length: Int, limit: UnsafePointer<UInt8>) -> [Int32] {
        merge(piece, length: length, limit: limit) { next, _ in
            var result: [Int32] = []
            var part: Int32 = 0
            while Int(part) < length {
                result.append(part)
                part = next[Int(part)]
            }
            result.append(Int32(length))
            return result
        }
    }

    /// Returns the number of tokens of `piece[0..<length]` (length ≥ 2) without building a
    /// list of them.
    func tokenCount(_ piece: UnsafePointer<UInt8>, length: Int, limit: UnsafePointer<UInt8>) -> Int {
        merge(piece, length: length, limit: limit) { _, tokens in tokens }
    }

    /// Runs the merges and hands `body` the final `next` links (part start → next part start)
    /// and the number of parts (tokens) left.
    private func merge<R>(
        _ piece: UnsafePointer<UInt8>, length: Int, limit: UnsafePointer<UInt8>,
        _ body: (UnsafePointer<Int32>, Int) -> R
    ) -> R {
        precondition(length < Int(Int32.max), "pieces are limited to 2 GiB")
        let n = length
        let absent = TokenRankTable.absent
        // Parts are named by their start offset. next[i] is the start of the following part (n at
        // the end); previous[i] the preceding one (-1 at the start). pairRank[i] is the rank of
        // the bytes from i to the end of the following part, or `absent`; a merged-away part
        // gets `absent` too, so its queued keys are recognised as stale.
        let next = UnsafeMutablePointer<Int32>.allocate(capacity: n)
        let previous = UnsafeMutablePointer<Int32>.allocate(capacity: n)
        let pairRank = UnsafeMutablePointer<UInt32>.allocate(capacity: n)
        // The initial pairs' keys, in position order. When they happen to be sorted already
        // (all pairs of equal rank, as in a run of one repeated character) they are consumed
        // from this array by a cursor, and only the pairs that merging creates go through the
        // heap; otherwise they are heapified like any other keys.
        let initial = UnsafeMutablePointer<UInt64>.allocate(capacity: n)
        var heap = QuaternaryMinHeap(capacity: n)
        defer {
            next.deallocate(); previous.deallocate(); pairRank.deallocate()
            initial.deallocate(); heap.deallocate()
        }
        var live = 0
        var initialCount = 0
        var initialSorted = true
        for i in 0..<n {
            next[i] = Int32(i + 1)
            previous[i] = Int32(i - 1)
            let r = i + 1 < n ? ranks.pairRank(piece + i) : absent
            pairRank[i] = r
            if r != absent {
                let key = UInt64(r) &<< 32 | UInt64(i)
                if initialCount > 0 && key < initial[initialCount - 1] { initialSorted = false }
                initial[initialCount] = key
                initialCount += 1
                live += 1
            }
        }
        var cursor = 0
        if !initialSorted {
            for t in 0..<initialCount { heap.appendUnordered(initial[t]) }
            heap.heapify()
            cursor = initialCount
        }

        /// The smallest queued key: the sorted initial keys and the heap, merged.
        @inline(__always) func popMin() -> UInt64? {
            if cursor < initialCount {
                let head = initial[cursor]
                if let top = heap.smallest, top < head { return heap.popMin() }
                cursor += 1
                return head
            }
            return heap.popMin()
        }

        @inline(__always) func setRank(_ part: Int, _ rank: UInt32) {
            let old = pairRank[part]
            pairRank[part] = rank
            if old != absent { live -= 1 }
            if rank != absent {
                heap.push(UInt64(rank) &<< 32 | UInt64(part))
                live += 1
            }
        }

        var tokens = n
        while let top = popMin() {
            let i = Int(top & 0xFFFF_FFFF)
            let rank = UInt32(truncatingIfNeeded: top &>> 32)
            if pairRank[i] != rank { continue }  // stale
            let j = Int(next[i])          // the part merged into i
            let k = Int(next[j])          // the part after the merged pair
            setRank(j, absent)
            tokens -= 1
            next[i] = Int32(k)
            if k < n { previous[k] = Int32(i) }
            // i's new pair: i through the end of k's part.
            setRank(i, k < n ? ranks.rank(piece + i, Int(next[k]) - i, limit: limit) : absent)
            let h = Int(previous[i])
            if h >= 0 { setRank(h, ranks.rank(piece + h, k - h, limit: limit)) }
            let queued = heap.count + initialCount - cursor
            if queued > 64 && queued > 2 * live {
                cursor = initialCount
                heap.removeAll()
                var part = 0
                while part < n {
                    if pairRank[part] != absent { heap.appendUnordered(UInt64(pairRank[part]) &<< 32 | UInt64(part)) }
                    part = Int(next[part])
                }
                heap.heapify()
            }
        }

        return body(UnsafePointer(next), tokens)
    }
}
