/// Where each part of a compiled vocabulary table lies in its file (`VocabularyTableCache`): a
/// 4 KiB header, then the slots, the arena (token bytes plus 8 zero bytes), the single-byte
/// ranks, the pair ranks and the presence filter, each starting on a 4 KiB boundary so that
/// `mmap` can hand every part to `TokenRankTable` in place.
struct VocabularyTableLayout: Equatable {
    /// Bytes before the first section.
    static let headerBytes = 4096
    /// Number of slots (a power of two).
    let slotCount: Int
    /// Bytes of token data in the arena (8 zero bytes follow them).
    let arenaUsed: Int

    private static func aligned(_ offset: Int) -> Int { (offset + 4095) / 4096 * 4096 }

    var slotsOffset: Int { Self.headerBytes }
    var arenaOffset: Int { Self.aligned(slotsOffset + slotCount * MemoryLayout<TokenRankTable.Slot>.stride) }
    var byteRanksOffset: Int { Self.aligned(arenaOffset + arenaUsed + 8) }
    var pairRanksOffset: Int { Self.aligned(byteRanksOffset + 256 * MemoryLayout<UInt32>.stride) }
    var presenceOffset: Int { Self.aligned(pairRanksOffset + 65536 * MemoryLayout<UInt32>.stride) }
    /// The file's whole length.
    var fileLength: Int { Self.aligned(presenceOffset + TokenRankTable.filterBits / 8) }
}
