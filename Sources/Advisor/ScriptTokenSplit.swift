import Tokenizers

/// Splits a token total over scripts, so `tokens.byScript` always sums to `tokens.input`.
///
/// Each script run is counted on its own with the model's tokenizer; those per-script counts
/// are the weights. The total (which also holds chat overhead and tokens that merge across run
/// boundaries) is shared out in proportion by the largest-remainder method, ties broken by
/// script name, so the split is deterministic and exact.
///
/// Two shortcuts keep a long prompt from being counted twice: text in one script needs no
/// weights (it all goes to that script), and above `exactWeightLimit` bytes the runs are weighed
/// by the vocabulary-free estimator (one cheap pass) instead of the model's tokenizer; the split
/// still sums to the exact total.
public enum ScriptTokenSplit {
    /// Texts up to this many UTF-8 bytes are weighed with the model's own tokenizer.
    public static let exactWeightLimit = 1 << 20

    /// Per-script weights for `text` under `tokenizer`, counted run by run.
    public static func weights(of text: String, profile: UnicodeScriptProfile, tokenizer: TokenizerID,
                               counter: any TokenCounting) -> [UnicodeScript: Int] {
        let scripts = Set(profile.runs.map(\.script))
        if scripts.count <= 1 { return scripts.first.map { [$0: 1] } ?? [:] }
        let estimator = text.utf8.count > exactWeightLimit
            ? VocabularyFreeEstimator(id: .estimator, note: nil) : nil
        var weights: [UnicodeScript: Int] = [:]
        for run in profile.runs {
            let piece = String(text[run.range])
            let tokens = estimator?.count(piece, allowedSpecial: .none).tokens
                ?? counter.count(piece, tokenizer: tokenizer).tokens
            weights[run.script, default: 0] += tokens
        }
        return weights
    }

    /// `total` shared out in proportion to `weights`; all of it goes to `fallback` when the
    /// weights are all zero.
    public static func split(total: Int, weights: [UnicodeScript: Int],
                             fallback: UnicodeScript) -> [UnicodeScript: Int] {
        let positive = weights.filter { $0.value > 0 }
        let sum = positive.values.reduce(0, +)
        guard total > 0 else { return [:] }
        guard sum > 0 else { return [fallback: total] }
        var result: [UnicodeScript: Int] = [:]
        var remainders: [(UnicodeScript, Int)] = []
        var assigned = 0
        for (script, weight) in positive {
            let product = total * weight
            result[script] = product / sum
            assigned += product / sum
            remainders.append((script, product % sum))
        }
        remainders.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        var left = total - assigned
        var i = 0
        while left > 0 {
            result[remainders[i % remainders.count].0, default: 0] += 1
            left -= 1
            i += 1
        }
        return result.filter { $0.value > 0 }
    }
}
