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
    /// Whether `contextWindow` is the provider's figure. LiteLLM lists some per-token entries
    /// (`azure/eu/gpt-4.1`) without `max_input_tokens`/`max_tokens`; they load with
    /// `contextWindow` = `CatalogModel.unknownContextWindow`, so every fit check passes, and the
    /// estimate says the check was skipped.
    public private(set) var contextWindowIsKnown: Bool = true

    /// The context window recorded for a model whose window is unknown: large enough that no
    /// prompt fails a fit check against it, small enough that `window - tokens` cannot overflow.
    public static let unknownContextWindow = 1 << 40

    /// Prices by input size (LiteLLM's `tiered_pricing`): when present, the tier chosen by the
    /// request's input size replaces the flat prices above, which then hold the first tier's
    /// prices for listings and price bands.
    public let tieredPricing: TieredPricing?

    /// Creates a model entry.
    public init(id: String, provider: String, tier: Tier?, tokenizer: TokenizerID, contextWindow: Int,
                maxOutputTokens: Int?, inputPerMillion: Decimal, outputPerMillion: Decimal,
                cachedInputPerMillion: Decimal? = nil, cacheWritePerMillion: Decimal? = nil,
                reasoningPerMillion: Decimal? = nil, reasoning: Bool = false,
                longContext: LongContextPricing? = nil,
                serviceTiers: [ServiceTier: ServiceTierPricing] = [:], deprecationDate: String? = nil,
                tieredPricing: TieredPricing? = nil) {
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
        self.tieredPricing = tieredPricing
    }

    /// The same model with its context window marked unknown (`unknownContextWindow`).
    public func withUnknownContextWindow() -> CatalogModel {
        var copy = CatalogModel(id: id, provider: provider, tier: tier, tokenizer: tokenizer,
                                contextWindow: CatalogModel.unknownContextWindow, maxOutputTokens: maxOutputTokens,
                                inputPerMillion: inputPerMillion, outputPerMillion: outputPerMillion,
                                cachedInputPerMillion: cachedInputPerMillion, cacheWritePerMillion: cacheWritePerMillion,
                                reasoningPerMillion: reasoningPerMillion, reasoning: reasoning, longContext: longContext,
                                serviceTiers: serviceTiers, deprecationDate: deprecationDate,
                                tieredPricing: tieredPricing)
        copy.contextWindowIsKnown = false
        return copy
    }

    /// Whether both per-token prices are zero: LiteLLM's free tiers and LoRA placeholders. Such
    /// a model is never recommended unless named or allowed (`RoutingConstraints.allowZeroPriced`),
    /// since a "cheapest" zero price says nothing about what the request will cost.
    public var isZeroPriced: Bool { inputPerMillion == 0 && outputPerMillion == 0 }

    /// The blended price per 1K tokens (3 parts input to 1 part output), the figure the credits
    /// guide's price bands are stated in.
    public var blendedPer1K: Decimal {
        (inputPerMillion * 3 + outputPerMillion) / 4 / 1000
    }
}
