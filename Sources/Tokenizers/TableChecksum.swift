/// A 64-bit checksum of a compiled vocabulary table's bytes, four independent multiply-rotate
/// lanes over 8-byte words, so checking 10 MB costs about a millisecond.
///
/// Catches a truncated, partly written or bit-flipped cache file (`VocabularyTableCache`); it is
/// not a defence against someone forging one (the cache directory is the user's own).
struct TableChecksum {
    private var lanes: (UInt64, UInt64, UInt64, UInt64) =
        (0x9E37_79B9_7F4A_7C15, 0xC2B2_AE3D_27D4_EB4F, 0x1656_67B1_9E37_79F9, 0x27D4_EB2F_1656_67C5)
    private var words = 0

    @inline(__always)
    private static func mix(_ lane: UInt64, _ word: UInt64) -> UInt64 {
        let x = (lane ^ word) &* 0xFF51_AFD7_ED55_8CCD
        return (x << 29) | (x >> 35)
    }

    /// Adds `count` bytes at `bytes` (8-byte aligned; a multiple of 8 bytes, and of 32 except in
    /// the last call, since a tail of fewer than four words goes into the first lane).
    mutating func update(_ bytes: UnsafeRawPointer, count: Int) {
        let word = bytes.assumingMemoryBound(to: UInt64.self)
        let n = count / 8
        var (a, b, c, d) = lanes
        var i = 0
        while i + 4 <= n {
            a = Self.mix(a, word[i])
            b = Self.mix(b, word[i + 1])
            c = Self.mix(c, word[i + 2])
            d = Self.mix(d, word[i + 3])
            i += 4
        }
        while i < n {
            a = Self.mix(a, word[i])
            i += 1
        }
        lanes = (a, b, c, d)
        words += n
    }

    /// The checksum of everything added.
    var value: UInt64 {
        var h = UInt64(truncatingIfNeeded: words) &* 0x9E37_79B9_7F4A_7C15
        for lane in [lanes.0, lanes.1, lanes.2, lanes.3] {
            h = (h ^ lane) &* 0xD6E8_FEB8_6659_FD93
            h ^= h >> 32
        }
        return h
    }
}
