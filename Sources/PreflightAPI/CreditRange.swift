/// `{low, high}` in credits: the interval around a point cost.
public struct CreditRange: Codable, Sendable, Equatable {
    /// Low end.
    public let low: CreditAmount
    /// High end.
    public let high: CreditAmount

    /// Creates a range.
    public init(low: CreditAmount, high: CreditAmount) {
        self.low = low
        self.high = high
    }
}
