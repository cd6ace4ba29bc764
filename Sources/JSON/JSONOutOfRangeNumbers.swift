/// Finds the numbers Jansson cannot hold — integers beyond 64 bits, reals beyond a double — in
/// a text it refused for them, and parses the rest exactly, so the JSON-RPC layer can answer the
/// request that carried one (its id, the member's path) instead of refusing the whole text.
///
/// Jansson stops at the first such number ("too big integer") without saying where in the tree
/// it sits, and its `JSON_DECODE_INT_AS_REAL` would turn every integer, ids included, into a
/// real. Instead each out-of-range number literal (outside strings) is rewritten into a marker
/// string, the text is parsed again, and the markers are looked up in the tree: every other
/// value is parsed as written, so an id is echoed byte for byte. Used only on that failure path.
public enum JSONOutOfRangeNumbers {
    /// One number the text held that Jansson cannot.
    public struct Found: Sendable, Equatable {
        /// Where it sits in the parsed value (document order).
        public let path: [JSONPathComponent]
        /// The literal as written.
        public let literal: String
        /// An integer literal (no fraction, no exponent) rather than a real.
        public let isInteger: Bool

        /// Creates a record.
        public init(path: [JSONPathComponent], literal: String, isInteger: Bool) {
            self.path = path
            self.literal = literal
            self.isInteger = isInteger
        }
    }

    /// Parses `bytes` with each out-of-range number replaced by a marker string; returns the
    /// value and where each replaced number was. Throws the parse error of the rewritten text
    /// (another syntax error), or a failure when the text has no out-of-range number.
    public static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> (value: JSONValue, numbers: [Found]) {
        var rewritten: [UInt8] = []
        var literals: [(literal: String, isInteger: Bool)] = []
        var copied = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == 0x22 {
                // A string: skip to its closing quote, past escapes.
                index += 1
                while index < count {
                    if bytes[index] == 0x5C { index += 2; continue }
                    if bytes[index] == 0x22 { break }
                    index += 1
                }
                index += 1
                continue
            }
            guard byte == 0x2D || (byte >= 0x30 && byte <= 0x39) else { index += 1; continue }
            let start = index
            index += 1
            while index < count, isNumberByte(bytes[index]) { index += 1 }
            let literal = String(decoding: bytes[start..<index], as: UTF8.self)
            guard let isInteger = outOfRange(literal) else { continue }
            if rewritten.isEmpty { rewritten.reserveCapacity(count + 64) }
            rewritten.append(contentsOf: bytes[copied..<start])
            rewritten.append(contentsOf: Array("\"\(marker)\(literals.count)\"".utf8))
            literals.append((literal, isInteger))
            copied = index
        }
        guard !literals.isEmpty else {
            throw JSONParseError(message: "no number out of range", line: -1, column: -1, position: 0)
        }
        rewritten.append(contentsOf: bytes[copied...])
        let value = try JSONValue.parse(rewritten)
        return (value, locate(in: value, literals: literals))
    }

    /// The marker's prefix (as JSON text; the parsed string starts with a NUL character, which
    /// no out-of-range number's neighbour is likely to).
    private static let marker = #"\u0000preflight:out-of-range-number:"#
    private static let parsedMarker = "\u{0}preflight:out-of-range-number:"

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || byte == 0x2E || byte == 0x65 || byte == 0x45 || byte == 0x2B || byte == 0x2D
    }

    /// `true` for an integer literal beyond Int64, `false` for a real literal beyond a double,
    /// `nil` for a number Jansson holds (or text that is not a number at all: the parse will say).
    private static func outOfRange(_ literal: String) -> Bool? {
        let isInteger = !literal.utf8.contains { $0 == 0x2E || $0 == 0x65 || $0 == 0x45 }
        if isInteger {
            let digits = literal.utf8.drop { $0 == 0x2D }
            guard !digits.isEmpty, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            return Int64(literal) == nil ? true : nil
        }
        guard let double = Double(literal) else { return nil }
        return double.isInfinite ? false : nil
    }

    /// Walks `value` (iteratively: nesting may be as deep as Jansson allows) for the markers.
    private static func locate(in value: JSONValue, literals: [(literal: String, isInteger: Bool)]) -> [Found] {
        var found: [Found] = []
        var stack: [(value: JSONValue, path: [JSONPathComponent])] = [(value, [])]
        while let (current, path) = stack.popLast() {
            switch current.kind {
            case .object:
                for (key, member) in current.members.reversed() { stack.append((member, path + [.member(key)])) }
            case .array:
                for (index, element) in current.elements.enumerated().reversed() { stack.append((element, path + [.index(index)])) }
            case .string:
                guard let string = current.stringValue, string.hasPrefix(parsedMarker),
                      let number = Int(string.dropFirst(parsedMarker.count)), literals.indices.contains(number) else { continue }
                found.append(Found(path: path, literal: literals[number].literal, isInteger: literals[number].isInteger))
            default:
                continue
            }
        }
        return found
    }
}
