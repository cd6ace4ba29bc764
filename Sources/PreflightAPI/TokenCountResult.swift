/// `preflight/countTokens`'s result (and `preflight count --json`'s for one file):
/// `{tokens, tokenizer, exact, messageOverhead?, range?, basis?, notCounted?, note?, warnings, path?}`.
public struct TokenCountResult: Codable, Sendable, Equatable, WarningCarrying {
    /// The count (the point estimate when not exact), chat overhead included.
    public let tokens: Int
    /// What counted: the encoding or the family.
    public let tokenizer: String
    /// Whether the tokenizer's own vocabulary counted it.
    public let exact: Bool
    /// Chat framing tokens included in `tokens` (chats only).
    public let messageOverhead: Int?
    /// The interval when not exact.
    public let range: Interval<Int>?
    /// What the estimate was made from (exact encoding, its count, the factor); only when not exact.
    public let basis: EstimateBasisResult?
    /// Content parts that were not counted (chats only).
    public let notCounted: [String]?
    /// Why the count is an estimate.
    public let note: String?
    /// Parameters the server ignored.
    public var warnings: [ResultWarning]
    /// The file counted (`preflight count --json` only).
    public var path: String?

    /// Creates a result.
    public init(tokens: Int, tokenizer: String, exact: Bool, messageOverhead: Int? = nil, range: Interval<Int>?,
                basis: EstimateBasisResult? = nil,
                notCounted: [String]? = nil, note: String?, warnings: [ResultWarning] = [], path: String? = nil) {
        self.tokens = tokens
        self.tokenizer = tokenizer
        self.exact = exact
        self.messageOverhead = messageOverhead
        self.range = range
        self.basis = basis
        self.notCounted = notCounted
        self.note = note
        self.warnings = warnings
        self.path = path
    }
}
