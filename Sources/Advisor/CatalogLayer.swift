/// Which of the two catalog layers a model's price came from.
///
/// The curated layer (`models/catalog.json`, or `--catalog`) holds the models routing may
/// recommend, with tiers set by hand; the reference layer (every chat model of LiteLLM's price
/// file, converted by `preflight catalog update`) prices any other model a caller names. A
/// reply says which one priced it, so a price is never silently a reseller's or a guess.
public enum CatalogLayer: String, Sendable, Equatable, CaseIterable, Codable {
    /// The hand-curated catalog routing recommends from.
    case curated
    /// The bundled (or user-rebuilt) LiteLLM reference, loaded on the first name it is needed for.
    case reference
}
