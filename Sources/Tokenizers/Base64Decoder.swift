/// A hand-written standard-alphabet base64 decoder that writes straight into caller memory.
///
/// The vocabulary loader decodes about 300,000 short base64 tokens per process; Foundation's
/// `Data(base64Encoded:)` allocates per call and made loading several times slower than the
/// 30 ms budget, so tokens are decoded in place into one arena instead.
enum Base64Decoder {
    /// 6-bit value of each ASCII byte, or 0xFF for bytes outside the alphabet ('=' included).
    static let sextets: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        for (value, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(value) }
        return table
    }()

    /// Decodes `length` base64 characters at `source` into `destination`.
    ///
    /// Returns the number of bytes written, or -1 when the input is not canonical padded base64
    /// (length not a multiple of 4, a byte outside the alphabet, misplaced padding).
    /// `destination` must have room for `length / 4 * 3` bytes.
    @inline(__always)
    static func decode(
        _ source: UnsafePointer<UInt8>, length: Int, into destination: UnsafeMutablePointer<UInt8>,
        sextets table: UnsafePointer<UInt8>
    ) -> Int {
        if length == 0 || length & 3 != 0 { return -1 }
        var padding = 0
        if source[length - 1] == UInt8(ascii: "=") { padding = source[length - 2] == UInt8(ascii: "=") ? 2 : 1 }
        var written = 0
        var index = 0
        let fullQuads = (length - (padding > 0 ? 4 : 0))
        while index < fullQuads {
            let a = table[Int(source[index])], b = table[Int(source[index + 1])]
            let c = table[Int(source[index + 2])], d = table[Int(source[index + 3])]
            if (a | b | c | d) & 0xC0 != 0 { return -1 }
            let bits = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
            destination[written] = UInt8(truncatingIfNeeded: bits >> 16)
            destination[written + 1] = UInt8(truncatingIfNeeded: bits >> 8)
            destination[written + 2] = UInt8(truncatingIfNeeded: bits)
            written += 3
            index += 4
        }
        if padding > 0 {
            let a = table[Int(source[index])], b = table[Int(source[index + 1])]
            let c = padding == 2 ? 0 : table[Int(source[index + 2])]
            if (a | b | c) & 0xC0 != 0 { return -1 }
            let bits = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6
            destination[written] = UInt8(truncatingIfNeeded: bits >> 16)
            written += 1
            if padding == 1 {
                destination[written] = UInt8(truncatingIfNeeded: bits >> 8)
                written += 1
            }
        }
        return written
    }

    /// Decodes a base64 string that may contain line breaks (the generated tables wrap lines).
    ///
    /// Used once per process for the compiled-in scalar class table; returns nil on bad input.
    static func decodeIgnoringNewlines(_ text: String) -> [UInt8]? {
        let clean = Array(text.utf8.filter { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") })
        var output = [UInt8](repeating: 0, count: clean.count / 4 * 3)
        let written = clean.withUnsafeBufferPointer { src in
            output.withUnsafeMutableBufferPointer { dst in
                sextets.withUnsafeBufferPointer { table in
                    decode(src.baseAddress!, length: src.count, into: dst.baseAddress!, sextets: table.baseAddress!)
                }
            }
        }
        if written < 0 { return nil }
        output.removeLast(output.count - written)
        return output
    }
}
