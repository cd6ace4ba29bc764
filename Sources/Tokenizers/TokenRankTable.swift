#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The vocabulary of one encoding: an open-addressed hash table from token bytes to rank.
///
/// Byte-pair encoding asks "is this byte string a token, and which?" for every candidate merge,
/// and most of those questions are misses, so the table is sized to stay below 40% load with
/// linear probing and keeps the first eight bytes of each token inline in its slot: a lookup of
/// a token of up to 8 bytes (most of them) touches one cache line and never follows a pointer.
/// Longer tokens compare their remaining bytes against an arena that holds every token's bytes.
///
/// Built once by `VocabularyFileLoader`, then read-only and shared between threads.
final class TokenRankTable: @unchecked Sendable {
    /// One slot: the token's first eight bytes (little-endian, zero-padded), its rank, and its
    /// length (low 8 bits) with the arena offset of its bytes (high 24 bits). Length 0 = empty.
    struct Slot {
        var key: UInt64
        var rank: UInt32
        var lengthAndOffset: UInt32
    }

    /// Rank value meaning "not a token".
    static let absent = UInt32.max

    let slots: UnsafeMutablePointer<Slot>
    let slotMask: Int
    let hashShift: UInt64
    /// All token bytes, back to back, followed by 8 zero bytes so 8-byte loads never overrun.
    let arena: UnsafeMutablePointer<UInt8>
    let arenaCapacity: Int
    private(set) var arenaUsed = 0
    private(set) var count = 0
    private(set) var maxTokenLength = 0
    /// Rank of each single byte (every byte is a token in these encodings).
    let byteRanks: UnsafeMutablePointer<UInt32>
    /// Rank of each two-byte token by `first | second << 8` (see `TokenRankLookup.pairRank`).
    let pairRanks: UnsafeMutablePointer<UInt32>

    /// Creates an empty table with room for `capacity` tokens whose bytes total at most
    /// `arenaBytes`.
    init(capacity: Int, arenaBytes: Int) {
        var size = 16
        while size < capacity * 5 / 2 { size <<= 1 }
        slots = Self.allocateHugePageBacked(Slot.self, count: size)
        slots.initialize(repeating: Slot(key: 0, rank: 0, lengthAndOffset: 0), count: size)
        slotMask = size - 1
        hashShift = UInt64(64 - size.trailingZeroBitCount)
        arenaCapacity = arenaBytes
        arena = .allocate(capacity: arenaBytes + 8)
        arena.initialize(repeating: 0, count: arenaBytes + 8)
        byteRanks = .allocate(capacity: 256)
        byteRanks.initialize(repeating: Self.absent, count: 256)
        pairRanks = .allocate(capacity: 65536)
        pairRanks.initialize(repeating: Self.absent, count: 65536)
    }

    deinit {
        free(slots)
        arena.deallocate()
        byteRanks.deallocate()
        pairRanks.deallocate()
    }

    /// Allocates `count` elements on 2 MiB-aligned memory and asks the kernel for transparent
    /// huge pages. The slot array is several megabytes probed at random; with 4 KiB pages
    /// nearly every probe also misses the TLB, and huge pages remove most of that cost.
    private static func allocateHugePageBacked<T>(_ type: T.Type, count: Int) -> UnsafeMutablePointer<T> {
        let bytes = count * MemoryLayout<T>.stride
        let alignment = 2 << 20
        let rounded = (bytes + alignment - 1) / alignment * alignment
        guard let raw = aligned_alloc(alignment, rounded) else { fatalError("out of memory for the vocabulary table") }
        #if os(Linux)
        _ = madvise(raw, rounded, 14 /* MADV_HUGEPAGE */)
        #endif
        return raw.bindMemory(to: T.self, capacity: count)
    }

    /// The place where the next inserted token's bytes must be written before `insert` is called.
    var arenaCursor: UnsafeMutablePointer<UInt8> { arena + arenaUsed }

    /// Inserts the token whose `length` bytes were just written at `arenaCursor`.
    ///
    /// Returns false if the same bytes are already a token (a malformed vocabulary) or the
    /// token does not fit the slot format (longer than 255 bytes, arena past 16 MiB).
    func insertTokenAtCursor(length: Int, rank: UInt32) -> Bool {
        guard length > 0, length <= 255, arenaUsed + length <= min(arenaCapacity, 1 << 24) else { return false }
        let bytes = UnsafePointer(arena + arenaUsed)
        let lookup = self.lookup
        let key = TokenRankLookup.loadKey(bytes, length, limit: bytes + length + 8)
        var index = lookup.slotIndex(bytes, length, key: key, limit: bytes + length + 8)
        while slots[index].lengthAndOffset != 0 {
            if lookup.slotMatches(slots[index], bytes, length, key: key) { return false }
            index = (index + 1) & slotMask
        }
        slots[index] = Slot(key: key, rank: rank, lengthAndOffset: UInt32(arenaUsed) << 8 | UInt32(length))
        if length == 1 { byteRanks[Int(bytes[0])] = rank }
        if length == 2 { pairRanks[Int(bytes[0]) | Int(bytes[1]) << 8] = rank }
        arenaUsed += length
        count += 1
        maxTokenLength = max(maxTokenLength, length)
        return true
    }

    /// A copyable raw view for hot loops.
    var lookup: TokenRankLookup {
        TokenRankLookup(
            slots: UnsafePointer(slots), slotMask: slotMask, hashShift: hashShift,
            arena: UnsafePointer(arena), maxTokenLength: maxTokenLength, byteRanks: UnsafePointer(byteRanks),
            pairRanks: UnsafePointer(pairRanks))
    }
}
