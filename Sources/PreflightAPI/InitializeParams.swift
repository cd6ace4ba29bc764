import JSON

/// What Preflight reads of LSP's `initialize` params: its own `initializationOptions`.
///
/// LSP allows any value as `initializationOptions`; only an object can carry Preflight's
/// options, and a client that sends something else for its own reasons is still served (the
/// value is ignored with a warning). The rest of LSP's params are read by the features that need
/// them.
public struct InitializeParams: Decodable, Sendable, Equatable {
    /// Preflight's options, when `initializationOptions` is an object.
    public let options: InitializationOptions?
    /// `initializationOptions` was given but is not an object, so it was ignored.
    public let ignoredOptions: Bool
    /// What the client said it supports, as far as Preflight's features care.
    public let capabilities: ClientCapabilitiesSummary

    enum CodingKeys: String, CodingKey { case initializationOptions, capabilities }

    /// Reads `initializationOptions` when it is an object.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let raw = try container.decodeIfPresent(JSONValue.self, forKey: .initializationOptions)
        if let raw, raw.kind == .object {
            options = try container.decode(InitializationOptions.self, forKey: .initializationOptions)
            ignoredOptions = false
        } else {
            options = nil
            ignoredOptions = raw != nil
        }
        capabilities = ClientCapabilitiesSummary(try container.decodeIfPresent(JSONValue.self, forKey: .capabilities))
    }
}
