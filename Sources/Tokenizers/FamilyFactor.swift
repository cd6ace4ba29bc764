/// How many tokens a family's tokenizer makes per token of a public exact encoding, for one
/// script: a point factor and the interval the source supports.
public struct FamilyFactor: Sendable, Equatable {
    /// The factor used for the point estimate.
    public let factor: Double
    /// The lowest factor the source supports.
    public let low: Double
    /// The highest factor the source supports.
    public let high: Double

    /// Creates a factor; `low <= factor <= high` is the caller's promise (the table test checks it).
    public init(_ factor: Double, low: Double, high: Double) {
        self.factor = factor
        self.low = low
        self.high = high
    }
}
