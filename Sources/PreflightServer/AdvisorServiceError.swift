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
    /// A name the curated layer does not have while the reference layer could not be loaded
    /// (`reason`): the name may well be a reference model, so the error says why it was not looked up.
    case unknownWithoutReference(name: String, suggestions: [String], reason: String)

    /// One sentence a person can act on.
    public var description: String {
        switch self {
        case .noCatalog(let reason, _):
            return "no model catalog is loaded: \(reason)"
        case .noRouting(let reason, _):
            return "no routing file is loaded: \(reason)"
        case .modelName(let error):
            return error.description
        case .unknownWithoutReference(let name, let suggestions, let reason):
            let hint = suggestions.isEmpty ? "" : "; did you mean "
                + suggestions.map { "\"\($0)\"" }.joined(separator: ", ") + "?"
            return "unknown model \"\(name)\": not in the curated catalog, and the LiteLLM reference layer "
                + "is unavailable (\(reason))\(hint)"
        }
    }
}
