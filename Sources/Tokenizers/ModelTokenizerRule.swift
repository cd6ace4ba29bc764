/// One documented rule tying models of a family to a tokenizer: the family name a catalog may
/// give (`qwen`), the model-name patterns that select it, the tokenizer they count with, and the
/// public source that ties them.
///
/// Rules are data (`ModelTokenizerRules.builtIn`), tried in order, first match wins, so adding a
/// generation is one more row above the rule it refines — never a `switch` over model names.
public struct ModelTokenizerRule: Sendable {
    /// The family name the rule refines (`qwen`, `claude`, …).
    public let family: TokenizerID
    /// Patterns matched against the normalised model name (see `ModelTokenizerRules.normalised`):
    /// the rule applies when any occurs, and a pattern ending in a digit must not be followed by
    /// another digit (`qwen3-5` is not `qwen3-50b`). Empty: every model of the family.
    public let patterns: [String]
    /// The tokenizer those models count with: an exact encoding where the source ties them to
    /// it, otherwise a family estimate (`FamilyFactorTable`).
    public let tokenizer: TokenizerID
    /// The public source, for `docs/TOKENIZERS.md` and anyone checking the rule.
    public let source: String

    /// Creates a rule; see the properties.
    public init(family: TokenizerID, patterns: [String], tokenizer: TokenizerID, source: String) {
        self.family = family
        self.patterns = patterns
        self.tokenizer = tokenizer
        self.source = source
    }
}
