import Foundation

/// Turns token counts into credits the way providers' bills do.
///
/// The rules (design brief, "Cost rules"; where LiteLLM differs, these win):
/// - cached-read and cache-write tokens are subsets of the input:
///   (input − cached − written) × input + cached × cached-input + written × cache-write;
/// - reasoning tokens are a subset of the output, billed at the reasoning price or, where the
///   model has none, at the output price;
/// - when the input has strictly more tokens than the model's long-context threshold, the
///   long-context prices apply to the whole request;
/// - a missing cached or cache-write price falls back to the input price (a projection never
///   undercounts); an explicit 0 is a real price;
/// - a model with tiered pricing is priced, every token of the request, at the tier its input
///   size selects (`TieredPricing`);
/// - `serviceTier` selects the model's batch/flex/priority prices; a model without them is
///   priced at standard with a note; a tier without a cache price of its own scales the
///   standard one by tier input ÷ standard input. Above the threshold, the tier's own
///   long-context prices apply, else the standard long-context prices with a note;
/// - above the threshold, a cache price without a long-context counterpart is the one below the
///   threshold scaled by long-context input ÷ input;
/// - above the threshold no kind of token costs less than it does below it (the higher of the
///   two prices), so a longer input never costs less — a tier's own prices can exceed the
///   standard long-context ones, and a price missing below the threshold falls back to the
///   input price while its long-context price is published.
/// Arithmetic is exact `Decimal`; the total is rounded half-even to 9 places at the end and the
/// parts apportioned to add up to it exactly (`CreditRounding.apportion`).
public struct CostModel: Sendable {
    /// Creates the cost model (it has no state; a type so callers can hold and inject it).
    public init() {}

    /// The prices in effect for one request: resolved from the model, service tier and input size.
    public struct EffectivePrices: Sendable, Equatable {
        /// Input price per million.
        public let input: Decimal
        /// Output price per million.
        public let output: Decimal
        /// Cache-read price per million (already fallen back to `input` when missing).
        public let cachedInput: Decimal
        /// Cache-write price per million (already fallen back to `input` when missing).
        public let cacheWrite: Decimal
        /// Reasoning price per million (already fallen back to `output` when missing).
        public let reasoning: Decimal
        /// The service tier actually used.
        public let serviceTier: ServiceTier
        /// Whether long-context prices were selected.
        public let longContext: Bool
        /// Why a fallback was taken, if one was.
        public let notes: [String]
    }

    /// The prices that apply to a request with `inputTokens` input tokens.
    public func effectivePrices(for model: CatalogModel, inputTokens: Int,
                                serviceTier: ServiceTier = .standard) -> EffectivePrices {
        var notes: [String] = []
        // Standard prices: the flat ones, or the tier of the model's tiered pricing that the
        // input size selects (every token of the request at that tier's prices).
        var standardInput = model.inputPerMillion, standardOutput = model.outputPerMillion
        var standardCached = model.cachedInputPerMillion, standardWrite = model.cacheWritePerMillion
        var standardReasoning = model.reasoningPerMillion
        if let tier = model.tieredPricing?.tier(forInput: inputTokens) {
            standardInput = tier.inputPerMillion
            standardCached = tier.cachedInputPerMillion
            standardWrite = tier.cacheWritePerMillion
            if let tierOutput = tier.outputPerMillion {
                standardOutput = tierOutput
                standardReasoning = tier.reasoningPerMillion
            } else {
                standardReasoning = tier.reasoningPerMillion ?? model.reasoningPerMillion
            }
        }

        var tierUsed = ServiceTier.standard
        var tierPrices: ServiceTierPricing? = nil
        if serviceTier != .standard {
            if let prices = model.serviceTiers[serviceTier] {
                tierUsed = serviceTier
                tierPrices = prices
            } else {
                notes.append("\(model.id) has no \(serviceTier.rawValue) prices; priced at standard")
            }
        }
        var input = standardInput, output = standardOutput
        var cached = standardCached, write = standardWrite, reasoning = standardReasoning
        if let tierPrices {
            input = tierPrices.inputPerMillion
            output = tierPrices.outputPerMillion
            // A tier without a cache price of its own discounts (or surcharges) cached tokens as
            // it does input: the standard cache price scaled by tier input ÷ standard input.
            cached = tierPrices.cachedInputPerMillion
                ?? CostModel.scaled(standardCached, by: tierPrices.inputPerMillion, over: standardInput)
            write = tierPrices.cacheWritePerMillion
                ?? CostModel.scaled(standardWrite, by: tierPrices.inputPerMillion, over: standardInput)
            reasoning = tierPrices.reasoningPerMillion
        }
        var isLong = false

        // The long-context prices that apply, with the below-threshold prices they belong to
        // (a cache price they lack is scaled from those).
        var longContext: (prices: LongContextPricing, input: Decimal, cached: Decimal?, write: Decimal?)? = nil
        if let tierLong = tierPrices?.longContext, inputTokens > tierLong.above {
            longContext = (tierLong, input, cached, write)
        } else if let standardLong = model.longContext, inputTokens > standardLong.above {
            longContext = (standardLong, standardInput, standardCached, standardWrite)
            if tierPrices != nil {
                notes.append("\(model.id) publishes no \(tierUsed.rawValue) long-context prices; "
                             + "standard long-context prices used")
            }
        }
        if let longContext {
            let lc = longContext.prices
            isLong = true
            // A long-context cache price the catalog lacks moves with the input price, as the
            // providers that publish both move them (Anthropic, Google): the cache price below
            // the threshold × long-context input ÷ input; with no cache price below the threshold
            // either, the long-context input price.
            let longCached = lc.cachedInputPerMillion
                ?? CostModel.scaled(longContext.cached, by: lc.inputPerMillion, over: longContext.input) ?? lc.inputPerMillion
            let longWrite = lc.cacheWritePerMillion
                ?? CostModel.scaled(longContext.write, by: lc.inputPerMillion, over: longContext.input) ?? lc.inputPerMillion
            // Never below the price the same kind of token has under the threshold, so a longer
            // input never costs less: a service tier without long-context prices of its own gets
            // the standard ones (priority's own can be higher), and a price missing under the
            // threshold falls back to the input price while the long-context one is published
            // (LiteLLM's flex tiers: a long-context cached price without a short one).
            let shortCached = cached ?? input, shortWrite = write ?? input, shortReasoning = reasoning ?? output
            input = max(lc.inputPerMillion, input)
            output = max(lc.outputPerMillion, max(output, shortReasoning))
            cached = max(longCached, shortCached)
            write = max(longWrite, shortWrite)
            reasoning = nil  // reasoning is output: billed at the long-context output price
        }
        return EffectivePrices(input: input, output: output, cachedInput: cached ?? input,
                               cacheWrite: write ?? input, reasoning: reasoning ?? output,
                               serviceTier: tierUsed, longContext: isLong, notes: notes)
    }

