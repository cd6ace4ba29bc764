import Foundation
import Tokenizers
@testable import Advisor

/// An exact decimal from its literal text (never via Double).
func d(_ text: String) -> Decimal { Decimal(string: text, locale: nil)! }

/// A minimal model for pricing tests: prices per million as decimal strings.
func model(_ id: String = "m", tier: Tier? = .standard, tokenizer: TokenizerID = .o200kBase, provider: String = "p",
           context: Int = 1_000_000, maxOutput: Int? = nil, input: String, output: String,
           cached: String? = nil, write: String? = nil, reasoningPrice: String? = nil, reasoning: Bool = false,
           longContext: LongContextPricing? = nil,
           serviceTiers: [ServiceTier: ServiceTierPricing] = [:]) -> CatalogModel {
    CatalogModel(id: id, provider: provider, tier: tier, tokenizer: tokenizer, contextWindow: context,
                 maxOutputTokens: maxOutput, inputPerMillion: d(input), outputPerMillion: d(output),
                 cachedInputPerMillion: cached.map(d), cacheWritePerMillion: write.map(d),
                 reasoningPerMillion: reasoningPrice.map(d), reasoning: reasoning, longContext: longContext,
                 serviceTiers: serviceTiers)
}

/// A deterministic counter for tests: one token per whitespace-separated word, one per CJK or
/// kana scalar; the family `fam` counts double and is not exact (±25 %).
struct WordCounter: TokenCounting {
    func count(_ text: String, tokenizer: TokenizerID) -> TokenCount {
        var tokens = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if (0x3040...0x30FF).contains(v) || (0x4E00...0x9FFF).contains(v) {
                tokens += 1
                inWord = false
            } else if scalar.properties.isWhitespace {
                inWord = false
            } else if !inWord {
                tokens += 1
                inWord = true
            }
        }
        if tokenizer == "fam" {
            let doubled = tokens * 2
            return .estimated(doubled, range: doubled * 3 / 4...doubled * 5 / 4, tokenizer: "fam", note: nil,
                              basis: EstimateBasis(encoding: .o200kBase, encodingTokens: tokens, factor: 2,
                                                   factorRange: 1.5...2.5, source: "test"))
        }
        return .exact(tokens, tokenizer: tokenizer)
    }
}

/// A scorer that always suggests one tier, so planner tests choose the tier they exercise (the
/// real router is tested with the planner in RoutingTests).
struct FixedScorer: ComplexityScoring {
    var tier: Tier = .economy
    var confidence = 0.9

    func assess(_ text: String, inputTokens: Int) -> ComplexityAssessment {
        ComplexityAssessment(score: Double(tier.rank) / 4 + 0.1, dimensions: [:], signals: [], suggestedTier: tier,
                             confidence: confidence, rationale: "fixed \(tier.rawValue) for the test")
    }
}
