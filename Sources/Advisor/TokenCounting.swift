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

    /// Counts of `text` under each of `tokenizers` for ranking models, loading nothing that is
    /// not loaded yet where a bound will do: a tokenizer ready to count answers with its final
    /// count, one whose vocabulary is not loaded with a bound made from `reference` (the text's
    /// exact `o200k_base` count). The default counts every one finally (`counts`).
    func provisionalCounts(_ text: String, tokenizers: [TokenizerID], reference: TokenCount)
        -> [TokenizerID: ProvisionalCount]
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

    /// Every count final: `counts`, for counters with nothing to load.
    public func provisionalCounts(_ text: String, tokenizers: [TokenizerID], reference: TokenCount)
        -> [TokenizerID: ProvisionalCount] {
        counts(text, tokenizers: tokenizers).mapValues { ProvisionalCount(final: $0) }
    }
}
