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
    /// estimated the same way are one pass over the text, not one per family). `profile` is
    /// `text`'s script profile when the caller has it (the estimate planner profiles a prompt
    /// once for every use), so a family counted run by run does not profile the text again;
    /// `nil` lets the counter make it if it needs one. The default counts each in turn.
    func counts(_ text: String, tokenizers: [TokenizerID], profile: UnicodeScriptProfile?) -> [TokenizerID: TokenCount]

    /// Counts of `text` under each of `tokenizers` for ranking models, loading nothing that is
    /// not loaded yet where a bound will do: a tokenizer ready to count answers with its final
    /// count, one whose vocabulary is not loaded with a bound made from `reference` (the text's
    /// exact `o200k_base` count) and its script `profile` (as in `counts`). The default counts
    /// every one finally (`counts`).
    func provisionalCounts(_ text: String, tokenizers: [TokenizerID], reference: TokenCount,
                           profile: UnicodeScriptProfile?) -> [TokenizerID: ProvisionalCount]
}

extension TokenCounting {
    /// One `count` per tokenizer.
    public func counts(_ text: String, tokenizers: [TokenizerID], profile: UnicodeScriptProfile?)
        -> [TokenizerID: TokenCount] {
        var result: [TokenizerID: TokenCount] = [:]
        for tokenizer in tokenizers where result[tokenizer] == nil {
            result[tokenizer] = count(text, tokenizer: tokenizer)
        }
        return result
    }

    /// `counts` for a caller without the text's script profile.
    public func counts(_ text: String, tokenizers: [TokenizerID]) -> [TokenizerID: TokenCount] {
        counts(text, tokenizers: tokenizers, profile: nil)
    }

    /// Every count final: `counts`, for counters with nothing to load.
    public func provisionalCounts(_ text: String, tokenizers: [TokenizerID], reference: TokenCount,
                                  profile: UnicodeScriptProfile?) -> [TokenizerID: ProvisionalCount] {
        counts(text, tokenizers: tokenizers, profile: profile).mapValues { ProvisionalCount(final: $0) }
    }
}
