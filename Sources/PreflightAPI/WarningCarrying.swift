/// A method result with `warnings`, so the typed method layer adds the warnings about the
/// params themselves (members it ignored) in one place for every method, ahead of the method's
/// own.
public protocol WarningCarrying {
    /// The result's warnings, params' first.
    var warnings: [ResultWarning] { get set }
}
