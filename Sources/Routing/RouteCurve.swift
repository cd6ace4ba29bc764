/// The routing metrics of `route-eval`'s `curve`: route prompts to the strong model in order of
/// decreasing score and follow accuracy as the strong share grows.
public struct RouteCurve: Sendable, Equatable {
    /// Rows.
    public let n: Int
    /// Accuracy of the weak model alone.
    public let weakAccuracy: Double
    /// Accuracy of the strong model alone.
    public let strongAccuracy: Double
    /// Area under accuracy vs strong share, normalised: 0 weak alone, 1 strong alone, ~0.5 random.
    public let apgr: Double
    /// Strong share recovering 50 % of the gap.
    public let cpt50: Double
    /// Strong share recovering 80 % of the gap.
    public let cpt80: Double
    /// Strong share reaching 95 % of the strong model's accuracy.
    public let at95: Double

    /// The curve of `scores` over rows with outcomes `weak` and `strong` (same length). Ties keep
    /// row order (route-eval breaks them at random; scores here are continuous).
    public init(weak: [Double], strong: [Double], scores: [Double]) {
        n = weak.count
        precondition(n > 0 && strong.count == n && scores.count == n)
        let order = scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
        let count = Double(n)
        weakAccuracy = weak.reduce(0, +) / count
        strongAccuracy = strong.reduce(0, +) / count
        var accuracy = [weakAccuracy]
        accuracy.reserveCapacity(n + 1)
        var sum = weakAccuracy * count
        for i in order {
            sum += strong[i] - weak[i]
            accuracy.append(sum / count)
        }
        var area = 0.0
        for j in 0..<n { area += (accuracy[j] + accuracy[j + 1]) / 2 / count }
        let gap = strongAccuracy - weakAccuracy
        apgr = gap != 0 ? (area - weakAccuracy) / gap : .nan
        func share(_ target: Double) -> Double {
            for (k, a) in accuracy.enumerated() where a >= target - 1e-12 { return Double(k) / count }
            return 1
        }
        cpt50 = share(weakAccuracy + 0.5 * gap)
        cpt80 = share(weakAccuracy + 0.8 * gap)
        at95 = share(0.95 * strongAccuracy)
    }
}
