import Foundation
import Testing
import Tokenizers
@testable import Advisor

@Suite struct CatalogTests {
    let version = CalendarDay("2026-11-20")!

    @Test func duplicateIDsAreRejected() {
        let error = #expect(throws: CatalogValidationError.self) {
            try Catalog(version: version, source: "t",
                        models: [model("x", input: "1", output: "1"), model("x", input: "2", output: "2")])
        }
        #expect(error?.modelID == "x")
        #expect(error?.field == "id")
    }

    @Test func negativePricesAreRejectedNamingTheField() {
        let error = #expect(throws: CatalogValidationError.self) {
            try Catalog(version: version, source: "t", models: [model("y", input: "1", output: "1", cached: "-0.1")])
        }
        #expect(error?.modelID == "y")
        #expect(error?.field == "cachedInputPerMillion")
        let tierError = #expect(throws: CatalogValidationError.self) {
            try Catalog(version: version, source: "t", models: [model("z", input: "1", output: "1", serviceTiers: [
                .batch: ServiceTierPricing(inputPerMillion: d("0.5"), outputPerMillion: d("-1")),
            ])])
        }
        #expect(tierError?.field == "serviceTiers.batch.outputPerMillion")
    }

    @Test func impossibleLimitsAreRejected() {
        let error = #expect(throws: CatalogValidationError.self) {
            try Catalog(version: version, source: "t", models: [model("w", context: 0, input: "1", output: "1")])
        }
        #expect(error?.field == "contextWindow")
        let tiers = #expect(throws: CatalogValidationError.self) {
            try Catalog(version: version, source: "t",
                        tiers: [TierDefinition(tier: .economy, maxPer1K: nil), TierDefinition(tier: .economy, maxPer1K: nil)],
                        models: [])
        }
        #expect(tiers?.field == "tiers")
    }

    @Test func familyNamesResolvePerModel() throws {
        // Both Qwen vocabularies in one catalog, from the one family name; an unsourced
        // generation stays the family's estimate; encodings are kept as given.
        let catalog = try Catalog(version: version, source: "t", models: [
            model("fireworks_ai/qwen3-235b-a22b-instruct-2507", tokenizer: "qwen", input: "1", output: "1"),
            model("Qwen/Qwen3.6-27B", tokenizer: "qwen", input: "1", output: "1"),
            model("together_ai/Qwen/Qwen3.7-Max", tokenizer: "qwen", input: "1", output: "1"),
            model("claude-opus-4-7", tokenizer: "claude", input: "1", output: "1"),
            model("qwen3-on-o200k", tokenizer: .o200kBase, input: "1", output: "1"),
        ])
        #expect(catalog.models.map(\.tokenizer) == [.qwen2, .qwen35, "qwen", "claude-4.7", .o200kBase])
    }

    @Test func lookupByID() throws {
        let catalog = try Catalog(version: version, source: "t", models: [model("a", input: "1", output: "1")])
        #expect(catalog.model(id: "a")?.id == "a")
        #expect(catalog.model(id: "b") == nil)
    }

    @Test func staleStrictlyAfterNinetyDays() throws {
        let catalog = try Catalog(version: version, source: "t", models: [])
        let day90 = try #require(catalog.staleness(today: CalendarDay("2027-02-18")!))
        #expect(day90.ageInDays == 90)
        #expect(!day90.isStale)
        let day91 = try #require(catalog.staleness(today: CalendarDay("2027-02-19")!))
        #expect(day91.ageInDays == 91)
        #expect(day91.isStale)
        #expect(catalog.staleness(today: version)?.isStale == false)
    }

    @Test func calendarDaysParseStrictlyAndRoundTrip() {
        #expect(CalendarDay("2026-02-30") == nil)
        #expect(CalendarDay("2026-13-01") == nil)
        #expect(CalendarDay("26-11-20") == nil)
        #expect(CalendarDay("2024-02-29") != nil)
        #expect(CalendarDay("2025-02-29") == nil)
        let day = CalendarDay("2026-11-20")!
        #expect(CalendarDay(dayNumber: day.dayNumber) == day)
        #expect(CalendarDay("1970-01-01")!.dayNumber == 0)
        #expect(CalendarDay("2000-03-01")!.dayNumber == 11_017)
        #expect(day.description == "2026-11-20")
        #expect(CalendarDay(unixTime: 1_795_132_800) == day)          // 2026-11-20T00:00:00Z
        #expect(CalendarDay(unixTime: 1_795_132_799) == CalendarDay("2026-11-19"))
        #expect(CalendarDay(unixTime: -1) == CalendarDay("1969-12-31"))
    }
}
