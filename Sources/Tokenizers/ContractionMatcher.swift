/// Matches the English contraction suffixes both encodings treat specially.
///
/// o200k appends `(?i:'s|'t|'re|'ve|'m|'ll|'d)?` to its word alternatives; cl100k tries
/// `'(?i:[sdmt]|ll|ve|re)` as a piece of its own before anything else. Case-insensitive matching
/// in tiktoken's regex engine uses simple case folding, so besides upper and lower ASCII the `s`
/// also matches U+017F LATIN SMALL LETTER LONG S (checked against tiktoken by the table
/// generator); no other letter involved has such a fold.
enum ContractionMatcher {
    /// If `text[offset...]` starts with an apostrophe and one of the contraction letters, returns
    /// the offset after it; otherwise returns `offset`.
    @inline(__always)
    static func end(_ text: UnsafePointer<UInt8>, at offset: Int, limit: Int) -> Int {
        guard offset + 1 < limit, text[offset] == ASCIIByte.apostrophe else { return offset }
        let first = text[offset + 1]
        switch first | 0x20 {
        case UInt8(ascii: "s"), UInt8(ascii: "t"), UInt8(ascii: "m"), UInt8(ascii: "d"):
            return offset + 2
        case UInt8(ascii: "r"), UInt8(ascii: "v"):
            if offset + 2 < limit, text[offset + 2] | 0x20 == UInt8(ascii: "e") { return offset + 3 }
        case UInt8(ascii: "l"):
            if offset + 2 < limit, text[offset + 2] | 0x20 == UInt8(ascii: "l") { return offset + 3 }
        default:
            // U+017F (long s) is C5 BF in UTF-8; C5 | 0x20 is E5, which no ASCII case hits.
            if first == 0xC5, offset + 2 < limit, text[offset + 2] == 0xBF { return offset + 3 }
        }
        return offset
    }
}
