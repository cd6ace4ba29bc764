import Testing
@testable import Tokenizers

@Suite("Vocabulary-free estimator")
struct EstimatorTests {
    @Test func estimatorIntervalContainsPoint() {
        let e = VocabularyFreeEstimator.estimate("Hello, world! This is a test.")
        #expect(e.low <= e.tokens && e.tokens <= e.high)
        #expect(e.tokens > 0)
    }

    @Test("Empty text is zero tokens; any text at least one", arguments: EncodingName.allCases)
    func bounds(_ name: EncodingName) {
        #expect(VocabularyFreeEstimator.estimate("", for: name) == TokenEstimate(tokens: 0, low: 0, high: 0))
        let one = VocabularyFreeEstimator.estimate(".", for: name)
        #expect(one.tokens >= 1 && one.low >= 1 && one.low <= one.tokens && one.tokens <= one.high)
    }

    @Test("Scalars fall in the expected classes")
    func classes() {
        func name(_ s: Unicode.Scalar) -> String {
            VocabularyFreeEstimator.classNames[VocabularyFreeEstimator.classOf(s.value)]
        }
        #expect(name("a") == "asciiLetter" && name("7") == "asciiDigit" && name(" ") == "asciiSpace")
        #expect(name("!") == "asciiPunctuation" && name("é") == "latinExtended" && name("\u{301}") == "combiningMark")
        #expect(name("ж") == "cyrillic" && name("ب") == "arabic" && name("क") == "devanagari")
        #expect(name("中") == "han" && name("こ") == "kana" && name("한") == "hangul" && name("ก") == "thai")
        #expect(name("😀") == "emoji" && name("\u{10FFFF}") == "other")
    }

    @Test("On the fixture's FLORES lines the estimate is close to tiktoken's count", arguments: EncodingName.allCases)
    func calibrated(_ name: EncodingName) {
        var errors: [Double] = []
        var inside = 0
        for row in TiktokenFixture.shared.rows where row.source.hasPrefix("flores200-dev/") {
            guard let truth = row.counts[name] else { continue }
            let e = VocabularyFreeEstimator.estimate(row.text, for: name)
            errors.append(abs(Double(e.tokens - truth)) / Double(truth))
            if e.low <= truth && truth <= e.high { inside += 1 }
        }
        errors.sort()
        #expect(errors.count == 204)
        // Whole-corpus figures: median 9.9% (o200k) / 8.3% (cl100k); 90% of lines inside the interval.
        #expect(errors[errors.count / 2] < 0.15, "median relative error \(errors[errors.count / 2])")
        #expect(Double(inside) / Double(errors.count) > 0.8, "\(inside) of \(errors.count) inside the interval")
    }
}
