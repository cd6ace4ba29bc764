import Testing
import Tokenizers

/// The measured ratios to o200k_base that let the planner rank models without loading their
/// vocabularies (`VocabularyRatioTable`, `ReferenceRatioEstimate`).
@Suite("Vocabulary ratios")
struct VocabularyRatioTests {
    @Test("Every exact vocabulary but o200k_base has a table, each ratio inside its interval")
    func tables() {
        let measured = VocabularyRatioTable.builtIn.map(\.vocabulary)
        #expect(Set(measured) == [.cl100kBase, .qwen35, .qwen2, .deepSeekV4, .tekken])
        for table in VocabularyRatioTable.builtIn {
            for (script, ratio) in table.byScript.map({ ($0.key.rawValue, $0.value) }) + [("default", table.defaultRatio)] {
                #expect(ratio.low <= ratio.ratio && ratio.ratio <= ratio.high, "\(table.vocabulary) \(script)")
                #expect(ratio.low > 0)
            }
            #expect(table.byScript[.latin] != nil)
        }
    }

    @Test("A run of digits widens the interval to the digit rule")
    func digits() throws {
        let qwen = try #require(VocabularyRatioTable.table(for: .qwen2))
        let words = qwen.ratio(for: UnicodeScriptProfile("order number"), hasDigits: false)
        let withDigits = qwen.ratio(for: UnicodeScriptProfile("order number 48213"), hasDigits: true)
        #expect(withDigits.high >= 3 && withDigits.low <= min(1, words.low))
        #expect(qwen.ratio(for: UnicodeScriptProfile("12 + 34"), hasDigits: false) == qwen.defaultRatio)
    }

    @Test("On the committed fixture's FLORES dev sentences, each exact count lies in its estimate's range",
          arguments: TestEnvironment.familyEncodings)
    func fixtureCountsLieInTheRange(_ name: TokenizerID) throws {
        let o200k = try TestEnvironment.encoding(.o200kBase)
        let ratios = try #require(VocabularyRatioTable.table(for: name))
        var outside: [String] = []
        var checked = 0
        for row in FamilyFixture.shared.rows where row.source.hasPrefix("flores200-dev/") {
            guard let expected = row.counts[name] else { continue }
            let estimate = ReferenceRatioEstimate(text: row.text, reference: o200k.tokenCount(of: row.text),
                                                  tokenizer: name, ratios: ratios)
            checked += 1
            #expect(estimate.pointRange.contains(estimate.count.tokens))
            #expect(!estimate.count.isExact && estimate.count.basis?.encoding == .o200kBase)
            if !estimate.count.range!.contains(expected) { outside.append("\(row.source): \(expected) ∉ \(estimate.count.range!)") }
        }
        #expect(checked >= 200)
        #expect(outside.isEmpty, "\(outside.joined(separator: "\n"))")
    }

    @Test("A family on an unloaded basis: the family's factors widen the range, the point range stays inside it")
    func family() throws {
        let mistral = try #require(FamilyFactorTable.builtIn.first { $0.id == "mistral" })
        let ratios = try #require(VocabularyRatioTable.table(for: mistral.basis))
        let estimate = ReferenceRatioEstimate(text: "Summarise this email in three bullet points.", reference: 9,
                                              tokenizer: "mistral", ratios: ratios, family: mistral)
        #expect(estimate.count.tokenizer == "mistral" && !estimate.count.isExact)
        let range = try #require(estimate.count.range)
        #expect(range.lowerBound <= estimate.pointRange.lowerBound && estimate.pointRange.upperBound <= range.upperBound)
        #expect(estimate.count.basis?.source.contains("vocabulary-ratios.json: tekken × models/calibration/family-factors.json: mistral") == true)
    }
}

@Suite("Registry loading state")
struct RegistryLoadingStateTests {
    @Test("needsLoading follows a family to its basis, and loadedTokenizers lists what was made")
    func loadingState() throws {
        let registry = TokenizerRegistry(vocabularyDirectory: TestEnvironment.vocabularyDirectory)
        #expect(registry.loadedTokenizers.isEmpty)
        #expect(registry.needsLoading(.tekken) && registry.needsLoading("mistral") && registry.needsLoading("claude"))
        #expect(!registry.needsLoading("no-such-family") && !registry.needsLoading(.estimator))
        _ = try registry.load(.o200kBase)
        #expect(!registry.needsLoading("claude"), "claude is counted on o200k_base, now loaded")
        #expect(registry.needsLoading("mistral"))
        _ = registry.tokenizer(for: "mistral")
        #expect(registry.loadedTokenizers == [.o200kBase, .tekken, "mistral"])
        #expect(!registry.needsLoading(.tekken))
    }
}
