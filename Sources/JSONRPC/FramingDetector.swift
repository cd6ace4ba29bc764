/// Chooses the framing of a connection from its first bytes, once.
///
/// If the first non-whitespace byte (after an optional UTF-8 byte-order mark) is `{` or `[`, the
/// client is a script speaking newline-delimited JSON; anything else is LSP's Content-Length
/// framing. The decision needs only the first significant byte, so it never waits on a header.
public struct FramingDetector {
    /// The framings a connection can use.
    public enum Framing: Sendable, Equatable {
        /// `Content-Length` headers, as LSP clients send.
        case contentLength
        /// One JSON text per line.
        case newlineDelimited
    }

    /// How many bytes of a UTF-8 BOM have been seen at the very start (3 = done with the BOM).
    private var bomMatched = 0
    private static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Creates a detector that has seen nothing yet.
    public init() {}

    /// Feeds bytes; returns the framing and the bytes to hand to that framer once decided, or
    /// nil while only a BOM or whitespace has arrived. Whitespace before the first significant
    /// byte is dropped (both framers skip it anyway), so waiting costs no memory.
    public mutating func detect(_ bytes: UnsafeRawBufferPointer) -> (Framing, [UInt8])? {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if bomMatched < 3 {
                if byte == Self.bom[bomMatched] {
                    bomMatched += 1
                    index += 1
                    continue
                }
                if bomMatched > 0 {
                    // A partial BOM followed by something else is not a BOM: it is garbage
                    // for the Content-Length framer to report.
                    let partial = Array(Self.bom[0..<bomMatched])
                    bomMatched = 3
                    return (.contentLength, partial + Array(bytes[index...]))
                }
                bomMatched = 3
            }
            if NewlineDelimitedFramer.isWhitespace(byte) {
                index += 1
                continue
            }
            let framing: Framing = byte == 0x7B || byte == 0x5B ? .newlineDelimited : .contentLength
            return (framing, Array(bytes[index...]))
        }
        return nil
    }
}
