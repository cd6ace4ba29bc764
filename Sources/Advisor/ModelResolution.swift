/// The catalog entry a name a caller typed resolved to, and by which rule (docs/CATALOG.md,
/// "Names").
public struct ModelResolution: Sendable, Equatable {
    /// How a typed name was matched, in the order the rules are tried.
    public enum Rule: String, Sendable, Equatable {
        /// The name is an entry's id, exactly.
        case exact
        /// The name is an entry's id in another case (`GPT-4o`).
        case caseInsensitive
        /// `provider/id` where the curated entry `id` is served by `provider` (`openai/gpt-4o`).
        case providerPrefix
        /// The names agree once provider routes, cloud regions, dates and version suffixes are
        /// taken off, and the model maker's own entry was chosen among several.
        case firstParty
        /// The names agree once reduced, and the one entry (or several at one price) was taken.
        case sameModel
    }

    /// The entry priced.
    public let model: CatalogModel
    /// The layer it is in.
    public let layer: CatalogLayer
    /// How the name matched it.
    public let rule: Rule
    /// The name as the caller typed it.
    public let requestedName: String
    /// Other entries the name matched that were passed over (their ids), for the reply's note.
    public let passedOver: [String]

    /// Creates a resolution.
    public init(model: CatalogModel, layer: CatalogLayer, rule: Rule, requestedName: String, passedOver: [String] = []) {
        self.model = model
        self.layer = layer
        self.rule = rule
        self.requestedName = requestedName
        self.passedOver = passedOver
    }

    /// A sentence for the reply when the entry is not simply the name asked for, else `nil`.
    public var note: String? {
        switch rule {
        case .exact:
            return nil
        case .firstParty where passedOver.isEmpty, .caseInsensitive, .providerPrefix, .sameModel:
            return "\"\(requestedName)\" is priced as the \(layer.rawValue) catalog's \"\(model.id)\" (\(model.provider))"
        case .firstParty:
            let others = passedOver.count
            return "\"\(requestedName)\" is priced as the \(layer.rawValue) catalog's \"\(model.id)\", the model maker's "
                + "own entry (\(model.provider)), not the \(others) reseller or cloud-region entr\(others == 1 ? "y" : "ies") "
                + "with the same model"
        }
    }
}
