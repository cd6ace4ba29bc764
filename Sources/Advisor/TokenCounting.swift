import Tokenizers

/// Something that counts tokens of a text under a named tokenizer — the seam through which the
/// advisor sees tokenizers.
///
/// The advisor prices with each model's own tokenizer but owns none: the server implements this
/// with its count service (the tokenizer registry: exact encodings, estimators) and tests inject
/// simple counters. Implementations must be deterministic and should count `text` as ordinary
/// text (special tokens are not recognised).
public protocol TokenCounting: Sendable {
    /// Counts `text` under `tokenizer` (an encoding or a family; a name nothing is registered
    /// for should be estimated, never fail, and say so in the count's `note`).
    func count(_ text: String, tokenizer: TokenizerID) -> TokenCount
}
