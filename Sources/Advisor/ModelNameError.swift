/// Why a typed model name names no single catalog entry.
public enum ModelNameError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No entry in either layer; `suggestions` are up to five nearest names.
    case unknown(name: String, suggestions: [String])
    /// Several entries at different prices, none the model maker's own: the caller must pick one
    /// (`candidates`, up to ten, and `total` of them).
    case ambiguous(name: String, candidates: [String], total: Int)

    /// One sentence a person can act on.
    public var description: String {
        switch self {
        case .unknown(let name, let suggestions):
            let hint = suggestions.isEmpty ? "" : "; did you mean "
                + suggestions.map { "\"\($0)\"" }.joined(separator: ", ") + "?"
            return "unknown model \"\(name)\": not in the curated catalog nor the LiteLLM reference\(hint) "
                + "(preflight models --search lists names)"
        case .ambiguous(let name, let candidates, let total):
            let more = total > candidates.count ? ", … (\(total) in all)" : ""
            return "ambiguous model \"\(name)\": \(total) entries at different prices and none is the model maker's own; "
                + "name one of " + candidates.map { "\"\($0)\"" }.joined(separator: ", ") + more
        }
    }
}
