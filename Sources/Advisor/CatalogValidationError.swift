/// Why a catalog was rejected: which model, which field, what is wrong.
///
/// The decoder adds the file name (and line/column where the JSON parser knows them); the
/// advisor's own checks are the ones no JSON shape can express, such as duplicate ids.
public struct CatalogValidationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The offending model's id, or `nil` for catalog-level problems.
    public let modelID: String?
    /// The offending field (`inputPerMillion`, `longContext.above`, `tiers`, …).
    public let field: String
    /// What is wrong, for a person to fix.
    public let message: String
    /// The offending model's position in the `models` given to `Catalog.init` (for a duplicate
    /// id, the second occurrence's), so a decoder can point at that entry of its file rather
    /// than at the first entry with the same id.
    public let modelIndex: Int?

    /// Creates an error.
    public init(modelID: String?, field: String, message: String, modelIndex: Int? = nil) {
        self.modelID = modelID
        self.field = field
        self.message = message
        self.modelIndex = modelIndex
    }

    /// `model "x", field "y": message`.
    public var description: String {
        if let modelID { return "model \"\(modelID)\", field \"\(field)\": \(message)" }
        return "field \"\(field)\": \(message)"
    }
}
