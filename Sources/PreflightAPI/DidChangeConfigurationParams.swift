import JSON

/// `workspace/didChangeConfiguration`: new settings, of which Preflight reads `preflight`.
///
/// `settings` is kept raw: each setting is decoded on its own, so one bad value is a warning
/// naming it while the others still apply.
public struct DidChangeConfigurationParams: Decodable, Equatable {
    /// The client's settings (`{preflight: {...}}`), or `null` for "pull them yourself".
    public let settings: JSONValue?
}
