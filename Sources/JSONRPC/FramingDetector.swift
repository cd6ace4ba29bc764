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

    private var seen: [UInt8] = []

    /// Creates a detector that has seen nothing yet.
    public init() {}

    /// Feeds bytes; returns the framing and the bytes to hand to that framer (the BOM removed)
    /// once decided, or nil while only whitespace has arrived.
    public mutating func detect(_ bytes: UnsafeRawBufferPointer) -> (Framing, [UInt8])? {
        seen.append(contentsOf: bytes)
        // Wait until a possible BOM is complete.
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        if seen.count < 3, Array(seen) == Array(bom.prefix(seen.count)) { return nil }
        let body = seen.starts(with: bom) ? Array(seen.dropFirst(3)) : seen
        guard let first = body.first(where: { !NewlineDelimitedFramer.isWhitespace($0) }) else {
            return nil
        }
        return (first == 0x7B || first == 0x5B ? .newlineDelimited : .contentLength, body)
    }

    /// Bytes seen so far without a decision (whitespace only), for end of input.
    public var undecidedBytes: [UInt8] { seen }
}
