import Tokenizers

/// Counts of the whole input per tokenizer, computed once each.
///
/// `prefetch` counts every tokenizer the catalog needs in one call to the counter, so work the
/// tokenizers share (one estimator pass for all the families estimated alike) is done once per
/// text; `count` then answers from the memo.
struct CountMemo {
    private var memo: [TokenizerID: TokenCount] = [:]

    /// The input's count under `tokenizer`: its counted texts plus the chat overhead, reported
    /// under the name the counter answered with.
    mutating func count(_ input: PreparedInput, tokenizer: TokenizerID, counter: any TokenCounting) -> TokenCount {
        if let known = memo[tokenizer] { return known }
        let parts = input.countedTexts.map { counter.count($0, tokenizer: tokenizer) }
        let result = TokenCount(summing: parts, plus: input.overheadTokens, tokenizer: parts.first?.tokenizer ?? tokenizer)
        memo[tokenizer] = result
        return result
    }

    /// Counts the input under every tokenizer of `tokenizers` not counted yet, through
    /// `TokenCounting.counts` (one call per counted text).
    mutating func prefetch(_ input: PreparedInput, tokenizers: [TokenizerID], counter: any TokenCounting) {
        var missing: [TokenizerID] = []
        for tokenizer in tokenizers where memo[tokenizer] == nil && !missing.contains(tokenizer) {
            missing.append(tokenizer)
        }
        guard !missing.isEmpty else { return }
        let perText = input.countedTexts.map { counter.counts($0, tokenizers: missing) }
        for tokenizer in missing {
            let parts = zip(input.countedTexts, perText).map { text, counts in
                counts[tokenizer] ?? counter.count(text, tokenizer: tokenizer)
            }
            memo[tokenizer] = TokenCount(summing: parts, plus: input.overheadTokens,
                                         tokenizer: parts.first?.tokenizer ?? tokenizer)
        }
    }
}
