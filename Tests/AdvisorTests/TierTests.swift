import Testing
@testable import Advisor

@Test func tiersAreOrderedByCapability() {
    #expect(Tier.economy < Tier.standard)
    #expect(Tier.premium < Tier.frontier)
    #expect(Tier.allCases.map(\.rawValue) == ["economy", "standard", "premium", "frontier"])
}
