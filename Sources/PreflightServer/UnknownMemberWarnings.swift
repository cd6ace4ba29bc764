import JSON
import PreflightAPI

/// The warnings a result carries for params members nothing read.
///
/// Clients may send members of their own (LSP clients and SDKs do), so outside a budget and
/// routing constraints (which refuse them, `StrictMembers`) an unknown member is not refused; but silently dropping it would
/// let a misspelt limit (`max_tokens`, `expected_output_tokens`) change the figure without a
/// word. So each one becomes a warning naming it and the name it was probably meant to be.
enum UnknownMemberWarnings {
    /// One warning per member of `unknown` (in input order), for `method`'s result.
    static func warnings(for unknown: [JSONUnknownField], method: String) -> [ResultWarning] {
        unknown.map { field in
            let container = String(field.path.dropLast(field.name.count + 1))
            var message = container == "params"
                ? "\(field.path) is not a parameter of \(method)"
                : "\(field.path) is not a member of \(container)"
            if let nearest = StrictMembers.nearestName(to: field.name, in: field.knownNames) {
                message += "; did you mean \(nearest)?"
            } else if !field.knownNames.isEmpty {
                message += "; it is ignored (known: \(field.knownNames.joined(separator: ", ")))"
            } else {
                message += "; it is ignored"
            }
            return ResultWarning(field: field.path, message: message)
        }
    }
}
