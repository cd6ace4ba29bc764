import Testing
import Tokenizers

@Suite("Token counts")
struct TokenCountSumTests {
    @Test("A sum is exact only when every part is, with summed ends and the parts' distinct notes")
    func summing() {
        let exact = TokenCount.exact(4, tokenizer: "t")
        let estimate = TokenCount.estimated(10, range: 8...13, tokenizer: "t", note: "b")
        let other = TokenCount.estimated(1, range: 1...2, tokenizer: "t", note: "a")
        #expect(TokenCount(summing: [exact, exact], plus: 3, tokenizer: "t") == .exact(11, tokenizer: "t"))
        let mixed = TokenCount(summing: [exact, estimate, other, estimate], plus: 3, tokenizer: "t")
        #expect(mixed == .estimated(28, range: 24...35, tokenizer: "t", note: "a; b"))
        #expect(TokenCount(summing: [], plus: 0, tokenizer: "t") == .exact(0, tokenizer: "t"))
    }

    @Test("A sum of vocabulary-free estimates keeps their basis (it was dropped, so chats and estimates lost it)")
    func summingVocabularyFreeEstimatesKeepsTheBasis() throws {
        func part(_ tokens: Int, _ range: ClosedRange<Int>) -> TokenCount {
            let count = TokenCount.estimated(tokens, range: range, tokenizer: "estimator", note: nil)
            return count.with(basis: EstimateBasis(
                encoding: .o200kBase, encodingTokens: nil, factor: 1,
                factorRange: (Double(range.lowerBound) / Double(tokens))...(Double(range.upperBound) / Double(tokens)),
                source: "vocabulary-free estimator"))
        }
        let sum = TokenCount(summing: [part(10, 8...13), part(30, 24...36)], plus: 0, tokenizer: "estimator")
        let basis = try #require(sum.basis)
        #expect(basis.encoding == .o200kBase && basis.encodingTokens == nil && basis.factor == 1)
        #expect(basis.factorRange == 0.8...1.225)   // 32/40 … 49/40
        // Different bases still give none.
        let other = part(5, 4...6).with(basis: EstimateBasis(encoding: .cl100kBase, encodingTokens: nil, factor: 1,
                                                             factorRange: 0.8...1.2, source: "vocabulary-free estimator"))
        #expect(TokenCount(summing: [part(10, 8...13), other], plus: 0, tokenizer: "estimator").basis == nil)
    }
}
