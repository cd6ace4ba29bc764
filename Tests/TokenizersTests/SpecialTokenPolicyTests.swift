import Testing
import Tokenizers

/// Special tokens count as ordinary text unless allowed; the expected ids are tiktoken 0.14.0's
/// `encode(text, allowed_special=..., disallowed_special=())`.
@Suite("Special-token policy")
struct SpecialTokenPolicyTests {
    struct Case: Sendable {
        let encoding: TokenizerID
        let text: String
        let none: [Int]
        let all: [Int]
        let endOfTextOnly: [Int]
    }

    static let cases: [Case] = [
        Case(encoding: .o200kBase, text: "<|endoftext|>",
             none: [27, 91, 419, 1440, 919, 91, 29], all: [199_999], endOfTextOnly: [199_999]),
        Case(encoding: .o200kBase, text: "a   <|endoftext|>  b",
             none: [64, 256, 464, 91, 419, 1440, 919, 91, 29, 220, 287], all: [64, 271, 199_999, 220, 287],
             endOfTextOnly: [64, 271, 199_999, 220, 287]),
        Case(encoding: .o200kBase, text: "Hi<|endoftext|><|endofprompt|>!",
             none: [12194, 27, 91, 419, 1440, 919, 91, 3784, 91, 419, 1440, 82467, 91, 29, 0],
             all: [12194, 199_999, 200_018, 0],
             endOfTextOnly: [12194, 199_999, 27, 91, 419, 1440, 82467, 91, 29, 0]),
        Case(encoding: .cl100kBase, text: "<|endoftext|>",
             none: [27, 91, 8862, 728, 428, 91, 29], all: [100_257], endOfTextOnly: [100_257]),
        Case(encoding: .cl100kBase, text: "a   <|endoftext|>  b",
             none: [64, 256, 83739, 8862, 728, 428, 91, 29, 220, 293], all: [64, 262, 100_257, 220, 293],
             endOfTextOnly: [64, 262, 100_257, 220, 293]),
        Case(encoding: .cl100kBase, text: "<|fim_prefix|>def f():<|fim_suffix|>",
             none: [27, 91, 69, 318, 14301, 91, 29, 755, 282, 4658, 27, 91, 69, 318, 38251, 91, 29],
             all: [100_258, 755, 282, 4658, 100_260],
             endOfTextOnly: [27, 91, 69, 318, 14301, 91, 29, 755, 282, 4658, 27, 91, 69, 318, 38251, 91, 29]),
    ]

    @Test("Ids under each policy match tiktoken", arguments: cases)
    func ids(_ testCase: Case) throws {
        let encoding = try TestEnvironment.encoding(testCase.encoding)
        let policies: [(SpecialTokenPolicy, [Int])] = [
            (.none, testCase.none), (.all, testCase.all), (.only(["<|endoftext|>"]), testCase.endOfTextOnly),
        ]
        for (policy, expected) in policies {
            #expect(encoding.spans(of: testCase.text, allowedSpecial: policy).map(\.id) == expected, "\(policy)")
            #expect(encoding.tokenCount(of: testCase.text, allowedSpecial: policy) == expected.count, "\(policy)")
        }
    }

    @Test("The default policy is .none", arguments: TestEnvironment.encodings)
    func defaultIsNone(_ name: TokenizerID) throws {
        let encoding = try TestEnvironment.encoding(name)
        for special in encoding.specialTokenNames {
            #expect(encoding.tokenCount(of: special) == encoding.tokenCount(of: special, allowedSpecial: .none))
            #expect(encoding.tokenCount(of: special) > 1)
            #expect(encoding.tokenCount(of: special, allowedSpecial: .all) == 1)
            #expect(encoding.tokenCount(of: special, allowedSpecial: .only([special])) == 1)
        }
    }

    @Test("Unknown names in .only are ignored")
    func unknownNamesIgnored() throws {
        let encoding = try TestEnvironment.encoding(.o200kBase)
        let text = "x<|fim_prefix|>y"  // not an o200k special token
        #expect(encoding.tokenCount(of: text, allowedSpecial: .only(["<|fim_prefix|>"])) == encoding.tokenCount(of: text))
    }

    @Test("Special-token spans carry their byte offsets")
    func specialSpans() throws {
        let encoding = try TestEnvironment.encoding(.o200kBase)
        let spans = encoding.spans(of: "é<|endoftext|>", allowedSpecial: .all)
        #expect(spans.last == TokenSpan(id: 199_999, start: 2, end: 15))
    }

    @Test("Special token names are tiktoken's", arguments: TestEnvironment.encodings)
    func names(_ name: TokenizerID) throws {
        let names = try TestEnvironment.encoding(name).specialTokenNames
        #expect(names.contains("<|endoftext|>") && names.contains("<|endofprompt|>"))
        #expect(names.count == (name == .o200kBase ? 2 : 5))
    }
}
