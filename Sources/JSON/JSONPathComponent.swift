/// One step into a JSON value — a member of an object or an element of an array — for paths
/// found by walking a parsed value rather than by decoding (`JSONPath.render(root:components:)`).
public enum JSONPathComponent: Sendable, Equatable {
    /// An object's member, by name.
    case member(String)
    /// An array's element, by position.
    case index(Int)
}
