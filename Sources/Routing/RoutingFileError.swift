/// Why a routing file cannot be used: the file, the member at fault (a JSON path such as
/// `thresholds.standard_premium`), and what is wrong. The router in use is never replaced by a
/// file that fails to load.
public struct RoutingFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file, when known (set by `RoutingModel.load`).
    public var file: String?
    /// The member at fault, or empty for the whole file.
    public let field: String
    /// What is wrong.
    public let message: String

    /// Creates an error.
    public init(file: String? = nil, field: String, message: String) {
        self.file = file
        self.field = field
        self.message = message
    }

    /// `file: field message`.
    public var description: String {
        let place = [file, field.isEmpty ? nil : field].compactMap { $0 }.joined(separator: ": ")
        return place.isEmpty ? message : "\(place): \(message)"
    }
}
