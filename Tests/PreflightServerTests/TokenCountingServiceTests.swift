import Advisor
import Foundation
import Testing
import Tokenizers
@testable import PreflightServer

/// A tokenizer registered only in these tests: one token per space-separated word.
private struct SpaceWordTokenizer: Tokenizer {
    let id: TokenizerID
    var isExact: Bool { true }
    var specialTokenNames: [String] { [] }

    func count(_ text: String, allowedSpecial: SpecialTokenPolicy) -> TokenCount {
        .exact(text.split(separator: " ").count, tokenizer: id)
    }

    func encode(_ text: String, allowedSpecial: SpecialTokenPolicy) -> [TokenSpan]? { nil }
}

@Suite struct TokenCountingServiceTests {
    static let wordsID: TokenizerID = "space-words"

    static func service() -> TokenCountingService {
        let words = TokenizerRegistration(id: wordsID, isExact: true, isAdvertised: true,
                                          estimatorCalibration: .cl100kBase) { _ in SpaceWordTokenizer(id: wordsID) }
        return TokenCountingService(registry: TokenizerRegistry(vocabularyDirectory: nil,
                                                                registrations: TokenizerRegistration.builtIn + [words]))
    }

    @Test func aRegisteredFakeTokenizerIsCountedByTheServiceAndTheAdvisorSeam() {
        let service = Self.service()
        #expect(service.count("a b c d", tokenizer: Self.wordsID, mode: .exact) == .exact(4, tokenizer: Self.wordsID))
        let seam: any TokenCounting = service
        #expect(seam.count("a b c d", tokenizer: Self.wordsID) == .exact(4, tokenizer: Self.wordsID))
        #expect(service.availableTokenizers.last == TokenizerAvailability(id: Self.wordsID, isExact: true))
    }

    @Test func estimateModeUsesTheVocabularyFreeEstimatorCalibratedForTheTokenizer() {
        let service = Self.service()
        let estimate = service.count("a b c d", tokenizer: Self.wordsID, mode: .estimate)
        #expect(!estimate.isExact && estimate.tokenizer == Self.wordsID)
        #expect(estimate.note == "vocabulary-free estimate (mode \"estimate\")")
        let vocabularyFree = VocabularyFreeEstimator(id: Self.wordsID, calibration: .cl100kBase, note: estimate.note).count("a b c d")
        #expect(estimate.tokens == vocabularyFree.tokens && estimate.range == vocabularyFree.range)
        // Its basis names the calibration, with no exact count behind it.
        #expect(estimate.basis?.encoding == .cl100kBase && estimate.basis?.encodingTokens == nil)
        // A family counts its basis encoding's vocabulary-free estimate in estimate mode (this
        // registry has no vocabularies, so the exact mode falls back to the same).
        let family = service.count("x y", tokenizer: "claude", mode: .estimate)
        #expect(family.tokens == service.count("x y", tokenizer: "claude", mode: .exact).tokens)
        #expect(!family.isExact && family.basis?.encoding == .o200kBase)
    }

    @Test func parameterValidationFollowsTheBuiltInRegistrations() {
        #expect(TokenCountingService.tokenizerNames == ["o200k_base", "cl100k_base", "qwen3.5", "qwen2", "deepseek-v4", "tekken",
                                                        "claude", "claude-4.7", "gemini", "grok", "kimi", "llama", "llama-4",
                                                        "qwen", "mistral", "deepseek"])
        #expect(TokenCountingService.specialTokenNames(of: .o200kBase) == ["<|endoftext|>", "<|endofprompt|>"])
        #expect(TokenCountingService.specialTokenNames(of: "claude") == nil)
        #expect(TokenCountingService.specialTokenNames(of: .estimator) == nil)
    }

    @Test func aBatchCountGivesWhatCountingOneByOneGives() {
        let service = Self.service()
        let text = "Summarise: 会议改到周二。 Meeting moved to Tuesday."
        let ids: [TokenizerID] = [Self.wordsID, "claude", "gemini", "llama", "claude"]
        let batch = service.counts(text, tokenizers: ids)
        #expect(batch.count == 4)
        for id in ids { #expect(batch[id] == service.count(text, tokenizer: id), "\(id)") }
        #expect(batch["gemini"]?.tokenizer == "gemini" && batch["gemini"]?.note?.contains("gemini") == true)
    }
}
