import Testing
@testable import Tokenizers

@Test func estimatorIntervalContainsPoint() {
    let e = VocabularyFreeEstimator.estimate("Hello, world! This is a test.")
    #expect(e.low <= e.tokens && e.tokens <= e.high)
    #expect(e.tokens > 0)
}
