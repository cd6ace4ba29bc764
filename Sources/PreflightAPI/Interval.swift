/// `{low, high}`: the interval of an estimated count (`Interval<Int>`) or of a cost
/// (`Interval<CreditAmount>`), one shape wherever a range is reported, so clients read every
/// range the same way.
public struct Interval<Bound: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    /// Low end.
    public let low: Bound
    /// High end.
    public let high: Bound

    /// Creates an interval.
    public init(low: Bound, high: Bound) {
        self.low = low
        self.high = high
    }
}
