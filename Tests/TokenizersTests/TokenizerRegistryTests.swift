import Synchronization
import Testing
import Tokenizers

@Suite("Tokenizer registry")
struct TokenizerRegistryTests {
    static let fakeID: TokenizerID = "fake-words"

    /// The built-in tokenizers plus the fake one, registered through the protocol.
    static func registryWithFake(made: MakeCounter, directory: String? = TestEnvironment.vocabularyDirectory) -> TokenizerRegistry {
        let fake = TokenizerRegistration(id: fakeID, isExact: true, isAdvertised: true,
                                         specialTokenNames: ["<|fake|>"]) { _ in
            made.record()
            return FakeWordTokenizer(id: fakeID)
        }
        return TokenizerRegistry(vocabularyDirectory: directory, registrations: TokenizerRegistration.builtIn + [fake])
    }

    @Test("A fake tokenizer registered through the protocol counts, encodes and is listed like the built-in ones")
    func fakeTokenizerIsAPeer() throws {
        let made = MakeCounter()
        let registry = Self.registryWithFake(made: made)
        #expect(made.count == 0)
        let tokenizer = registry.tokenizer(for: Self.fakeID)
        #expect(tokenizer.count("one two  three") == .exact(3, tokenizer: Self.fakeID))
        #expect(tokenizer.encode("ab cd", allowedSpecial: .none) == [TokenSpan(id: 0, start: 0, end: 3), TokenSpan(id: 1, start: 3, end: 5)])
        #expect(registry.tokenizer(for: .o200kBase).count("one two  three").tokenizer == .o200kBase)
        _ = try registry.load(Self.fakeID)
        #expect(made.count == 1 && registry.isLoaded(Self.fakeID))
        let listed = registry.availableTokenizers
        #expect(listed.map(\.id) == [.o200kBase, .cl100kBase, .qwen35, .qwen2, .deepSeekV4, .tekken]
                + FamilyFactorTable.builtIn.map(\.id) + [Self.fakeID])
        #expect(listed.last == TokenizerAvailability(id: Self.fakeID, isExact: true))
    }

    @Test("A tokenizer that cannot be made is reported once and estimated with a range and a note naming the file")
    func failedLoadFallsBackToTheEstimator() throws {
        let failures = Mutex<[TokenizerID]>([])
        let broken = TokenizerRegistration(id: "broken", isExact: true, isAdvertised: true,
                                           estimatorCalibration: .cl100kBase) { _ throws(VocabularyError) in
            throw VocabularyError(path: "/nowhere/broken.tiktoken", description: "vocabulary file /nowhere/broken.tiktoken is missing")
        }
        let registry = TokenizerRegistry(vocabularyDirectory: nil, registrations: [broken],
                                         onLoadFailure: { id, _ in failures.withLock { $0.append(id) } })
        let first = registry.tokenizer(for: "broken").count("Hello, world")
        let second = registry.tokenizer(for: "broken").count("Hello, world")
        #expect(first == second)
        #expect(first.tokenizer == "broken" && !first.isExact)
        #expect(try #require(first.range).contains(first.tokens))
        #expect(first.note == "vocabulary-free estimate: vocabulary file /nowhere/broken.tiktoken is missing")
        #expect(first == registry.estimator(for: "broken", note: first.note!).count("Hello, world"))
        #expect(registry.estimator(for: "broken", note: "").calibration.encoding == .cl100kBase)
        #expect(failures.withLock { $0 } == ["broken"])
        #expect(throws: VocabularyError.self) { try registry.load("broken") }
        #expect(!registry.isLoaded("broken"))
        #expect(registry.availableTokenizers == [TokenizerAvailability(id: "broken", isExact: false)])
    }

    @Test("Without a models directory the exact encodings are listed as estimates and estimated")
    func noVocabularyDirectory() {
        let registry = TokenizerRegistry(vocabularyDirectory: nil)
        #expect(registry.availableTokenizers.allSatisfy { !$0.isExact })
        let count = registry.tokenizer(for: .o200kBase).count("Hello")
        #expect(!count.isExact && count.tokenizer == .o200kBase)
        #expect(count.note?.contains("no models/ directory was found") == true)
    }

    @Test("Names nothing is registered for are estimated under their own name")
    func unregisteredFamily() throws {
        let registry = TokenizerRegistry(vocabularyDirectory: nil)
        #expect(try registry.load("command-r") == nil)
        let count = registry.tokenizer(for: "command-r").count("Bonjour tout le monde")
        #expect(count.tokenizer == "command-r" && !count.isExact)
        #expect(count.note == "estimate: command-r has no public vocabulary")
        // A registered family without a models directory: its basis is estimated, and it says so.
        let claude = registry.tokenizer(for: "claude").count("Bonjour tout le monde")
        #expect(claude.tokenizer == "claude" && !claude.isExact && claude.basis?.encoding == .o200kBase)
        #expect(claude.note?.contains("the o200k_base count is itself estimated") == true)
        #expect(registry.tokenizer(for: .estimator).count("x").note == "vocabulary-free estimate (the model's tokenizer is unknown)")
    }

    @Test("A later registration with the same id replaces the earlier one")
    func laterRegistrationWins() {
        let registry = TokenizerRegistry(
            vocabularyDirectory: nil,
            registrations: TokenizerRegistration.builtIn + [
                TokenizerRegistration(id: .o200kBase, isExact: true, isAdvertised: true) { _ in FakeWordTokenizer(id: .o200kBase) }
            ])
        #expect(registry.registrations.map(\.id) == [.cl100kBase, .qwen35, .qwen2, .deepSeekV4, .tekken]
                + FamilyFactorTable.builtIn.map(\.id) + [.estimator, .o200kBase])
        #expect(registry.tokenizer(for: .o200kBase).count("a b c") == .exact(3, tokenizer: .o200kBase))
    }

    @Test("The BPE encodings loaded through the registry count exactly through the protocol")
    func encodingsThroughTheProtocol() throws {
        let tokenizer = try #require(try TestEnvironment.registry.load(.cl100kBase))
        #expect(tokenizer.isExact && tokenizer.id == .cl100kBase)
        #expect(tokenizer.count("Hello, 世界! Привет, мир. こんにちは") == .exact(16, tokenizer: .cl100kBase))
        #expect(tokenizer.encode("Hello", allowedSpecial: .none) == [TokenSpan(id: 9906, start: 0, end: 5)])
        #expect(tokenizer.specialTokenNames.contains("<|fim_prefix|>"))
    }
}
