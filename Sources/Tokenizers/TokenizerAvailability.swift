/// Whether one advertised tokenizer counts exactly right now, as `initialize` reports it in
/// `capabilities.experimental.preflight.tokenizers`.
public struct TokenizerAvailability: Sendable, Equatable {
    /// The tokenizer's name.
    public let id: TokenizerID
    /// Whether its counts are exact (an exact tokenizer whose vocabulary is present and loads).
    public let isExact: Bool

    /// Creates an entry.
    public init(id: TokenizerID, isExact: Bool) {
        self.id = id
        self.isExact = isExact
    }
}
