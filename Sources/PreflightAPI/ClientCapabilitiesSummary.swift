import JSON

/// The few client capabilities Preflight's features act on, read leniently from `initialize`.
///
/// Clients send large capability objects that grow with every LSP release; a value of an
/// unexpected type here means "not supported", never a refused `initialize`, so a client is
/// served with the protocol's defaults rather than turned away.
public struct ClientCapabilitiesSummary: Sendable, Equatable {
    /// `general.positionEncodings`, in the client's order; `nil` when absent (UTF-16 then).
    public var positionEncodings: [String]?
    /// `window.workDoneProgress`: the server may create progress tokens.
    public var workDoneProgress: Bool
    /// `workspace.codeLens.refreshSupport`: the server may ask the client to re-request lenses.
    public var codeLensRefresh: Bool
    /// `workspace.configuration`: the server may pull settings with `workspace/configuration`.
    public var configuration: Bool
    /// Whether hover may be Markdown (`textDocument.hover.contentFormat` lists `markdown`, or
    /// says nothing, in which case Markdown is the common ground of today's editors).
    public var markdownHover: Bool

    /// Reads `capabilities` (absent or malformed: nothing supported beyond the defaults).
    public init(_ capabilities: JSONValue?) {
        positionEncodings = capabilities?["general"]?["positionEncodings"].flatMap { value in
            value.kind == .array ? value.elements.compactMap(\.stringValue) : nil
        }
        workDoneProgress = capabilities?["window"]?["workDoneProgress"]?.boolValue ?? false
        codeLensRefresh = capabilities?["workspace"]?["codeLens"]?["refreshSupport"]?.boolValue ?? false
        configuration = capabilities?["workspace"]?["configuration"]?.boolValue ?? false
        if let formats = capabilities?["textDocument"]?["hover"]?["contentFormat"], formats.kind == .array {
            markdownHover = formats.elements.contains { $0.stringValue == "markdown" }
        } else {
            markdownHover = true
        }
    }

    /// Defaults of a client that says nothing.
    public init() {
        self.init(nil)
    }
}
