import Foundation

/// The low and high ends of a cost estimate, in credits.
public struct CostRange: Sendable, Equatable {
    /// The cost if the request comes out at the short end (rounded to 9 places).
    public let low: Decimal
    /// The cost if it comes out at the long end (rounded to 9 places).
    public let high: Decimal

    /// Creates a range.
    public init(low: Decimal, high: Decimal) {
        self.low = low
        self.high = high
    }
}

/// What a request costs, part by part, as `preflight/estimate` reports it in `cost`.
///
/// `credits` is the exact total rounded half-even to 9 decimal places; the parts are rounded to
/// 9 places so that they add up to `credits` exactly, each within a nano-credit of its exact value
/// (`CreditRounding.apportion`).
public struct CostBreakdown: Sendable, Equatable {
    /// The total, equal to input + cachedInput + cacheWrite + output + reasoning.
    public let credits: Decimal
    /// Uncached, unwritten input tokens at the input price.
    public let input: Decimal
    /// Cache-read tokens at the cached-input price.
    public let cachedInput: Decimal
    /// Cache-write tokens at the cache-write price.
    public let cacheWrite: Decimal
    /// Non-reasoning output tokens at the output price.
    public let output: Decimal
    /// Reasoning tokens at the reasoning price (or the output price).
    public let reasoning: Decimal
    /// The exact, unrounded total, for callers that add requests up.
    public let exactCredits: Decimal
    /// The usage that was priced.
    public let usage: TokenUsage
    /// All output tokens priced (reasoning included), reported as `cost.outputTokens`.
    public var outputTokens: Int { usage.output }
    /// The service tier whose prices were used (`standard` when the model lacks the one asked for).
    public let serviceTier: ServiceTier
    /// Whether the long-context prices applied.
    public let longContext: Bool
    /// The spread of the estimate; equal to `credits` at both ends until a range is attached.
    public let range: CostRange
    /// Fallbacks a person should know about (a missing service tier, an assumed price).
    public let notes: [String]

    /// Creates a breakdown; the cost model is the producer.
    public init(credits: Decimal, input: Decimal, cachedInput: Decimal, cacheWrite: Decimal,
                output: Decimal, reasoning: Decimal, exactCredits: Decimal, usage: TokenUsage,
                serviceTier: ServiceTier, longContext: Bool, range: CostRange? = nil, notes: [String] = []) {
        self.credits = credits
        self.input = input
        self.cachedInput = cachedInput
        self.cacheWrite = cacheWrite
        self.output = output
        self.reasoning = reasoning
        self.exactCredits = exactCredits
        self.usage = usage
        self.serviceTier = serviceTier
        self.longContext = longContext
        self.range = range ?? CostRange(low: credits, high: credits)
        self.notes = notes
    }

    /// The same breakdown with `range` attached.
    public func with(range: CostRange) -> CostBreakdown {
        CostBreakdown(credits: credits, input: input, cachedInput: cachedInput, cacheWrite: cacheWrite,
                      output: output, reasoning: reasoning, exactCredits: exactCredits, usage: usage,
                      serviceTier: serviceTier, longContext: longContext, range: range, notes: notes)
    }
}
