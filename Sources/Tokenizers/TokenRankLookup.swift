#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Raw-pointer, read-only access to a `TokenRankTable` for the byte-pair encoder's inner loops.
///
/// A struct of pointers and sizes, so the hot loops keep it in registers rather than loading
/// fields through a class reference on every probe.
struct TokenRankLookup: @unchecked Sendable {
    let slots: UnsafePointer<TokenRankTable.Slot>
    let slotMask: Int
    let hashShift: UInt64
    let arena: UnsafePointer<UInt8>
    let maxTokenLength: Int
    let byteRanks: UnsafePointer<UInt32>
    /// Rank of every two-byte string (`absent` where it is not a token), indexed by
    /// `first | second << 8`: the first round of every merge reads only this 256 KB table.
    let pairRanks: UnsafePointer<UInt32>
    /// One bit per filter position, set for every token's hash (see `TokenRankTable.presence`).
    let presence: UnsafePointer<UInt64>

    /// Eight bytes at `bytes` (any alignment) as a little-endian integer.
    ///
    /// A fixed-size `memcpy` compiles to one load; the standard library's generic
    /// `loadUnaligned` was left as an out-of-line call in this hot path.
    @inline(__always)
    static func loadWord(_ bytes: UnsafePointer<UInt8>) -> UInt64 {
        var word: UInt64 = 0
        memcpy(&word, bytes, 8)
        return UInt64(littleEndian: word)
    }

    /// Loads up to 8 bytes at `bytes` as a little-endian integer, zero-padded above `length`.
    ///
    /// Reads a whole unaligned word when 8 bytes are readable before `limit` (the end of the
    /// caller's buffer), else byte by byte, so it never reads past the text.
    @inline(__always)
    static func loadKey(_ bytes: UnsafePointer<UInt8>, _ length: Int, limit: UnsafePointer<UInt8>) -> UInt64 {
        if length >= 8 { return loadWord(bytes) }
        if Int(bitPattern: bytes) &+ 8 <= Int(bitPattern: limit) {
            let word = loadWord(bytes)
            return word & ((1 &<< UInt64(length &* 8)) &- 1)
        }
        var word: UInt64 = 0
        var i = 0
        while i < length {
            word |= UInt64(bytes[i]) &<< UInt64(i &* 8)
            i += 1
        }
        return word
    }

    /// A 64-bit hash of a byte string whose first word is `key`; its top bits pick the home slot.
    ///
    /// Also used by `PieceCountCache`, so a piece is hashed once for both lookups.
    @inline(__always)
    static func hash(_ bytes: UnsafePointer<UInt8>, _ length: Int, key: UInt64, limit: UnsafePointer<UInt8>) -> UInt64 {
        var hash = (key ^ UInt64(truncatingIfNeeded: length)) &* 0x9E37_79B9_7F4A_7C15
        if length > 8 {
            var offset = 8
            while offset < length {
                let chunk = Self.loadKey(bytes + offset, min(length - offset, 8), limit: limit)
                hash = (hash ^ (hash &>> 29) ^ chunk) &* 0xD6E8_FEB8_6659_FD93
                offset += 8
            }
        }
        hash ^= hash &>> 32
        return hash &* 0xA076_1D64_78BD_642F
    }

    /// The home slot of a byte string whose first word is `key`.
    @inline(__always)
    func slotIndex(_ bytes: UnsafePointer<UInt8>, _ length: Int, key: UInt64, limit: UnsafePointer<UInt8>) -> Int {
        Int(truncatingIfNeeded: Self.hash(bytes, length, key: key, limit: limit) &>> hashShift)
    }

    /// Whether `slot` holds exactly the given byte string.
    @inline(__always)
    func slotMatches(_ slot: TokenRankTable.Slot, _ bytes: UnsafePointer<UInt8>, _ length: Int, key: UInt64) -> Bool {
        guard slot.key == key, Int(slot.lengthAndOffset & 0xFF) == length else { return false }
        if length <= 8 { return true }
        let stored = arena + Int(slot.lengthAndOffset &>> 8)
        var i = 8
        while i < length {
            if stored[i] != bytes[i] { return false }
            i += 1
        }
        return true
    }

    /// The rank of the token `bytes[0..<length]`, or `TokenRankTable.absent`.
    @inline(__always)
    func rank(_ bytes: UnsafePointer<UInt8>, _ length: Int, limit: UnsafePointer<UInt8>) -> UInt32 {
        if length > maxTokenLength { return TokenRankTable.absent }
        let key = Self.loadKey(bytes, length, limit: limit)
        return probe(bytes, length, key: key, hash: Self.hash(bytes, length, key: key, limit: limit))
    }

    /// The rank of `bytes[0..<length]` (or `absent`) together with its hash, for callers that
    /// go on to look the same bytes up elsewhere.
    @inline(__always)
    func rankAndHash(_ bytes: UnsafePointer<UInt8>, _ length: Int, limit: UnsafePointer<UInt8>) -> (rank: UInt32, hash: UInt64) {
        let key = Self.loadKey(bytes, min(length, 8), limit: limit)
        let hash = Self.hash(bytes, length, key: key, limit: limit)
        if length > maxTokenLength { return (TokenRankTable.absent, hash) }
        return (probe(bytes, length, key: key, hash: hash), hash)
    }

    /// Touches the home slot of `bytes[0..<length]` without waiting for it, so that a later
    /// `rank` of the same bytes finds the slot in cache. Returns a value the caller must fold
    /// into something it keeps, or the optimiser drops the load.
    @inline(__always)
    func touch(_ bytes: UnsafePointer<UInt8>, _ length: Int, limit: UnsafePointer<UInt8>) -> UInt32 {
        let key = Self.loadKey(bytes, length, limit: limit)
        let index = Int(truncatingIfNeeded: Self.hash(bytes, length, key: key, limit: limit) &>> hashShift)
        return slots[index].rank
    }

    /// The rank of a two-byte string, from the direct 64 K-entry table (no hashing, no probing).
    @inline(__always)
    func pairRank(_ bytes: UnsafePointer<UInt8>) -> UInt32 {
        pairRanks[Int(bytes[0]) | Int(bytes[1]) &<< 8]
    }

    @inline(__always)
    private func probe(_ bytes: UnsafePointer<UInt8>, _ length: Int, key: UInt64, hash: UInt64) -> UInt32 {
        let bit = Int(truncatingIfNeeded: hash) & TokenRankTable.filterBitMask
        if presence[bit &>> 6] & (1 &<< UInt64(bit & 63)) == 0 { return TokenRankTable.absent }
        var index = Int(truncatingIfNeeded: hash &>> hashShift)
        while true {
            let slot = slots[index]
            if slot.lengthAndOffset == 0 { return TokenRankTable.absent }
            if slotMatches(slot, bytes, length, key: key) { return slot.rank }
            index = (index &+ 1) & slotMask
        }
    }
}
