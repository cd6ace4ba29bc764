import Foundation
import Testing
@testable import Advisor

@Suite struct PriceBandsTests {
    let bands = PriceBands.creditsGuide

    /// Same input and output price X per million: blended per 1K = X / 1000.
    func tier(_ perMillion: String) -> Tier {
        bands.tier(for: model(tier: nil, input: perMillion, output: perMillion))
    }

    @Test func upperBoundsAreInclusiveInDecimal() {
        #expect(tier("0.1") == .economy)
        #expect(tier("1") == .economy)            // exactly $0.001 per 1K
        #expect(tier("1.000001") == .standard)    // $0.000001000001 above it
        #expect(tier("10") == .standard)          // exactly $0.01
        #expect(tier("10.000001") == .premium)
        #expect(tier("150") == .premium)          // exactly $0.15
        #expect(tier("150.000001") == .frontier)
    }

    @Test func blendIsThreeInputToOneOutput() {
        let m = model(tier: nil, input: "0.5", output: "2.5")
        #expect(m.blendedPer1K == d("0.001"))     // (3 × 0.5 + 2.5) / 4 / 1000
        #expect(bands.tier(for: m) == .economy)
        let n = model(tier: nil, input: "0.5", output: "2.500004")
        #expect(bands.tier(for: n) == .standard)
    }

    @Test func multipliedOutComparisonAgreesWithTheBlendedPrice() {
        let prices = ["0", "0.05", "0.25", "0.999999", "1", "1.000001", "3", "9.99", "10", "10.01", "75",
                      "149.999", "150", "150.0001", "600"]
        for input in prices {
            for output in prices {
                let m = model(tier: nil, input: input, output: output)
                #expect(bands.tier(for: m) == bands.tier(forBlendedPer1K: m.blendedPer1K), "\(input)/\(output)")
            }
        }
    }

    @Test func catalogUsesExplicitTierBeforeBands() throws {
        let explicit = model("a", tier: .frontier, input: "0.1", output: "0.1")
        let banded = model("b", tier: nil, input: "20", output: "20")
        let catalog = try Catalog(version: CalendarDay("2026-11-20")!, source: "test", models: [explicit, banded])
        #expect(catalog.tier(of: explicit) == .frontier)
        #expect(catalog.tier(of: banded) == .premium)
        #expect(catalog.tierIsFromPriceBands(banded))
        #expect(catalog.models(in: .premium).map(\.id) == ["b"])
    }

    @Test func catalogTierBoundsDriveTheFallback() throws {
        let custom = [TierDefinition(tier: .economy, maxPer1K: d("0.0001")),
                      TierDefinition(tier: .standard, maxPer1K: nil)]
        let m = model(tier: nil, input: "0.2", output: "0.2")
        let catalog = try Catalog(version: CalendarDay("2026-11-20")!, source: "t", tiers: custom, models: [m])
        #expect(catalog.tier(of: m) == .standard)
    }
}
