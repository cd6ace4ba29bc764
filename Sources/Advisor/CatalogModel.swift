import Foundation
import Tokenizers

/// One model in the catalog: what it is, what it can take, and what it charges.
///
/// Prices are per million tokens in credits (USD) as exact decimals. `nil` for an optional
/// price means the provider publishes no separate price (the cost model then falls back as the
/// brief's cost rules say); `0` is a real price.
public struct CatalogModel: Sendable, Equatable {
    /// The id callers pass as `model` (unique in a catalog).
    public let id: String
    /// Who serves it (`openai`, `anthropic`, `google`, `together_ai`, …).
    public let provider: String
    /// The capability class set for this model; `nil` lets the price bands decide.
    public let tier: Tier?
    /// The encoding (`o200k_base`, `qwen2`, `tekken`, …) or estimated family (`claude-4.7`,
    /// `gemini`, …) that counts this model's tokens: a family name given to `init` is resolved
    /// for this model by `ModelTokenizerRules` (`qwen` for Qwen3 becomes `qwen2`).
    public let tokenizer: TokenizerID
    /// The maximum input the model accepts, in tokens.
    public let contextWindow: Int
    /// The maximum output per request, in tokens, where known.
    public let maxOutputTokens: Int?
    /// Input price per million tokens.
    public let inputPerMillion: Decimal
    /// Output price per million tokens.
    public let outputPerMillion: Decimal
    /// Cache-read input price; `nil` falls back to the input price.
    public let cachedInputPerMillion: Decimal?
    /// Cache-write input price; `nil` falls back to the input price.
    public let cacheWritePerMillion: Decimal?
    /// Reasoning-token price; `nil` means reasoning is billed as output.
    public let reasoningPerMillion: Decimal?
    /// Whether the model spends hidden reasoning tokens (constraint `requireReasoning`).
    public let reasoning: Bool
    /// Prices for requests above a long-context threshold.
    public let longContext: LongContextPricing?
    /// Prices per non-standard service tier; empty when the provider has none.
    public let serviceTiers: [ServiceTier: ServiceTierPricing]
    /// The date the provider retires the model (`YYYY-MM-DD`), where announced.
    public let deprecationDate: String?

    /// Creates a model entry.
    public init(id: String, provider: String, tier: Tier?, tokenizer: TokenizerID, contextWindow: Int,
                maxOutputTokens: Int?, inputPerMillion: Decimal, outputPerMillion: Decimal,
                cachedInputPerMillion: Decimal? = nil, cacheWritePerMillion: Decimal? = nil,
                reasoningPerMillion: Decimal? = nil, reasoning: Bool = false,
                longContext: LongContextPricing? = nil,
                serviceTiers: [ServiceTier: ServiceTierPricing] = [:], deprecationDate: String? = nil) {
        self.id = id
        self.provider = provider
        self.tier = tier
        // A family name (`qwen`, `claude`, …) becomes this model's own tokenizer here, so every
        // catalog — curated, LiteLLM, layered — resolves per model by the same documented rules.
        self.tokenizer = ModelTokenizerRules.resolve(tokenizer, provider: provider, model: id)
        self.contextWindow = contextWindow
        self.maxOutputTokens = maxOutputTokens
        self.inputPerMillion = inputPerMillion
        self.outputPerMillion = outputPerMillion
        self.cachedInputPerMillion = cachedInputPerMillion
        self.cacheWritePerMillion = cacheWritePerMillion
        self.reasoningPerMillion = reasoningPerMillion
        self.reasoning = reasoning
        self.longContext = longContext
        self.serviceTiers = serviceTiers
        self.deprecationDate = deprecationDate
    }

    /// The blended price per 1K tokens (3 parts input to 1 part output), the figure the credits
    /// guide's price bands are stated in.
    public var blendedPer1K: Decimal {
        (inputPerMillion * 3 + outputPerMillion) / 4 / 1000
    }
}
