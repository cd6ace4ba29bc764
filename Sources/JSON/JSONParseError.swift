import CJansson

/// Why a JSON text could not be parsed, with the position Jansson reports.
///
/// Carried up to the JSON-RPC layer as a -32700 reply, and to catalog loading as an error that
/// names the line and column, so a user can fix the exact character that broke the parse.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Jansson's message (e.g. "'[' or '{' expected near 'x'").
    public let message: String
    /// 1-based line, or -1 when Jansson has none.
    public let line: Int
    /// 1-based column (in characters), or -1.
    public let column: Int
    /// Byte offset from the start of the text.
    public let position: Int
    /// Whether the text is JSON Jansson could not hold — a number beyond its range (an integer
    /// beyond 64 bits, a real beyond a double) — rather than a syntax error, so a caller can
    /// locate the number (`JSONOutOfRangeNumbers`) instead of refusing the whole text.
    public let isNumericOverflow: Bool
    /// Whether the text is JSON but an object names a member twice (only when parsing
    /// rejects that), so a caller can locate it (`JSONDuplicateMembers`).
    public let isDuplicateKey: Bool

    /// Builds an error from Jansson's error record.
    init(_ error: json_error_t) {
        var copy = error
        message = String(cString: pf_json_error_text(&copy))
        line = Int(error.line)
        column = Int(error.column)
        position = Int(error.position)
        isNumericOverflow = pf_json_error_is_numeric_overflow(&copy) != 0
        isDuplicateKey = pf_json_error_is_duplicate_key(&copy) != 0
    }

    /// Builds an error from parts (tests and non-Jansson sources).
    public init(message: String, line: Int, column: Int, position: Int, isNumericOverflow: Bool = false,
                isDuplicateKey: Bool = false) {
        self.message = message
        self.line = line
        self.column = column
        self.position = position
        self.isNumericOverflow = isNumericOverflow
        self.isDuplicateKey = isDuplicateKey
    }

    /// "message at line L, column C".
    public var description: String {
        line > 0 ? "\(message) at line \(line), column \(column)" : message
    }
}
