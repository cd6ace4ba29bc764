extension TokenizerRegistration {
    /// Every tokenizer Preflight ships, in the order `initialize` lists them: the one place a
    /// new tokenizer is registered.
    ///
    /// Names not registered here (catalog families such as `claude`, `gemini`, `llama`) are
    /// still counted: `TokenizerRegistry.tokenizer(for:)` estimates them with the
    /// vocabulary-free estimator, saying they have no public vocabulary.
    public static let builtIn: [TokenizerRegistration] = [
        .bpe(.o200kBase),
        .bpe(.cl100kBase),
        .bpe(.qwen35),
        .bpe(.qwen2),
        .bpe(.deepSeekV4),
        .bpe(.tekken),
        TokenizerRegistration(id: .estimator, isExact: false, isAdvertised: false) { _ in
            VocabularyFreeEstimator(id: .estimator, note: "vocabulary-free estimate (the model's tokenizer is unknown)")
        },
    ]
}
