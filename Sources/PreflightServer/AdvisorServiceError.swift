import Advisor

/// Why the advisor service cannot answer: no catalog is loaded, or a name names no model.
///
/// The service is the advisor's home in the server, but it speaks in its own terms; the server
/// edge (`ProtocolErrors`) turns these into JSON-RPC errors at the field the caller named, and
/// the command line into usage errors.
public enum AdvisorServiceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No catalog could be loaded at start (`reason`); `file` is the one that was tried.
    case noCatalog(reason: String, file: String?)
    /// No routing file could be loaded (`reason`); `file` is the bundled one.
    case noRouting(reason: String, file: String?)
    /// A name that resolves to no single entry of either layer (unknown, or ambiguous).
    case modelName(ModelNameError)

    /// One sentence a person can act on.
    public var description: String {
        switch self {
        case .noCatalog(let reason, _):
            return "no model catalog is loaded: \(reason)"
        case .noRouting(let reason, _):
            return "no routing file is loaded: \(reason)"
        case .modelName(let error):
            return error.description
        }
    }
}
