/// Remembers, for one `count` call, how many tokens each merged piece took.
///
/// Real text repeats its words, and a piece that is not itself a token costs a dozen or more
/// vocabulary probes to merge (each usually a cache miss in the multi-megabyte rank table),
/// while a hit here costs one probe of a small table. Each entry keeps the piece's bytes inline,
/// so a hit is verified byte for byte without touching the earlier text: a hash collision can
/// never change a count. Direct-mapped: a new piece simply replaces whatever shared its slot.
///
/// Two tables: pieces of up to 16 bytes (about 85% of merged pieces in FLORES under o200k and
/// cl100k) in 32-byte entries, two to a cache line; pieces of 17 to 32 bytes — whole words of
/// scripts written with combining marks, which o200k and qwen3.5 keep together — in 64-byte
/// entries of a second table, so the first stays as small and as hot as it was.
struct PieceCountCache {
    /// One remembered short piece: its bytes (zero-padded), its hash, length and token count.
    /// `length == 0` marks an empty entry. 32 bytes: two to a cache line.
    struct Entry {
        var bytes: (UInt64, UInt64)
        var hash: UInt64
        var length: UInt32
        var count: UInt32
    }

    /// One remembered long piece, as `Entry` with four words of bytes; padded to a cache line.
    struct LongEntry {
        var bytes: (UInt64, UInt64, UInt64, UInt64)
        var hash: UInt64
        var length: UInt32
        var count: UInt32
        var padding: (UInt64, UInt64) = (0, 0)
    }

    /// Texts shorter than this are counted without a cache (its setup would cost more).
    static let minimumTextLength = 4096
    /// Pieces longer than this are not cached.
    static let maximumPieceLength = 32
    /// Pieces longer than this go to the table of long pieces.
    static let maximumShortPieceLength = 16

    private let entries: UnsafeMutablePointer<Entry>
    private let shift: UInt64
    private let longEntries: UnsafeMutablePointer<LongEntry>
    private let longShift: UInt64

    /// Allocates a cache sized for a text of `textLength` bytes: 64 to 16,384 short entries
    /// (512 KiB) and 32 to 4,096 long ones (256 KiB, cache-line aligned).
    init(textLength: Int) {
        var size = 64
        while size < 16384 && size * 32 < textLength { size <<= 1 }
        entries = .allocate(capacity: size)
        entries.initialize(repeating: Entry(bytes: (0, 0), hash: 0, length: 0, count: 0), count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
        let longSize = max(32, size / 4)
        longEntries = UnsafeMutableRawPointer.allocate(byteCount: longSize * MemoryLayout<LongEntry>.stride, alignment: 64)
            .bindMemory(to: LongEntry.self, capacity: longSize)
        longEntries.initialize(repeating: LongEntry(bytes: (0, 0, 0, 0), hash: 0, length: 0, count: 0), count: longSize)
        longShift = UInt64(64 - longSize.trailingZeroBitCount)
    }

    /// Frees the entries; the cache must not be used afterwards.
    func deallocate() {
        entries.deallocate()
        UnsafeMutableRawPointer(longEntries).deallocate()
    }

    /// Word `at` (a multiple of 8) of the zero-padded piece.
    @inline(__always)
    private static func word(_ piece: UnsafePointer<UInt8>, _ length: Int, _ at: Int, limit: UnsafePointer<UInt8>) -> UInt64 {
        at < length ? TokenRankLookup.loadKey(piece + at, min(length - at, 8), limit: limit) : 0
    }

    /// The remembered count of `piece[0..<length]` (hash `hash`), or -1.
    @inline(__always)
    func count(_ piece: UnsafePointer<UInt8>, length: Int, hash: UInt64, limit: UnsafePointer<UInt8>) -> Int {
        if length <= Self.maximumShortPieceLength {
            let slot = entries + Int(truncatingIfNeeded: hash &>> shift)
            guard slot.pointee.hash == hash, Int(slot.pointee.length) == length else { return -1 }
            let b = slot.pointee.bytes
            return Self.word(piece, length, 0, limit: limit) == b.0 && Self.word(piece, length, 8, limit: limit) == b.1
                ? Int(slot.pointee.count) : -1
        }
        let slot = longEntries + Int(truncatingIfNeeded: hash &>> longShift)
        guard slot.pointee.hash == hash, Int(slot.pointee.length) == length else { return -1 }
        let b = slot.pointee.bytes
        return Self.word(piece, length, 0, limit: limit) == b.0 && Self.word(piece, length, 8, limit: limit) == b.1
            && Self.word(piece, length, 16, limit: limit) == b.2 && Self.word(piece, length, 24, limit: limit) == b.3
            ? Int(slot.pointee.count) : -1
    }

    /// Remembers that `piece[0..<length]` (hash `hash`) takes `count` tokens.
    @inline(__always)
    func store(_ piece: UnsafePointer<UInt8>, length: Int, hash: UInt64, count: Int, limit: UnsafePointer<UInt8>) {
        if length <= Self.maximumShortPieceLength {
            entries[Int(truncatingIfNeeded: hash &>> shift)] = Entry(
                bytes: (Self.word(piece, length, 0, limit: limit), Self.word(piece, length, 8, limit: limit)), hash: hash,
                length: UInt32(truncatingIfNeeded: length), count: UInt32(truncatingIfNeeded: count))
            return
        }
        longEntries[Int(truncatingIfNeeded: hash &>> longShift)] = LongEntry(
            bytes: (Self.word(piece, length, 0, limit: limit), Self.word(piece, length, 8, limit: limit),
                    Self.word(piece, length, 16, limit: limit), Self.word(piece, length, 24, limit: limit)),
            hash: hash, length: UInt32(truncatingIfNeeded: length), count: UInt32(truncatingIfNeeded: count))
    }
}
