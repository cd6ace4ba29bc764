import Foundation
import Testing
@testable import Routing

/// The rationale's numbers are written as `String(format: "%.Nf")` writes them.
@Suite struct FixedDecimalTests {
    @Test func equalsPrintfOnTiesAndOrdinaryValues() {
        var values: [Double] = [0, -0.0, 0.0625, 0.125, 0.1875, 0.5, 0.0005, 0.0015, 0.9995, 0.99951, 1, 0.3, 0.7,
                                0.2345, 0.6785, 12.5, 0.015625, 0.984375, -0.0004, -0.25, 123456.789]
        var rng = SplitMix64(seed: 7)
        for _ in 0..<20_000 { values.append(Double(rng.next() >> 11) / Double(1 << 53)) }
        for k in 0...4000 { values.append(Double(k) / 4000) ; values.append(Double(k) / 2048) }
        for x in values {
            for digits in [2, 3] {
                #expect(FixedDecimal.format(x, digits: digits) == String(format: "%.\(digits)f", x), "\(x)")
            }
        }
    }
}
