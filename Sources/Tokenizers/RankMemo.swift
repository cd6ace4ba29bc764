/// A small direct-mapped cache in front of the rank table for short byte strings, owned by one
/// `count` call.
///
/// Merging a language's words asks for the same few thousand short spans (syllables, letter
/// pairs) over and over, but each answer sits on its own 64-byte line of a multi-megabyte
/// table, so they keep falling out of the CPU caches. The memo keeps the answers densely,
/// 16 bytes each in 256 KB, where they stay cached. Keys are the exact bytes (at most 8, with
/// the length), so a memo hit is always right.
struct RankMemo {
    struct Entry {
        var key: UInt64
        var length: UInt32
        var rank: UInt32
    }

    static let size = 16384
    private let entries: UnsafeMutablePointer<Entry>

    /// Allocates an empty memo.
    init() {
        entries = .allocate(capacity: Self.size)
        entries.initialize(repeating: Entry(key: 0, length: 0, rank: 0), count: Self.size)
    }

    /// Frees the memo; it must not be used afterwards.
    func deallocate() { entries.deallocate() }

    /// The rank of `bytes[0..<length]`, from the memo when possible, else from `ranks`.
    @inline(__always)
    func rank(_ bytes: UnsafePointer<UInt8>, _ length: Int, limit: UnsafePointer<UInt8>, ranks: TokenRankLookup) -> UInt32 {
        if length > 8 { return ranks.rank(bytes, length, limit: limit) }
        let key = TokenRankLookup.loadKey(bytes, length, limit: limit)
        let index = Int(truncatingIfNeeded: ((key ^ UInt64(length)) &* 0x9E37_79B9_7F4A_7C15) &>> 50)
        let entry = entries[index]
        if entry.key == key && Int(entry.length) == length { return entry.rank }
        let rank = ranks.rank(bytes, length, limit: limit)
        entries[index] = Entry(key: key, length: UInt32(truncatingIfNeeded: length), rank: rank)
        return rank
    }
}
