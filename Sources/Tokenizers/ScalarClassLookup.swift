/// Raw-pointer access to `ScalarClassTable` for the pre-tokenizers' inner loops.
///
/// A plain struct of two pointers so scanners can hold it in registers instead of going
/// through a class reference and a lazy global on every scalar.
struct ScalarClassLookup: @unchecked Sendable {
    let blockIndex: UnsafePointer<UInt8>
    let blocks: UnsafePointer<UInt8>

    init(blockIndex: UnsafeMutablePointer<UInt8>, blocks: UnsafeMutablePointer<UInt8>) {
        self.blockIndex = UnsafePointer(blockIndex)
        self.blocks = UnsafePointer(blocks)
    }

    /// The class flags of one scalar value.
    @inline(__always)
    func flags(of scalar: UInt32) -> UInt8 {
        blocks[Int(blockIndex[Int(scalar &>> 7)]) &<< 7 | Int(scalar & 127)]
    }

    /// Decodes the scalar starting at `text[offset]` (valid UTF-8 assumed) and returns its flags
    /// and its length in bytes.
    @inline(__always)
    func classify(_ text: UnsafePointer<UInt8>, _ offset: Int) -> (flags: UInt8, length: Int) {
        let b0 = UInt32(text[offset])
        if b0 < 0x80 { return (blocks[Int(b0)], 1) }
        if b0 < 0xE0 {
            let scalar = (b0 & 0x1F) &<< 6 | (UInt32(text[offset + 1]) & 0x3F)
            return (flags(of: scalar), 2)
        }
        if b0 < 0xF0 {
            let scalar = (b0 & 0x0F) &<< 12 | (UInt32(text[offset + 1]) & 0x3F) &<< 6
                | (UInt32(text[offset + 2]) & 0x3F)
            return (flags(of: scalar), 3)
        }
        let scalar = (b0 & 0x07) &<< 18 | (UInt32(text[offset + 1]) & 0x3F) &<< 12
            | (UInt32(text[offset + 2]) & 0x3F) &<< 6 | (UInt32(text[offset + 3]) & 0x3F)
        return (flags(of: scalar), 4)
    }
}
