import Dispatch
import Synchronization

/// Counting a large text on several threads: the text is cut into stretches where no piece can
/// cross (`PreTokenizer.splitPoint`), each stretch is counted as its own haystack by the
/// ordinary single-threaded loop, and the counts are added. Pieces, hence counts, are the same
/// as counting the text whole; only the per-call piece cache starts empty once per stretch.
extension BPEEncoding {
    /// Texts shorter than this are counted on one thread (a thread's start costs more).
    static let parallelMinimumLength = 512 * 1024
    /// Stretches are at least this long (each one sets up its own piece cache).
    static let minimumStretchLength = 256 * 1024
    /// About this many stretches per thread, handed out one at a time, so that a thread that
    /// drew slow scripts (many merges per byte) does not leave the others idle at the end.
    static let stretchesPerThread = 8

    /// Counts `base[0..<length]` on up to `threads` threads, or returns `nil` when the text
    /// cannot be cut (no split point, or a pre-tokenizer that never cuts).
    func countInParallel<P: PreTokenizer>(
        _ base: UnsafePointer<UInt8>, _ length: Int, specials: SpecialTokenMatcher, _ preTokenizer: P, threads: Int
    ) -> Int? {
        // The ordinary stretches between special tokens (each its own haystack already), and
        // the special tokens themselves, one token each.
        var stretches: [Range<Int>] = []
        var specialTokens = 0
        var segmentStart = 0
        while true {
            let (specialStart, special) = specials.next(base, from: segmentStart, to: length)
            if specialStart > segmentStart { stretches.append(segmentStart..<specialStart) }
            guard let special else { break }
            specialTokens += 1
            segmentStart = specialStart + special.bytes.count
        }
        // Cut the long ones at split points about `target` bytes apart.
        let target = max(Self.minimumStretchLength, length / (threads * Self.stretchesPerThread))
        var pieces: [Range<Int>] = []
        var cut = false
        for stretch in stretches {
            var start = stretch.lowerBound
            while stretch.upperBound - start >= target + target / 2,
                  let point = preTokenizer.splitPoint(base, from: start + target - 1, to: stretch.upperBound) {
                pieces.append(start..<point)
                start = point
                cut = true
            }
            pieces.append(start..<stretch.upperBound)
        }
        guard cut || stretches.count > 1 else { return nil }

        let workers = min(threads, pieces.count)
        let totals = UnsafeMutablePointer<Int>.allocate(capacity: workers)
        totals.initialize(repeating: 0, count: workers)
        defer { totals.deallocate() }
        let nextPiece = Atomic<Int>(0)
        // Each stretch is counted by the single-threaded loop as a text of its own with no
        // special tokens in it (one caller of the inlined loop keeps its code as it was).
        let shared = SharedMemory(base: base, totals: totals, pieces: pieces, noSpecials: SpecialTokenMatcher([]))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var sum = 0
            while true {
                let index = nextPiece.wrappingAdd(1, ordering: .relaxed).oldValue
                if index >= shared.pieces.count { break }
                let piece = shared.pieces[index]
                sum += self.count(shared.base + piece.lowerBound, piece.count, specials: shared.noSpecials, preTokenizer)
            }
            shared.totals[worker] = sum
        }
        var total = specialTokens
        for worker in 0..<workers { total += totals[worker] }
        return total
    }
}

/// What the counting threads share: the text (read only, valid until the call returns), the
/// stretches, one total slot per thread (each written by its own thread only) and an empty
/// special-token matcher.
private struct SharedMemory: @unchecked Sendable {
    let base: UnsafePointer<UInt8>
    let totals: UnsafeMutablePointer<Int>
    let pieces: [Range<Int>]
    let noSpecials: SpecialTokenMatcher
}
