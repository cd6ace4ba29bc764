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

    /// Number of bits in the presence filter (4 Mi bits = 512 KB).
    static let filterBits = 1 << 22
    static let filterBitMask = filterBits - 1
    /// A one-hash Bloom filter over the tokens' hashes (low bits; the slot index uses the high
    /// bits). Half the probes byte-pair merging makes are for spans that are not tokens; this
    /// 512 KB filter stays in the CPU's L2 cache and turns about 95% of those into a miss
    /// there, instead of a trip to the 8 MB slot array.
    let presence: UnsafeMutablePointer<UInt64>

    /// Bytes mapped for `slots` (a whole number of 2 MiB huge pages); 0 for a table mapped from
    /// a compiled file (`mappedFile`), where every part points into that one mapping.
    private let slotsMappedBytes: Int
    /// The compiled table file this table reads in place (`VocabularyTableCache`), if any.
    private let mappedFile: (base: UnsafeMutableRawPointer, length: Int)?
    /// log2 of the number of slots.
    let slotBits: Int
    /// The number of slots.
    var slotCount: Int { slotMask + 1 }
    /// Whether this table reads a compiled file in place.
    var isMappedFromFile: Bool { mappedFile != nil }

    /// Creates an empty table with room for `capacity` tokens whose bytes total at most
    /// `arenaBytes`.
    init(capacity: Int, arenaBytes: Int) {
        var size = 16
        while size < capacity * 5 / 2 { size <<= 1 }
        (slots, slotsMappedBytes) = Self.mapZeroedHugePages(Slot.self, count: size)
        slotMask = size - 1
        slotBits = size.trailingZeroBitCount
        hashShift = UInt64(64 - slotBits)
        arenaCapacity = arenaBytes
        arena = .allocate(capacity: arenaBytes + 8)
        (arena + arenaBytes).initialize(repeating: 0, count: 8)
        byteRanks = .allocate(capacity: 256)
        byteRanks.initialize(repeating: Self.absent, count: 256)
        pairRanks = .allocate(capacity: 65536)
        pairRanks.initialize(repeating: Self.absent, count: 65536)
        presence = .allocate(capacity: Self.filterBits / 64)
        presence.initialize(repeating: 0, count: Self.filterBits / 64)
        mappedFile = nil
    }

    /// A table read in place from a compiled file mapped at `base` (`VocabularyTableCache`
    /// checked it): its parts are `layout`'s sections of the mapping, which this table unmaps
    /// when it goes. Only the pages a count touches become resident.
    init(mappedFile base: UnsafeMutableRawPointer, length: Int, layout: VocabularyTableLayout, count: Int,
         maxTokenLength: Int) {
        mappedFile = (base, length)
        slotsMappedBytes = 0
        slots = (base + layout.slotsOffset).bindMemory(to: Slot.self, capacity: layout.slotCount)
        slotMask = layout.slotCount - 1
        slotBits = layout.slotCount.trailingZeroBitCount
        hashShift = UInt64(64 - slotBits)
        arena = (base + layout.arenaOffset).bindMemory(to: UInt8.self, capacity: layout.arenaUsed + 8)
        arenaCapacity = layout.arenaUsed
        arenaUsed = layout.arenaUsed
        byteRanks = (base + layout.byteRanksOffset).bindMemory(to: UInt32.self, capacity: 256)
        pairRanks = (base + layout.pairRanksOffset).bindMemory(to: UInt32.self, capacity: 65536)
        presence = (base + layout.presenceOffset).bindMemory(to: UInt64.self, capacity: Self.filterBits / 64)
        self.count = count
        self.maxTokenLength = maxTokenLength
    }

    deinit {
        if let mappedFile {
            munmap(mappedFile.base, mappedFile.length)
            return
        }
        munmap(slots, slotsMappedBytes)
        arena.deallocate()
        byteRanks.deallocate()
        pairRanks.deallocate()
        presence.deallocate()
    }

    /// Maps `count` zeroed elements (an all-zero `Slot` is empty, so no initialising pass is
    /// needed) and asks the kernel for transparent huge pages: the slot array is several
    /// megabytes probed at random, and with 4 KiB pages nearly every probe would also miss the TLB.
    private static func mapZeroedHugePages<T>(_ type: T.Type, count: Int) -> (UnsafeMutablePointer<T>, Int) {
        let hugePage = 2 << 20
        let bytes = (count * MemoryLayout<T>.stride + hugePage - 1) / hugePage * hugePage
        // Over-map by one huge page so the start can be aligned to one.
        guard let raw = mmap(nil, bytes + hugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
              raw != MAP_FAILED
        else { fatalError("out of memory for the vocabulary table") }
        let address = Int(bitPattern: raw)
        let aligned = (address + hugePage - 1) / hugePage * hugePage
        let head = aligned - address
        if head > 0 { munmap(raw, head) }
        let tail = hugePage - head
        if tail > 0 { munmap(UnsafeMutableRawPointer(bitPattern: aligned + bytes), tail) }
        let start = UnsafeMutableRawPointer(bitPattern: aligned)!
        #if os(Linux)
        _ = madvise(start, bytes, 14 /* MADV_HUGEPAGE */)
        #endif
        return (start.bindMemory(to: T.self, capacity: count), bytes)
    }

    /// Where the next token's bytes are to be written, before `commitArenaBytes`.
    var arenaCursor: UnsafeMutablePointer<UInt8> { arena + arenaUsed }

    /// Keeps the `length` bytes just written at `arenaCursor` and returns their arena offset,
    /// or -1 if the token does not fit the slot format (longer than 255 bytes, arena past 16 MiB).
    func commitArenaBytes(length: Int) -> Int {
        guard length > 0, length <= 255, arenaUsed + length <= min(arenaCapacity, 1 << 24) else { return -1 }
        defer { arenaUsed += length }
        return arenaUsed
    }

    /// Adds the token whose bytes are at `arenaOffset` to the presence filter and returns its
    /// home slot, for a later `insert` (every token must pass through here before lookups).
    func registerToken(arenaOffset: Int, length: Int) -> Int {
        let bytes = UnsafePointer(arena + arenaOffset)
        let key = TokenRankLookup.loadKey(bytes, length, limit: bytes + length + 8)
        let hash = TokenRankLookup.hash(bytes, length, key: key, limit: bytes + length + 8)
        let bit = Int(truncatingIfNeeded: hash) & Self.filterBitMask
        presence[bit >> 6] |= 1 << UInt64(bit & 63)
        return Int(truncatingIfNeeded: hash >> hashShift)
    }

    /// Inserts the token whose bytes are at `arenaOffset`, probing from its `homeSlot`
    /// (from `registerToken`).
    ///
    /// Returns false if the same bytes are already a token (a malformed vocabulary). Inserting
    /// in order of home slot (as the loader does) keeps the writes inside a small window of
    /// the table instead of one cache miss per token.
    func insert(arenaOffset: Int, length: Int, rank: UInt32, homeSlot: Int) -> Bool {
        let bytes = UnsafePointer(arena + arenaOffset)
        let lookup = self.lookup
        let key = TokenRankLookup.loadKey(bytes, length, limit: bytes + length + 8)
        var index = homeSlot
        while slots[index].lengthAndOffset != 0 {
            if lookup.slotMatches(slots[index], bytes, length, key: key) { return false }
            index = (index + 1) & slotMask
        }
        slots[index] = Slot(key: key, rank: rank, lengthAndOffset: UInt32(arenaOffset) << 8 | UInt32(length))
        if length == 1 { byteRanks[Int(bytes[0])] = rank }
        if length == 2 { pairRanks[Int(bytes[0]) | Int(bytes[1]) << 8] = rank }
        count += 1
        maxTokenLength = max(maxTokenLength, length)
        return true
    }

    /// A copyable raw view for hot loops.
    var lookup: TokenRankLookup {
        TokenRankLookup(
            slots: UnsafePointer(slots), slotMask: slotMask, hashShift: hashShift,
            arena: UnsafePointer(arena), maxTokenLength: maxTokenLength, byteRanks: UnsafePointer(byteRanks),
            pairRanks: UnsafePointer(pairRanks), presence: UnsafePointer(presence))
    }
}
