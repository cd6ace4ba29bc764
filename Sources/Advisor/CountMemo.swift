import Tokenizers

/// Counts of the whole input per tokenizer, computed once each: final counts, and the bounds
/// the planner ranks models with before deciding which to count exactly.
///
/// `prefetch` counts every tokenizer the catalog needs in one call to the counter, so work the
/// tokenizers share (one estimator pass for all the families estimated alike) is done once per
/// text; `count` then answers from the memo. `prefetchProvisional` asks for bounds made from the
/// `o200k_base` count (which `count` keeps per counted text), loading nothing new.
struct CountMemo {
    private var memo: [TokenizerID: TokenCount] = [:]
    private var provisional: [TokenizerID: ProvisionalCount] = [:]
    /// `o200k_base`'s count of each counted text, once known.
    private var referenceParts: [TokenCount]? = nil

    /// The input's count under `tokenizer`: its counted texts plus the chat overhead, reported
    /// under the name the counter answered with.
    mutating func count(_ input: PreparedInput, tokenizer: TokenizerID, counter: any TokenCounting) -> TokenCount {
        if let known = memo[tokenizer] { return known }
        let parts = input.countedTexts.map { counter.count($0, tokenizer: tokenizer) }
        if tokenizer == .o200kBase { referenceParts = parts }
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
        let perText = input.countedTexts.indices.map { index in
            counter.counts(input.countedTexts[index], tokenizers: missing, profile: input.profile(ofCountedText: index))
        }
        for tokenizer in missing {
            let parts = zip(input.countedTexts, perText).map { text, counts in
                counts[tokenizer] ?? counter.count(text, tokenizer: tokenizer)
            }
            memo[tokenizer] = TokenCount(summing: parts, plus: input.overheadTokens,
                                         tokenizer: parts.first?.tokenizer ?? tokenizer)
        }
    }

    /// Asks for a provisional count of every tokenizer of `tokenizers` not known yet, through
    /// `TokenCounting.provisionalCounts` with each text's `o200k_base` count (counted first if
    /// need be); final answers go straight into the memo.
    mutating func prefetchProvisional(_ input: PreparedInput, tokenizers: [TokenizerID], counter: any TokenCounting) {
        var missing: [TokenizerID] = []
        for tokenizer in tokenizers where memo[tokenizer] == nil && provisional[tokenizer] == nil
            && !missing.contains(tokenizer) {
            missing.append(tokenizer)
        }
        guard !missing.isEmpty else { return }
        if referenceParts == nil {
            memo[.o200kBase] = nil
            _ = count(input, tokenizer: .o200kBase, counter: counter)
        }
        let references = referenceParts ?? []
        let perText = zip(input.countedTexts.indices, references).map { index, reference in
            counter.provisionalCounts(input.countedTexts[index], tokenizers: missing, reference: reference,
                                      profile: input.profile(ofCountedText: index))
        }
        for tokenizer in missing {
            let parts = zip(input.countedTexts, perText).map { text, counts in
                counts[tokenizer] ?? ProvisionalCount(final: counter.count(text, tokenizer: tokenizer))
            }
            let total = ProvisionalCount(summing: parts, plus: input.overheadTokens,
                                         tokenizer: parts.first?.count.tokenizer ?? tokenizer)
            if total.isFinal { memo[tokenizer] = total.count } else { provisional[tokenizer] = total }
        }
    }

    /// The best count known for `tokenizer` without counting: the final one when counted, else
    /// its provisional count; `nil` when neither was asked for.
    func known(_ tokenizer: TokenizerID) -> ProvisionalCount? {
        if let final = memo[tokenizer] { return ProvisionalCount(final: final) }
        return provisional[tokenizer]
    }

    /// Whether `tokenizer`'s final count is known.
    func isFinal(_ tokenizer: TokenizerID) -> Bool { memo[tokenizer] != nil }
}
