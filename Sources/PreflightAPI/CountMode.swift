/// How `preflight/countTokens` is asked to count (`params.mode`).
public enum CountMode: String, Sendable, CaseIterable, Codable {
    /// The tokenizer's own count: exact where it is exact (the default).
    case exact
    /// The vocabulary-free estimate, even where an exact count is possible (cheaper, no
    /// vocabulary load); tokenizers that only estimate answer as in `exact`.
    case estimate
}
