import Testing
import Tokenizers
@testable import Advisor

@Suite struct InflationTests {
    let table = InflationTable.flores200

    func estimate(_ text: String, tokenizer: TokenizerID = .o200kBase) -> InflationEstimate {
        let profile = UnicodeScriptProfile(text)
        let weights = ScriptTokenSplit.weights(of: text, profile: profile, tokenizer: tokenizer, counter: WordCounter())
        let total = weights.values.reduce(0, +)
        let byScript = ScriptTokenSplit.split(total: total, weights: weights, fallback: profile.dominantScript)
        return InflationEstimate.estimate(text: text, profile: profile, byScript: byScript, tokenizer: tokenizer,
                                          table: table)
    }

    @Test func englishIsTheBaseline() {
        let e = estimate("The quick brown fox jumps over the lazy dog and runs into the forest.")
        #expect(e.factor == 1)
        #expect(e.dominantScript == .latin)
    }

    @Test func japaneseUsesTheCalibratedKanaFactor() {
        let e = estimate("これはテストです")
        let expected = (table.encodings["o200k_base"]![.hiragana]!.median * 100).rounded() / 100
        #expect(e.factor == expected)
        #expect(e.factor > 1.3)
        #expect(e.naiveEstimate == 2)
    }

    @Test func nonEnglishLatinTextUsesTheLatinMedian() {
        let e = estimate("Saya suka makan nasi goreng setiap pagi bersama keluarga saya di rumah")
        let expected = (table.encodings["o200k_base"]![.latin]!.median * 100).rounded() / 100
        #expect(e.factor == expected)
    }

    @Test func cl100kHasItsOwnTableAndFamiliesUseO200k() {
        #expect(table.encoding(for: "cl100k_base") == "cl100k_base")
        #expect(table.encoding(for: "claude") == "o200k_base")
        #expect(table.factor(for: .hangul, tokenizer: "cl100k_base") > table.factor(for: .hangul, tokenizer: "o200k_base"))
        #expect(table.factor(for: .common, tokenizer: "o200k_base") == 1)
        // A script FLORES lacks gets the all-language median.
        #expect(table.factor(for: .cherokee, tokenizer: "o200k_base") == table.encodings["o200k_base"]![.other]!.median)
    }

    @Test func splitIsExactAndDeterministic() {
        let split = ScriptTokenSplit.split(total: 10, weights: [.latin: 1, .han: 1, .arabic: 1], fallback: .common)
        #expect(split.values.reduce(0, +) == 10)
        #expect(split == [.arabic: 4, .han: 3, .latin: 3])   // the remainder goes by name
        #expect(ScriptTokenSplit.split(total: 5, weights: [:], fallback: .latin) == [.latin: 5])
        #expect(ScriptTokenSplit.split(total: 0, weights: [.latin: 3], fallback: .latin).isEmpty)
    }
}
