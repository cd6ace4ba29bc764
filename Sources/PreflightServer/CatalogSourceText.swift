import JSON

/// The raw text of a catalog file, for pointing errors at a line and column after parsing.
///
/// Jansson reports positions only for syntax errors; a negative price in a well-formed file
/// has none. This walks the text as JSON along a path (`models[3].longContext.above`, a LiteLLM
/// entry's key, a top-level member) and answers where the path's last member is written — its
/// quoted name — or, when the member is missing, where the innermost object or array on the
/// path that does exist begins: a field missing at the top level is reported at the top-level
/// object, a field missing from a model at that model's entry, never at a same-named key
/// somewhere else.
struct CatalogSourceText {
    private let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Line and column of `path`'s member (or of the innermost existing container on it); `nil`
    /// when the text is not an object or array at the top.
    func position(of path: [JSONPathComponent]) -> (line: Int, column: Int)? {
        var scanner = Scanner(bytes: bytes)
        scanner.skipWhitespace()
        var found: Int? = nil
        var container = scanner.index
        for component in path {
            guard scanner.index < bytes.count else { break }
            container = scanner.index
            found = container
            guard let (start, keyOffset) = scanner.enter(component) else { break }
            found = keyOffset ?? start
        }
        return found.map(lineAndColumn)
    }

    /// A forward-only reader over JSON text that the catalog decoder has already parsed (so
    /// the text is well formed; the scanner still never reads past the end).
    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        mutating func skipWhitespace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }

        /// Moves into `component` of the container at `index`: returns the offset of the member's
        /// value and of its quoted name (`nil` for an array element), leaving `index` at the
        /// value; `nil` (and `index` unchanged) when the container has no such member.
        mutating func enter(_ component: JSONPathComponent) -> (Int, Int?)? {
            let start = index
            switch (component, bytes[index]) {
            case (.member(let name), 0x7B):
                index += 1
                while true {
                    skipWhitespace()
                    guard index < bytes.count, bytes[index] == 0x22 else { index = start; return nil }
                    let keyOffset = index
                    let key = readString()
                    skipWhitespace()
                    if index < bytes.count, bytes[index] == 0x3A { index += 1 }
                    skipWhitespace()
                    if key == name { return (index, keyOffset) }
                    skipValue()
                    skipWhitespace()
                    guard index < bytes.count, bytes[index] == 0x2C else { index = start; return nil }
                    index += 1
                }
            case (.index(let wanted), 0x5B):
                index += 1
                var position = 0
                while true {
                    skipWhitespace()
                    guard index < bytes.count, bytes[index] != 0x5D else { index = start; return nil }
                    if position == wanted { return (index, nil) }
                    skipValue()
                    skipWhitespace()
                    guard index < bytes.count, bytes[index] == 0x2C else { index = start; return nil }
                    index += 1
                    position += 1
                }
            default:
                return nil
            }
        }

        /// Reads a string at `index` (its opening quote) and returns its value.
        mutating func readString() -> String {
            index += 1
            var raw: [UInt8] = [0x22]
            while index < bytes.count, bytes[index] != 0x22 {
                if bytes[index] == 0x5C, index + 1 < bytes.count {
                    raw.append(bytes[index])
                    index += 1
                }
                raw.append(bytes[index])
                index += 1
            }
            index += 1
            raw.append(0x22)
            // Escapes are rare in catalog keys; Jansson reads them exactly as the decoder did.
            if !raw.contains(0x5C) { return String(decoding: raw.dropFirst().dropLast(), as: UTF8.self) }
            return (try? JSONValue.parse(raw))?.stringValue ?? ""
        }

        /// Skips one value at `index`, nested containers included (iteratively).
        mutating func skipValue() {
            var depth = 0
            repeat {
                guard index < bytes.count else { return }
                switch bytes[index] {
                case 0x22:
                    _ = readString()
                    continue
                case 0x7B, 0x5B:
                    depth += 1
                case 0x7D, 0x5D:
                    depth -= 1
                default:
                    if depth == 0 {
                        // A scalar: up to the next delimiter.
                        while index < bytes.count, ![0x2C, 0x7D, 0x5D, 0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
                        return
                    }
                }
                index += 1
            } while depth > 0
        }
    }

    private func lineAndColumn(_ offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for i in 0..<offset where bytes[i] == UInt8(ascii: "\n") {
            line += 1
            lineStart = i + 1
        }
        // Columns count characters, as Jansson's do.
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).unicodeScalars.count + 1
        return (line, column)
    }
}
