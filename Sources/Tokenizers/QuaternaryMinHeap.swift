/// A 4-ary min-heap of `UInt64` keys in one growable buffer, for `LargePieceMerger`.
///
/// Four children share a 32-byte stretch, so a level costs at most one cache miss, and the
/// tree is half as deep as a binary heap.
struct QuaternaryMinHeap {
    private var keys: UnsafeMutablePointer<UInt64>
    private var capacity: Int
    private(set) var count = 0

    /// Creates an empty heap with room for `capacity` keys (it grows past that by doubling).
    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        keys = .allocate(capacity: self.capacity)
    }

    /// Frees the keys; the heap must not be used afterwards.
    func deallocate() { keys.deallocate() }

    /// Empties the heap, keeping its memory.
    mutating func removeAll() { count = 0 }

    private mutating func grow() {
        let bigger = UnsafeMutablePointer<UInt64>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: keys, count: count)
        keys.deallocate()
        keys = bigger
        capacity *= 2
    }

    /// Appends without restoring heap order; call `heapify` before popping.
    mutating func appendUnordered(_ key: UInt64) {
        if count == capacity { grow() }
        keys[count] = key
        count += 1
    }

    /// Restores heap order after `appendUnordered` calls, in O(n).
    mutating func heapify() {
        if count < 2 { return }
        var slot = (count - 2) / 4
        while slot >= 0 {
            siftDown(slot)
            slot -= 1
        }
    }

    /// The smallest key (not removed), or nil when empty.
    var smallest: UInt64? { count > 0 ? keys[0] : nil }

    /// Adds a key.
    mutating func push(_ key: UInt64) {
        if count == capacity { grow() }
        var slot = count
        count += 1
        while slot > 0 {
            let parent = (slot - 1) >> 2
            let p = keys[parent]
            if p <= key { break }
            keys[slot] = p
            slot = parent
        }
        keys[slot] = key
    }

    /// Removes and returns the smallest key, or nil when empty.
    mutating func popMin() -> UInt64? {
        if count == 0 { return nil }
        let top = keys[0]
        count -= 1
        if count > 0 {
            keys[0] = keys[count]
            siftDown(0)
        }
        return top
    }

    private func siftDown(_ start: Int) {
        var slot = start
        let key = keys[slot]
        while true {
            let first = 4 * slot + 1
            if first >= count { break }
            var best = first
            var bestKey = keys[first]
            let last = min(first + 4, count)
            var c = first + 1
            while c < last {
                let k = keys[c]
                if k < bestKey { best = c; bestKey = k }
                c += 1
            }
            if bestKey >= key { break }
            keys[slot] = bestKey
            slot = best
        }
        keys[slot] = key
    }
}
