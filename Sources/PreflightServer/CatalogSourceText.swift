/// The raw text of a catalog file, for pointing errors at a line and column after parsing.
///
/// Jansson reports positions only for syntax errors; a negative price in a well-formed file
/// has none. This finds the model's entry (its quoted id or key) and, after it, the quoted
/// field name, so the error can still say where to look.
struct CatalogSourceText {
    private let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Line and column of `field` inside `model`'s entry, else of the entry, else `nil`.
    func position(model: String?, field: String?) -> (line: Int, column: Int)? {
        var start = 0
        var found: Int? = nil
        if let model, let at = find("\"\(model)\"", from: 0) {
            start = at
            found = at
        }
        if let field, let key = field.split(separator: ".").last.map({ String($0.split(separator: "[").first ?? $0) }),
           let at = find("\"\(key)\"", from: start, within: model == nil ? nil : 6_000) {
            found = at
        }
        return found.map(lineAndColumn)
    }

    private func find(_ needle: String, from: Int, within limit: Int? = nil) -> Int? {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, bytes.count >= pattern.count else { return nil }
        let end = min(bytes.count - pattern.count, limit.map { from + $0 } ?? Int.max)
        var i = from
        while i <= end {
            if bytes[i] == pattern[0] && bytes[i..<(i + pattern.count)].elementsEqual(pattern) { return i }
            i += 1
        }
        return nil
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
