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
}
