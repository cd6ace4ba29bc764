import Tokenizers

/// A model's count for ranking it against the others of its tier: either the count pricing
/// would use (`isFinal`), or a bound made without loading the model's vocabulary.
///
/// The estimate planner ranks every eligible model but counts exactly only those whose cost
/// range can still win their tier (and the model it prices), so an estimate loads the
/// vocabularies it needs rather than every one the catalog names (docs/COSTS.md, "Whose tokens").
public struct ProvisionalCount: Sendable, Equatable {
    /// The count to report: the final one, or an estimate with `exact: false`, its range and basis.
    public let count: TokenCount
    /// The interval the final count's `tokens` is expected in (`count.tokens` alone when final).
    public let pointRange: ClosedRange<Int>
    /// Whether `count` is what `TokenCounting.count` returns (nothing left to load).
    public let isFinal: Bool

    /// The final count.
    public init(final count: TokenCount) {
        self.count = count
        self.pointRange = count.tokens...count.tokens
        self.isFinal = true
    }

    /// A bound: `count` reported if the model is never counted exactly, `pointRange` the interval
    /// its final `tokens` is expected in (it must contain `count.tokens`).
    public init(bound count: TokenCount, pointRange: ClosedRange<Int>) {
        self.count = count
        self.pointRange = min(pointRange.lowerBound, count.tokens)...max(pointRange.upperBound, count.tokens)
        self.isFinal = false
    }

    /// The total of one input's parts plus `overhead` tokens of framing (final only when every part is).
    init(summing parts: [ProvisionalCount], plus overhead: Int, tokenizer: TokenizerID) {
        let count = TokenCount(summing: parts.map(\.count), plus: overhead, tokenizer: tokenizer)
        if parts.allSatisfy(\.isFinal) {
            self.init(final: count)
        } else {
            let low = parts.reduce(overhead) { $0 + $1.pointRange.lowerBound }
            let high = parts.reduce(overhead) { $0 + $1.pointRange.upperBound }
            self.init(bound: count, pointRange: low...high)
        }
    }
}
