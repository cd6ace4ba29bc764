import JSON
import Advisor

/// `tokens` of an estimate: the input count under the chosen model's tokenizer.
public struct InputTokensResult: Codable, Sendable, Equatable {
    /// Input tokens, chat overhead included.
    public let input: Int
    /// What counted them.
    public let tokenizer: String
    /// Whether the model's own tokenizer counted them exactly.
    public let exact: Bool
    /// `input` split over scripts, names sorted.
    public let byScript: OrderedObject<Int>
    /// Chat framing tokens included in `input`.
    public let messageOverhead: Int
    /// The interval, present only when not exact.
    public let range: Interval<Int>?
    /// Content parts that were not counted, present only when there are some.
    public let notCounted: [String]?
    /// What the estimate was made from (exact encoding, its count, the factor); only when not exact.
    public let basis: EstimateBasisResult?

    /// The report of `tokens`.
    public init(_ tokens: InputTokens) {
        input = tokens.input
        tokenizer = tokens.tokenizer.name
        exact = tokens.exact
        byScript = OrderedObject(tokens.byScript.keys.sorted().map { ($0.rawValue, tokens.byScript[$0]!) })
        messageOverhead = tokens.messageOverhead
        range = tokens.exact ? nil : Interval(low: tokens.low, high: tokens.high)
        notCounted = tokens.uncountedParts.isEmpty ? nil : tokens.uncountedParts
        basis = tokens.basis.map(EstimateBasisResult.init)
    }
}
