/// Why a catalog file could not be used: the file, the model, the field, and where.
///
/// `line`/`column` are Jansson's for syntax errors; for a well-formed file with a bad value
/// they point at the offending field (or the model's entry) found in the text, so an editor
/// can jump there. The server reports this as a JSON-RPC error or a `window/showMessage`, and
/// keeps the catalog it had.
public struct CatalogLoadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The catalog's path as given.
    public let file: String
    /// The model entry at fault (its id, or its key in a LiteLLM file), if any.
    public let modelID: String?
    /// The field at fault (`inputPerMillion`, `longContext.above`, `version`), if any.
    public let field: String?
    /// What is wrong.
    public let message: String
    /// 1-based line, when known.
    public let line: Int?
    /// 1-based column, when known.
    public let column: Int?

    /// Creates an error.
    public init(file: String, modelID: String? = nil, field: String? = nil, message: String,
                line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.modelID = modelID
        self.field = field
        self.message = message
        self.line = line
        self.column = column
    }

    /// `FILE:LINE:COLUMN: model "m", field "f": message` (parts present when known).
    public var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        text += ": "
        if let modelID { text += "model \"\(modelID)\", " }
        if let field { text += "field \"\(field)\": " }
        return text + message
    }
}
