/// Remembers, for one `count` call, how many tokens each merged piece took.
///
/// Real text repeats its words, and a piece that is not itself a token costs a dozen or more
/// vocabulary probes to merge (each usually a cache miss in the multi-megabyte rank table),
/// while a hit here costs one probe of a 768 KB table. Each entry keeps the piece's bytes
/// inline (pieces of up to 32 bytes: whole words of scripts written with combining marks, such
/// as Devanagari, which o200k and qwen3.5 keep together), so a hit is verified byte for byte
/// without touching the earlier text: a hash collision can never change a count. Direct-mapped:
/// a new piece simply replaces whatever shared its slot.
struct PieceCountCache {
    /// One remembered piece: its bytes (zero-padded), its hash, length and token count.
    /// `length == 0` marks an empty entry. 48 bytes.
    struct Entry {
        var bytes: (UInt64, UInt64, UInt64, UInt64)
        var hash: UInt64
        var length: UInt32
        var count: UInt32
    }

    /// Texts shorter than this are counted without a cache (its setup would cost more).
    static let minimumTextLength = 4096
    /// Pieces longer than this are not cached.
    static let maximumPieceLength = 32

    private let entries: UnsafeMutablePointer<Entry>
    private let shift: UInt64

    /// Allocates a cache sized for a text of `textLength` bytes (64 to 16,384 entries, 768 KiB).
    init(textLength: Int) {
        var size = 64
        while size < 16384 && size * 32 < textLength { size <<= 1 }
        entries = .allocate(capacity: size)
        entries.initialize(repeating: Entry(bytes: (0, 0, 0, 0), hash: 0, length: 0, count: 0), count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    /// Frees the entries; the cache must not be used afterwards.
    func deallocate() { entries.deallocate() }

    /// Loads the piece as four zero-padded words (it is at most 32 bytes long).
    @inline(__always)
    private static func words(_ piece: UnsafePointer<UInt8>, _ length: Int, limit: UnsafePointer<UInt8>)
        -> (UInt64, UInt64, UInt64, UInt64)
    {
        @inline(__always) func word(_ at: Int) -> UInt64 {
            at < length ? TokenRankLookup.loadKey(piece + at, min(length - at, 8), limit: limit) : 0
        }
        return (word(0), word(8), word(16), word(24))
    }

    /// The remembered count of `piece[0..<length]` (hash `hash`), or -1.
    @inline(__always)
    func count(_ piece: UnsafePointer<UInt8>, length: Int, hash: UInt64, limit: UnsafePointer<UInt8>) -> Int {
        let slot = entries + Int(truncatingIfNeeded: hash &>> shift)
        guard slot.pointee.hash == hash, Int(slot.pointee.length) == length else { return -1 }
        let w = Self.words(piece, length, limit: limit)
        let b = slot.pointee.bytes
        return w.0 == b.0 && w.1 == b.1 && w.2 == b.2 && w.3 == b.3 ? Int(slot.pointee.count) : -1
    }

    /// Remembers that `piece[0..<length]` (hash `hash`) takes `count` tokens.
    @inline(__always)
    func store(_ piece: UnsafePointer<UInt8>, length: Int, hash: UInt64, count: Int, limit: UnsafePointer<UInt8>) {
        entries[Int(truncatingIfNeeded: hash &>> shift)] = Entry(
            bytes: Self.words(piece, length, limit: limit), hash: hash,
            length: UInt32(truncatingIfNeeded: length), count: UInt32(truncatingIfNeeded: count))
    }
}
