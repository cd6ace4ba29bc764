import Testing
import Tokenizers

/// What distinguishes the open families' encodings: names, laziness, ids, added and special
/// tokens (expected ids from the official libraries).
@Suite("Open family encodings")
struct FamilyEncodingTests {
    @Test("The four encodings are registered by name, exact and advertised")
    func registered() {
        let names = TokenizerRegistration.builtIn.filter { $0.isAdvertised && $0.isExact }.map(\.id)
        #expect(names == [.o200kBase, .cl100kBase, .qwen35, .qwen2, .deepSeekV4, .tekken])
        for name in TestEnvironment.familyEncodings {
            let registration = TokenizerRegistration.builtIn.first { $0.id == name }
            #expect(registration?.isExact == true && registration?.vocabularyFiles == ["\(name.name).tiktoken"])
        }
        let available = TokenizerRegistry(vocabularyDirectory: TestEnvironment.vocabularyDirectory).availableTokenizers
        // Only the estimated families (which carry their factors) are not exact.
        #expect(available.filter { !$0.isExact }.allSatisfy { $0.familyFactors != nil })
        #expect(available.filter(\.isExact).map(\.id) == [.o200kBase, .cl100kBase, .qwen35, .qwen2, .deepSeekV4, .tekken])
    }

    @Test("Vocabularies load lazily: only the one used is made")
    func lazy() throws {
        let registry = TokenizerRegistry(vocabularyDirectory: TestEnvironment.vocabularyDirectory)
        _ = registry.availableTokenizers
        let loadedBefore = TokenizerRegistration.builtIn.map(\.id).filter { registry.isLoaded($0) }
        #expect(loadedBefore.isEmpty)
        #expect(registry.tokenizer(for: .tekken).count("Hello").isExact)
        let loadedAfter = TokenizerRegistration.builtIn.map(\.id).filter { registry.isLoaded($0) }
        #expect(loadedAfter == [.tekken])
    }

    @Test("Vocabulary sizes are the issue's")
    func sizes() throws {
        #expect(try TestEnvironment.encoding(.qwen35).ordinaryTokenCount == 248_044)
        #expect(try TestEnvironment.encoding(.qwen2).ordinaryTokenCount == 151_643)
        #expect(try TestEnvironment.encoding(.deepSeekV4).ordinaryTokenCount == 127_997)  // ids 3…127,999
        #expect(try TestEnvironment.encoding(.tekken).ordinaryTokenCount == 130_072)
    }

    @Test("Tekken ids are ranks + 1,000 (its special tokens come first)")
    func tekkenIDs() throws {
        let tekken = try TestEnvironment.encoding(.tekken)
        #expect(tekken.spans(of: "!") == [TokenSpan(id: 1_033, start: 0, end: 1)])
        #expect(tekken.spans(of: "<|endoftext|>").map(\.id) == [1060, 1124, 1474, 2935, 2149, 1124, 1062])
        #expect(tekken.specialTokenNames.isEmpty)
    }

    @Test("DeepSeek V4: non-special added tokens are always one token; special ones only when allowed")
    func deepSeekAddedTokens() throws {
        let deepSeek = try TestEnvironment.encoding(.deepSeekV4)
        #expect(deepSeek.spans(of: "<think>reasoning</think>answer").map(\.id) == [128_821, 86_512, 288, 128_822, 19_995])
        #expect(deepSeek.specialTokenNames.count == 1_230 && !deepSeek.specialTokenNames.contains("<think>"))
        let bos = "<｜begin▁of▁sentence｜>"
        #expect(deepSeek.tokenCount(of: bos) == 12)
        #expect(deepSeek.spans(of: bos, allowedSpecial: .all) == [TokenSpan(id: 0, start: 0, end: bos.utf8.count)])
        #expect(deepSeek.tokenCount(of: bos + "<｜User｜>", allowedSpecial: .only([bos])) == 2)
        #expect(deepSeek.tokenCount(of: "｜DSML｜｜DSML｜") == 2)
    }

    @Test("Qwen: special-token text is text unless allowed", arguments: [(TokenizerID.qwen2, 151_644), (.qwen35, 248_045)])
    func qwenSpecials(_ name: TokenizerID, _ imStart: Int) throws {
        let qwen = try TestEnvironment.encoding(name)
        #expect(qwen.tokenCount(of: "<|im_start|>") == 6)
        #expect(qwen.spans(of: "<|im_start|>", allowedSpecial: .only(["<|im_start|>"])).map(\.id) == [imStart])
        #expect(qwen.specialTokenNames.first == "<|endoftext|>")
    }

    @Test("Empty text has no tokens", arguments: TestEnvironment.familyEncodings)
    func emptyText(_ name: TokenizerID) throws {
        let encoding = try TestEnvironment.encoding(name)
        let spans = encoding.spans(of: "")
        #expect(encoding.tokenCount(of: "") == 0 && spans.isEmpty)
    }
}
