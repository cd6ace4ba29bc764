import Testing
@testable import Tokenizers

@Suite("Vocabulary-free estimator")
struct EstimatorTests {
    /// The estimator standing in for `name`, calibrated for it.
    static func estimator(_ name: TokenizerID) -> VocabularyFreeEstimator {
        TestEnvironment.registry.estimator(for: name, note: "test estimate")
    }

    @Test func estimatorIntervalContainsPoint() {
        let e = VocabularyFreeEstimator(id: "family", note: "test").count("Hello, world! This is a test.")
        #expect(e.low <= e.tokens && e.tokens <= e.high)
        #expect(e.tokens > 0 && !e.isExact && e.tokenizer == "family" && e.note == "test")
    }

    @Test("Empty text is zero tokens; any text at least one", arguments: TestEnvironment.encodings)
    func bounds(_ name: TokenizerID) {
        #expect(Self.estimator(name).count("") == .estimated(0, range: 0...0, tokenizer: name, note: "test estimate"))
        let one = Self.estimator(name).count(".")
        #expect(one.tokens >= 1 && one.low >= 1 && one.low <= one.tokens && one.tokens <= one.high)
    }

    @Test("Each encoding's estimate uses that encoding's calibration", arguments: TestEnvironment.encodings)
    func calibrationPerEncoding(_ name: TokenizerID) {
        #expect(Self.estimator(name).calibration.encoding == name)
        #expect(Self.estimator(name).encode("text", allowedSpecial: .none) == nil)
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

    @Test("On the fixture's FLORES lines the estimate is close to tiktoken's count", arguments: TestEnvironment.encodings)
    func calibrated(_ name: TokenizerID) {
        var errors: [Double] = []
        var inside = 0
        for row in TiktokenFixture.shared.rows where row.source.hasPrefix("flores200-dev/") {
            guard let truth = row.counts[name] else { continue }
            let e = Self.estimator(name).count(row.text)
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
