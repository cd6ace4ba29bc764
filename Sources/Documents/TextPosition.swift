/// A position in a text document as LSP states it: a zero-based line and a zero-based
/// `character` offset within that line, counted in the connection's `PositionEncoding`.
public struct TextPosition: Codable, Sendable, Hashable, Comparable {
    /// Zero-based line (lines end at `\n`, `\r\n` or `\r`).
    public var line: Int
    /// Zero-based offset in the line, in code units of the negotiated encoding.
    public var character: Int

    /// A position.
    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    enum CodingKeys: String, CodingKey { case line, character }

    /// Decodes `{line, character}`, refusing negative numbers (LSP's `uinteger`) so a bad
    /// position is an error naming the field, not an edit at a wrong place.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        line = try container.decode(Int.self, forKey: .line)
        character = try container.decode(Int.self, forKey: .character)
        if line < 0 {
            throw DecodingError.dataCorruptedError(forKey: .line, in: container, debugDescription: "must be at least 0")
        }
        if character < 0 {
            throw DecodingError.dataCorruptedError(forKey: .character, in: container, debugDescription: "must be at least 0")
        }
    }

    /// Orders by line, then character.
    public static func < (lhs: TextPosition, rhs: TextPosition) -> Bool {
        (lhs.line, lhs.character) < (rhs.line, rhs.character)
    }
}
