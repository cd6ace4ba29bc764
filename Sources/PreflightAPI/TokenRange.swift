/// `{low, high}`: the interval of an estimated count or cost, one shape wherever a range is
/// reported, so clients read every range the same way.
public struct TokenRange: Codable, Sendable, Equatable {
    /// Low end.
    public let low: Int
    /// High end.
    public let high: Int

    /// Creates a range.
    public init(low: Int, high: Int) {
        self.low = low
        self.high = high
    }
}
