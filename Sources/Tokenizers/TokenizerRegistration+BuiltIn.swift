extension TokenizerRegistration {
    /// Every tokenizer Preflight ships, in the order `initialize` lists them: the one place a
    /// new tokenizer is registered.
    ///
    /// The families without a usable public vocabulary (`claude`, `claude-4.7`, `gemini`, `grok`,
    /// `kimi`, `llama`, `llama-4`, and `qwen`, `mistral`, `deepseek` for models no source ties to
    /// their public vocabularies) follow the exact encodings, each estimated from one of them
    /// (`FamilyFactorTable.builtIn`). Names not registered at all are still counted:
    /// `TokenizerRegistry.tokenizer(for:)` estimates them with the vocabulary-free estimator.
    public static let builtIn: [TokenizerRegistration] = [
        .bpe(.o200kBase),
        .bpe(.cl100kBase),
        .bpe(.qwen35),
        .bpe(.qwen2),
        .bpe(.deepSeekV4),
        .bpe(.tekken),
    ] + FamilyFactorTable.builtIn.map(TokenizerRegistration.family) + [
        TokenizerRegistration(id: .estimator, isExact: false, isAdvertised: false) { _ in
            VocabularyFreeEstimator(id: .estimator, note: "vocabulary-free estimate (the model's tokenizer is unknown)")
        },
    ]
}
