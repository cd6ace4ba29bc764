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

    /// Counts `text` under each of `tokenizers`, doing the work they share once (families
    /// estimated the same way are one pass over the text, not one per family). The default
    /// counts each in turn.
    func counts(_ text: String, tokenizers: [TokenizerID]) -> [TokenizerID: TokenCount]
}

extension TokenCounting {
    /// One `count` per tokenizer.
    public func counts(_ text: String, tokenizers: [TokenizerID]) -> [TokenizerID: TokenCount] {
        var result: [TokenizerID: TokenCount] = [:]
        for tokenizer in tokenizers where result[tokenizer] == nil {
            result[tokenizer] = count(text, tokenizer: tokenizer)
        }
        return result
    }
}