    /// `price × numerator ÷ denominator`, multiplied before dividing so the result is exact in
    /// `Decimal` whenever it has a finite decimal expansion within Decimal's 38 digits (any
    /// catalog's prices: 0.03 × 0.03 ÷ 1.25 is 0.00072, where doubles give 0.0007199999999999999).
    /// `nil` when there is no price to scale or the denominator is 0 (no ratio to scale by).
    static func scaled(_ price: Decimal?, by numerator: Decimal, over denominator: Decimal) -> Decimal? {
        guard let price, denominator != 0 else { return nil }
        return price * numerator / denominator
    }

    /// Prices `usage` on `model`.
    ///
    /// - Throws: `CostModelError` when a count is negative, cached + written tokens exceed the
    ///   input, or reasoning tokens exceed the output.
    public func price(_ usage: TokenUsage, on model: CatalogModel,
                      serviceTier: ServiceTier = .standard) throws -> CostBreakdown {
        try CostModel.validate(usage)
        let prices = effectivePrices(for: model, inputTokens: usage.input, serviceTier: serviceTier)
        let uncached = usage.input - usage.cachedInput - usage.cacheWrite
        let input = CreditRounding.cost(tokens: uncached, pricePerMillion: prices.input)
        let cached = CreditRounding.cost(tokens: usage.cachedInput, pricePerMillion: prices.cachedInput)
        let write = CreditRounding.cost(tokens: usage.cacheWrite, pricePerMillion: prices.cacheWrite)
        let output = CreditRounding.cost(tokens: usage.output - usage.reasoning, pricePerMillion: prices.output)
        let reasoning = CreditRounding.cost(tokens: usage.reasoning, pricePerMillion: prices.reasoning)
        let total = input + cached + write + output + reasoning
        let reported = CreditRounding.apportion([input, cached, write, output, reasoning])
        return CostBreakdown(
            credits: reported.total, input: reported.parts[0], cachedInput: reported.parts[1],
            cacheWrite: reported.parts[2], output: reported.parts[3], reasoning: reported.parts[4],
            exactCredits: total, usage: usage, serviceTier: prices.serviceTier,
            longContext: prices.longContext, notes: prices.notes)
    }

    private static func validate(_ usage: TokenUsage) throws {
        let counts: [(String, Int)] = [("inputTokens", usage.input), ("cachedInputTokens", usage.cachedInput),
                                       ("cacheWriteTokens", usage.cacheWrite), ("outputTokens", usage.output),
                                       ("reasoningTokens", usage.reasoning)]
        for (field, value) in counts where value < 0 {
            throw CostModelError(field: field, message: "must not be negative, got \(value)")
        }
        if usage.cachedInput > usage.input {
            throw CostModelError(field: "cachedInputTokens",
                                 message: "\(usage.cachedInput) cached tokens exceed the \(usage.input) input tokens")
        }
        if usage.cachedInput + usage.cacheWrite > usage.input {
            throw CostModelError(field: "cacheWriteTokens",
                                 message: "cached (\(usage.cachedInput)) + cache-write (\(usage.cacheWrite)) tokens "
                                     + "exceed the \(usage.input) input tokens")
        }
        if usage.reasoning > usage.output {
            throw CostModelError(field: "reasoningTokens",
                                 message: "\(usage.reasoning) reasoning tokens exceed the \(usage.output) output tokens")
        }
    }
}
