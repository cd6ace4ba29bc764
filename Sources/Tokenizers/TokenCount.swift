/// How many tokens a text is under one tokenizer: exact, or an estimate with the interval it is
/// expected to lie in and a note saying why it is not exact.
///
/// The one count result of the project: tokenizers return it, the count service returns it,
/// the advisor prices with it and the server writes it as `{tokens, tokenizer, exact, range?,
/// note?}`, so every layer speaks of a count the same way. An estimate always carries its range,
/// so a caller can never mistake an estimate for an exact figure.
public struct TokenCount: Sendable, Equatable {
    /// The count (the point estimate when not exact).
    public let tokens: Int
    /// What counted: the encoding (`o200k_base`) or the family (`claude`).
    public let tokenizer: TokenizerID
    /// The interval (inclusive) when the count is an estimate; `nil` when it is exact.
    public let range: ClosedRange<Int>?
    /// Why the count is not exact (or what it is based on), for people; `nil` when exact.
    public let note: String?
    /// The exact encoding and factor an estimate was made from; `nil` when exact (and for an
    /// estimate whose maker did not say).
    public let basis: EstimateBasis?

    /// An exact count, as the tokenizer the model really uses produces it.
    public static func exact(_ tokens: Int, tokenizer: TokenizerID) -> TokenCount {
        TokenCount(tokens: tokens, tokenizer: tokenizer, range: nil, note: nil, basis: nil)
    }

    /// An estimate; `range.contains(tokens)` is the caller's promise.
    public static func estimated(_ tokens: Int, range: ClosedRange<Int>, tokenizer: TokenizerID,
                                 note: String?, basis: EstimateBasis? = nil) -> TokenCount {
        TokenCount(tokens: tokens, tokenizer: tokenizer, range: range, note: note, basis: basis)
    }

    /// The same count with `basis` recorded (an estimate only; an exact count has none).
    public func with(basis: EstimateBasis?) -> TokenCount {
        TokenCount(tokens: tokens, tokenizer: tokenizer, range: range, note: note, basis: isExact ? nil : basis)
    }

    /// The total of several counts of one input's parts (a chat's roles, texts and names) plus
    /// `overhead` tokens of framing: exact only when every part is, its range the sum of the
    /// parts' ends, its note the parts' distinct notes sorted and joined by `; `, its basis the
    /// parts' bases summed when they share one.
    public init(summing parts: [TokenCount], plus overhead: Int, tokenizer: TokenizerID) {
        var tokens = overhead, low = overhead, high = overhead
        var exact = true
        var notes: Set<String> = []
        for part in parts {
            tokens += part.tokens
            low += part.low
            high += part.high
            exact = exact && part.isExact
            if let note = part.note { notes.insert(note) }
        }
        self.init(tokens: tokens, tokenizer: tokenizer, range: exact ? nil : low...high,
                  note: notes.isEmpty ? nil : notes.sorted().joined(separator: "; "),
                  basis: exact ? nil : EstimateBasis.summing(parts.filter { !$0.isExact }))
    }

    private init(tokens: Int, tokenizer: TokenizerID, range: ClosedRange<Int>?, note: String?, basis: EstimateBasis?) {
        self.tokens = tokens
        self.tokenizer = tokenizer
        self.range = range
        self.note = note
        self.basis = basis
    }

    /// Whether the model's own tokenizer produced the count (no range).
    public var isExact: Bool { range == nil }
    /// The low end of the interval (`tokens` when exact).
    public var low: Int { range?.lowerBound ?? tokens }
    /// The high end of the interval (`tokens` when exact).
    public var high: Int { range?.upperBound ?? tokens }
}
