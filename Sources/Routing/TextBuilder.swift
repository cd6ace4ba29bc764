/// A UTF-8 byte buffer for the router's short texts (the rationale, the deciding signals), made
/// into one `String` at the end.
///
/// String interpolation and `+` allocate and re-check each piece; the rationale of every estimate
/// was about an eighth of a short prompt's scoring cost. Appending static text, other strings'
/// UTF-8 and fixed decimals to one reserved buffer costs a single allocation per text.
struct TextBuilder {
    private(set) var bytes: [UInt8]

    /// An empty text with room for `capacity` bytes.
    init(capacity: Int = 160) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Appends static text.
    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends a string's UTF-8.
    mutating func append(_ text: String) {
        // Through the contiguous UTF-8 (a memcpy), not the generic `utf8` view sequence.
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends `x` with `digits` decimals, as `%.<digits>f` writes it (`FixedDecimal`).
    mutating func append(_ x: Double, digits: Int) {
        FixedDecimal.write(x, digits: digits, to: &bytes)
    }

    /// The text.
    var string: String { String(decoding: bytes, as: UTF8.self) }
}
