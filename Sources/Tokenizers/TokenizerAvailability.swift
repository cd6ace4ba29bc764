/// Whether one advertised tokenizer counts exactly right now, as `initialize` reports it in
/// `capabilities.experimental.preflight.tokenizers`.
public struct TokenizerAvailability: Sendable, Equatable {
    /// The tokenizer's name.
    public let id: TokenizerID
    /// Whether its counts are exact (an exact tokenizer whose vocabulary is present and loads).
    public let isExact: Bool
    /// For a family estimated from a public encoding, its factors and basis.
    public let familyFactors: FamilyFactorTable?

    /// Creates an entry.
    public init(id: TokenizerID, isExact: Bool, familyFactors: FamilyFactorTable? = nil) {
        self.id = id
        self.isExact = isExact
        self.familyFactors = familyFactors
    }

    /// Entries are equal when they name the same tokenizer with the same exactness and basis.
    public static func == (lhs: TokenizerAvailability, rhs: TokenizerAvailability) -> Bool {
        lhs.id == rhs.id && lhs.isExact == rhs.isExact && lhs.familyFactors?.id == rhs.familyFactors?.id
    }
}
