/// Byte-pair merging for long pieces in O(n log n): the same merges as tiktoken's quadratic
/// scan, found with a doubly linked list of parts and an indexed binary min-heap.
///
/// Heap order is (pair rank, part start): the lowest-ranked pair first, the leftmost on ties,
/// which is exactly the pair tiktoken's linear scan picks. The heap is indexed (each part knows
/// its heap slot) so a part's rank is updated in place and there are never stale entries: memory
/// stays at five `Int32`/`UInt32` arrays of the piece length (20 bytes per byte of piece).
struct LargePieceMerger {
    let ranks: TokenRankLookup

    /// Returns the token boundaries of `piece[0..<length]` (length ≥ 2): offsets of each
    /// token's start, followed by `length`.
    func boundaries(_ piece: UnsafePointer<UInt8>, length: Int, limit: UnsafePointer<UInt8>) -> [Int32] {
        precondition(length < Int(Int32.max), "pieces are limited to 2 GiB")
        let n = length
        let absent = TokenRankTable.absent
        // Parts are named by their start offset. next[i] is the start of the following part (n at
        // the end); prev[i] the previous one (-1 at the start). pairRank[i] is the rank of the
        // bytes from i to the end of the following part, or `absent`.
        let next = UnsafeMutablePointer<Int32>.allocate(capacity: n)
        let prev = UnsafeMutablePointer<Int32>.allocate(capacity: n)
        let pairRank = UnsafeMutablePointer<UInt32>.allocate(capacity: n)
        let heap = UnsafeMutablePointer<Int32>.allocate(capacity: n)
        let heapSlot = UnsafeMutablePointer<Int32>.allocate(capacity: n)
        defer {
            next.deallocate(); prev.deallocate(); pairRank.deallocate()
            heap.deallocate(); heapSlot.deallocate()
        }
        var heapCount = 0
        for i in 0..<n {
            next[i] = Int32(i + 1)
            prev[i] = Int32(i - 1)
            pairRank[i] = i + 1 < n ? ranks.pairRank(piece + i) : absent
            if pairRank[i] != absent {
                heap[heapCount] = Int32(i)
                heapSlot[i] = Int32(heapCount)
                heapCount += 1
            } else {
                heapSlot[i] = -1
            }
        }

        @inline(__always) func key(_ part: Int32) -> UInt64 {
            UInt64(pairRank[Int(part)]) &<< 32 | UInt64(UInt32(bitPattern: part))
        }
        @inline(__always) func place(_ part: Int32, _ slot: Int) {
            heap[slot] = part
            heapSlot[Int(part)] = Int32(slot)
        }
        func siftUp(_ start: Int) {
            var slot = start
            let part = heap[slot]
            let k = key(part)
            while slot > 0 {
                let parent = (slot - 1) >> 1
                if key(heap[parent]) <= k { break }
                place(heap[parent], slot)
                slot = parent
            }
            place(part, slot)
        }
        func siftDown(_ start: Int) {
            var slot = start
            let part = heap[slot]
            let k = key(part)
            while true {
                var child = 2 * slot + 1
                if child >= heapCount { break }
                if child + 1 < heapCount, key(heap[child + 1]) < key(heap[child]) { child += 1 }
                if key(heap[child]) >= k { break }
                place(heap[child], slot)
                slot = child
            }
            place(part, slot)
        }
        func remove(_ part: Int32) {
            let slot = Int(heapSlot[Int(part)])
            if slot < 0 { return }
            heapSlot[Int(part)] = -1
            heapCount -= 1
            if slot == heapCount { return }
            let moved = heap[heapCount]
            place(moved, slot)
            siftDown(slot)
            if heap[slot] == moved { siftUp(slot) }
        }
        /// Sets the pair rank of `part` and restores the heap around it.
        func update(_ part: Int32, _ rank: UInt32) {
            let old = pairRank[Int(part)]
            if rank == absent {
                remove(part)
                pairRank[Int(part)] = absent
                return
            }
            pairRank[Int(part)] = rank
            let slot = Int(heapSlot[Int(part)])
            if slot < 0 {
                place(part, heapCount)
                heapCount += 1
                siftUp(heapCount - 1)
            } else if rank < old {
                siftUp(slot)
            } else {
                siftDown(slot)
            }
        }

        if heapCount > 1 {
            var slot = heapCount / 2 - 1
            while slot >= 0 { siftDown(slot); slot -= 1 }
        }
        while heapCount > 0 {
            let i = heap[0]
            let j = next[Int(i)]          // the part merged into i
            let k = next[Int(j)]          // the part after the merged pair
            remove(j)
            next[Int(i)] = k
            if Int(k) < n { prev[Int(k)] = i }
            // i's new pair: i through the end of k's part.
            if Int(k) < n {
                let end = Int(next[Int(k)])
                update(i, ranks.rank(piece + Int(i), end - Int(i), limit: limit))
            } else {
                update(i, absent)
            }
            let h = prev[Int(i)]
            if h >= 0 {
                update(h, ranks.rank(piece + Int(h), Int(k) - Int(h), limit: limit))
            }
        }

        var result: [Int32] = []
        var part: Int32 = 0
        while Int(part) < n {
            result.append(part)
            part = next[Int(part)]
        }
        result.append(Int32(n))
        return result
    }
}
