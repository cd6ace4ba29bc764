import Foundation
import Tokenizers

/// Produces everything `preflight/estimate` returns: tokens, inflation, complexity, the
/// recommended (or requested) model, its cost with a range, and a quote per tier.
///
/// Every model is priced with its own tokenizer's count (a Claude model with the `claude`
/// family's count, an OpenAI model with `o200k_base`'s), so tiers compare like for like.
/// Recommendation: the scorer's suggested tier, clamped into `minTier…maxTier`; the model of
/// that tier with the lowest projected cost for this prompt that passes the provider/reasoning
/// constraints and whose context window holds the input plus the projected output; if none
/// fits, the next tier up, then (as a last resort) the tiers below. Ties in price go to the
/// model listed first in the catalog. The scorer is injected (the server passes the calibrated
/// router of the `Routing` module), so the planner holds no scoring model of its own.
public struct EstimatePlanner: Sendable {
    /// The models to choose from.
    public let catalog: Catalog
    /// Counts tokens per tokenizer.
    public let counter: any TokenCounting
    /// Per-script inflation factors.
    public let inflationTable: InflationTable
    /// Scores complexity and suggests a tier.
    public let scorer: any ComplexityScoring
    /// Prices token usage.
    public let costModel: CostModel
    /// Chat framing overhead.
    public let overhead: MessageOverhead

    /// Creates a planner.
    public init(catalog: Catalog, counter: any TokenCounting, scorer: any ComplexityScoring,
                inflationTable: InflationTable = .flores200, costModel: CostModel = CostModel(),
                overhead: MessageOverhead = .openAI) {
        self.catalog = catalog
        self.counter = counter
        self.inflationTable = inflationTable
        self.scorer = scorer
        self.costModel = costModel
        self.overhead = overhead
    }

    /// Estimates `request`.
    ///
    /// - Throws: `EstimateError` for an unknown model (field `model`), negative or inconsistent
    ///   token counts (the field named), empty `messages`, or when no model satisfies the
    ///   constraints (code `.noModelFits`); `CancellationError` when `isCancelled` turns true
    ///   (polled before each model is priced, so between the counts of a long prompt under
    ///   each tokenizer).
    public func estimate(_ request: EstimateRequest, isCancelled: () -> Bool = { false }) throws -> Estimate {
        try validate(request)
        let prepared = try PreparedInput(request.input, overhead: overhead)
        var counts = CountMemo()
        let referenceCount = counts.count(prepared, tokenizer: .o200kBase, counter: counter)
        let assessment = scorer.assess(prepared.allText, inputTokens: referenceCount.tokens)

        var quotes: [Tier: Candidate] = [:]
        var quoteReasons: [Tier: String] = [:]
        var quoteCauses: [Tier: EstimateError.NoFitCause] = [:]
        for tier in Tier.allCases {
            var best: Candidate? = nil
            var rejections: [(reason: String, cause: EstimateError.NoFitCause)] = []
            for model in catalog.models(in: tier) where request.constraints.admits(model) {
                if isCancelled() { throw CancellationError() }
                let candidate = self.candidate(model, request: request, prepared: prepared, counts: &counts)
                if let reason = candidate.unfit, let cause = candidate.unfitCause {
                    rejections.append((reason, cause))
                    continue
                }
                if best == nil || candidate.breakdown.exactCredits < best!.breakdown.exactCredits {
                    best = candidate
                }
            }
            if let best {
                quotes[tier] = best
            } else {
                quoteReasons[tier] = rejections.first.map { "no \(tier.rawValue) model fits: \($0.reason)" }
                    ?? "no \(tier.rawValue) model passes the provider/reasoning constraints"
                quoteCauses[tier] = rejections.first?.cause ?? .constraints
            }
        }

        let chosen: CatalogModel
        let recommendation: Recommendation
        var warnings: [String] = []
        if let id = request.model {
            guard let model = catalog.model(id: id) else {
                throw EstimateError(field: "model", code: .invalidParams, message: "unknown model \"\(id)\"")
            }
            chosen = model
            let tier = catalog.tier(of: model)
            recommendation = Recommendation(
                tier: tier, model: model.id, confidence: assessment.confidence,
                reason: "requested model (\(tier.rawValue) tier); the \(assessment.rationale)")
        } else {
            let (model, tier, reason, confidence) = try recommend(assessment: assessment, quotes: quotes,
                                                                   reasons: quoteReasons, causes: quoteCauses,
                                                                   request: request)
            chosen = model
            recommendation = Recommendation(tier: tier, model: model.id, confidence: confidence, reason: reason)
        }

        let final = candidate(chosen, request: request, prepared: prepared, counts: &counts)
        if let unfit = final.unfit { warnings.append(unfit) }
        let count = final.count
        if request.cachedInputTokens + request.cacheWriteTokens > count.tokens {
            let field = request.cachedInputTokens > count.tokens ? "cachedInputTokens" : "cacheWriteTokens"
            throw EstimateError(field: field, code: .invalidParams,
                                message: "cached (\(request.cachedInputTokens)) + cache-write "
                                    + "(\(request.cacheWriteTokens)) tokens exceed the \(count.tokens) input tokens "
                                    + "counted for \(chosen.id)")
        }
        let point: CostBreakdown
        do {
            point = try costModel.price(usage(request, input: count.tokens, output: final.output.point),
                                        on: chosen, serviceTier: request.serviceTier)
        } catch let error as CostModelError {
            throw EstimateError(field: error.field, code: .invalidParams, message: error.message)
        }
        let lowCost = (try? costModel.price(usage(request, input: count.low, output: final.output.low),
                                            on: chosen, serviceTier: request.serviceTier))?.credits ?? point.credits
        let highCost = (try? costModel.price(usage(request, input: count.high, output: final.output.high),
                                             on: chosen, serviceTier: request.serviceTier))?.credits ?? point.credits
        let cost = point.with(range: CostRange(low: min(lowCost, point.credits), high: max(highCost, point.credits)))
        warnings.append(contentsOf: cost.notes)
        if let date = chosen.deprecationDate {
            warnings.append("\(chosen.id) is scheduled for deprecation on \(date)")
        }
        if !prepared.uncounted.isEmpty {
            warnings.append("not counted (not text): " + prepared.uncounted.joined(separator: ", "))
        }

        let profile = UnicodeScriptProfile(prepared.allText)
        let weights = ScriptTokenSplit.weights(of: prepared.allText, profile: profile,
                                               tokenizer: chosen.tokenizer, counter: counter)
        let byScript = ScriptTokenSplit.split(total: count.tokens, weights: weights,
                                              fallback: profile.dominantScript)
        let inflation = InflationEstimate.estimate(text: prepared.allText, profile: profile, byScript: byScript,
                                                   tokenizer: count.tokenizer, table: inflationTable)
        let tokens = InputTokens(input: count.tokens, tokenizer: count.tokenizer, exact: count.isExact,
                                 byScript: byScript, low: count.low, high: count.high,
                                 messageOverhead: prepared.overheadTokens, uncountedParts: prepared.uncounted)
        let tiers = Tier.allCases.map { tier -> TierQuote in
            if let quote = quotes[tier] {
                return TierQuote(tier: tier, model: quote.model.id, credits: quote.breakdown.credits,
                                 inputTokens: quote.count.tokens, reason: nil)
            }
            return TierQuote(tier: tier, model: nil, credits: nil, inputTokens: nil, reason: quoteReasons[tier])
        }
        return Estimate(tokens: tokens, inflation: inflation, complexity: assessment,
                        recommendation: recommendation, cost: cost, tiers: tiers,
                        outputProjection: final.output.projection, model: chosen, warnings: warnings)
    }

    // MARK: - Recommendation

    private func recommend(assessment: ComplexityAssessment, quotes: [Tier: Candidate], reasons: [Tier: String],
                           causes: [Tier: EstimateError.NoFitCause], request: EstimateRequest) throws -> (CatalogModel, Tier, String, Double) {
        let lower = request.constraints.minTier ?? .economy
        let upper = request.constraints.maxTier ?? .frontier
        let suggested = assessment.suggestedTier
        let start = min(max(suggested, lower), upper)
        let all = Tier.allCases
        let upward = all.filter { $0 >= start && $0 <= upper }
        let downward = all.filter { $0 < start && $0 >= lower }.reversed()
        for tier in upward + downward {
            guard let quote = quotes[tier] else { continue }
            var parts = ["\(suggested.rawValue): \(assessment.rationale)"]
            if start != suggested {
                parts.append("constraints move the tier from \(suggested.rawValue) to \(start.rawValue)")
            }
            if tier > start {
                parts.append((reasons[start] ?? "no \(start.rawValue) model fits") + ", so \(tier.rawValue)")
            } else if tier < start {
                parts.append("no model at or above \(start.rawValue) fits within the constraints; "
                             + "\(tier.rawValue) is the most capable that does")
            }
            parts.append("\(quote.model.id) is the cheapest \(tier.rawValue) model for this prompt whose context "
                         + "window holds its \(quote.count.tokens) input and \(quote.breakdown.outputTokens) output "
                         + "tokens (\(quote.breakdown.credits) credits)")
            let confidence = tier < start ? (assessment.confidence * 50).rounded() / 100 : assessment.confidence
            return (quote.model, tier, parts.joined(separator: "; "), confidence)
        }
        let considered = Array(upward + downward)
        let detail = considered.compactMap { reasons[$0] }.joined(separator: "; ")
        let tierCauses = considered.compactMap { causes[$0] }
        let cause: EstimateError.NoFitCause = tierCauses.contains(.inputExceedsContextWindow) ? .inputExceedsContextWindow
            : tierCauses.contains(.outputExceedsMaximum) ? .outputExceedsMaximum : .constraints
        throw EstimateError(field: "constraints", code: .noModelFits,
                            message: "no catalog model between \(lower.rawValue) and \(upper.rawValue) satisfies "
                                + "the request" + (detail.isEmpty ? "" : ": \(detail)"), noFitCause: cause)
    }

    // MARK: - Pricing candidates

    private struct OutputPlan {
        let point: Int, low: Int, high: Int
        let projection: OutputProjection?
    }

    private struct Candidate {
        let model: CatalogModel
        let count: TokenCount
        let output: OutputPlan
        let breakdown: CostBreakdown
        let unfit: String?
        let unfitCause: EstimateError.NoFitCause?
    }

    private func candidate(_ model: CatalogModel, request: EstimateRequest, prepared: PreparedInput,
                           counts: inout CountMemo) -> Candidate {
        let count = counts.count(prepared, tokenizer: model.tokenizer, counter: counter)
        let output = outputPlan(model, request: request, prepared: prepared, inputTokens: count.tokens)
        var unfit: String? = nil
        var unfitCause: EstimateError.NoFitCause? = nil
        let outputTokens = max(output.point, request.reasoningTokens)
        if count.tokens > model.contextWindow {
            unfitCause = .inputExceedsContextWindow
            unfit = "the input of \(count.tokens) tokens exceeds \(model.id)'s context window of \(model.contextWindow)"
        } else if count.tokens + outputTokens > model.contextWindow {
            unfitCause = request.expectedOutputTokens == nil && request.reasoningTokens == 0
                ? .inputExceedsContextWindow : .outputExceedsMaximum
            unfit = "the input of \(count.tokens) tokens plus \(outputTokens) projected output tokens exceed "
                + "\(model.id)'s context window of \(model.contextWindow)"
        } else if let limit = model.maxOutputTokens, output.point > limit || request.reasoningTokens > limit {
            unfitCause = .outputExceedsMaximum
            unfit = "\(max(output.point, request.reasoningTokens)) output tokens exceed \(model.id)'s maximum "
                + "output of \(limit)"
        }
        let cached = min(request.cachedInputTokens, count.tokens)
        let written = min(request.cacheWriteTokens, count.tokens - cached)
        let usage = TokenUsage(input: count.tokens, cachedInput: cached, cacheWrite: written,
                               output: max(output.point, request.reasoningTokens),
                               reasoning: request.reasoningTokens)
        let breakdown = (try? costModel.price(usage, on: model, serviceTier: request.serviceTier))
            ?? CostBreakdown(credits: 0, input: 0, cachedInput: 0, cacheWrite: 0, output: 0, reasoning: 0,
                             exactCredits: 0, usage: usage, serviceTier: .standard, longContext: false)
        return Candidate(model: model, count: count, output: output, breakdown: breakdown, unfit: unfit,
                         unfitCause: unfitCause)
    }

    private func outputPlan(_ model: CatalogModel, request: EstimateRequest, prepared: PreparedInput,
                            inputTokens: Int) -> OutputPlan {
        if let expected = request.expectedOutputTokens {
            return OutputPlan(point: expected, low: expected, high: expected, projection: nil)
        }
        let projection = OutputProjection.project(cues: prepared.cues, inputTokens: inputTokens,
                                                  maxOutputTokens: request.maxOutputTokens,
                                                  modelMaxOutput: model.maxOutputTokens)
        let reasoning = request.reasoningTokens
        func total(_ visible: Int) -> Int {
            let sum = visible + reasoning
            guard let cap = projection.cap else { return sum }
            return max(reasoning, min(sum, cap))
        }
        return OutputPlan(point: total(projection.tokens), low: total(projection.low),
                          high: total(projection.high), projection: projection)
    }

    /// The usage priced for the chosen model; cached and written tokens are clamped to `input`
    /// only for the range ends (the point estimate was validated strictly).
    private func usage(_ request: EstimateRequest, input: Int, output: Int) -> TokenUsage {
        let cached = min(request.cachedInputTokens, input)
        let written = min(request.cacheWriteTokens, input - cached)
        return TokenUsage(input: input, cachedInput: cached, cacheWrite: written,
                          output: max(output, request.reasoningTokens), reasoning: request.reasoningTokens)
    }

    private func validate(_ request: EstimateRequest) throws {
        let fields: [(String, Int?)] = [("expectedOutputTokens", request.expectedOutputTokens),
                                        ("maxOutputTokens", request.maxOutputTokens),
                                        ("cachedInputTokens", request.cachedInputTokens),
                                        ("cacheWriteTokens", request.cacheWriteTokens),
                                        ("reasoningTokens", request.reasoningTokens)]
        for (field, value) in fields {
            if let value, value < 0 {
                throw EstimateError(field: field, code: .invalidParams, message: "must not be negative, got \(value)")
            }
        }
        if let expected = request.expectedOutputTokens, request.reasoningTokens > expected {
            throw EstimateError(field: "reasoningTokens", code: .invalidParams,
                                message: "\(request.reasoningTokens) reasoning tokens exceed the expected "
                                    + "\(expected) output tokens (reasoning is part of the output)")
        }
        if let cap = request.maxOutputTokens, request.reasoningTokens > cap {
            throw EstimateError(field: "reasoningTokens", code: .invalidParams,
                                message: "\(request.reasoningTokens) reasoning tokens exceed maxOutputTokens \(cap)")
        }
    }
}

/// The request's text, split into what is counted, with the chat overhead.
struct PreparedInput {
    /// Strings counted one by one (prompt; or roles, text parts, names).
    let countedTexts: [String]
    /// Chat framing tokens.
    let overheadTokens: Int
    /// Parts not counted, described.
    let uncounted: [String]
    /// All counted text joined by newlines: profiled for scripts and scored for complexity.
    let allText: String
    /// The instruction the output length depends on (the prompt, or the last user message).
    let taskText: String
    /// What the output projection reads from `taskText`, read once for all models.
    let cues: OutputProjection.TextCues

    init(_ input: EstimateRequest.Input, overhead: MessageOverhead) throws {
        switch input {
        case .prompt(let prompt):
            countedTexts = [prompt]
            overheadTokens = 0
            uncounted = []
            allText = prompt
            taskText = prompt
            cues = OutputProjection.TextCues(prompt)
        case .messages(let messages):
            guard !messages.isEmpty else {
                throw EstimateError(field: "messages", code: .invalidParams, message: "at least one message is required")
            }
            var texts: [String] = []
            var skipped: [String] = []
            var lastUser: String? = nil
            for (i, message) in messages.enumerated() {
                texts.append(message.role)
                var messageText: [String] = []
                for (j, part) in message.content.enumerated() {
                    switch part {
                    case .text(let text):
                        texts.append(text)
                        messageText.append(text)
                    case .other(let type):
                        skipped.append("messages[\(i)].content[\(j)] (\(type))")
                    }
                }
                if let name = message.name { texts.append(name) }
                if message.role == "user" { lastUser = messageText.joined(separator: "\n") }
            }
            countedTexts = texts
            overheadTokens = overhead.tokens(for: messages)
            uncounted = skipped
            allText = texts.joined(separator: "\n")
            taskText = lastUser ?? allText
            cues = OutputProjection.TextCues(taskText)
        }
    }
}

/// Counts of the whole input per tokenizer, computed once each.
struct CountMemo {
    private var memo: [TokenizerID: TokenCount] = [:]

    /// The input's count under `tokenizer`: its counted texts plus the chat overhead, reported
    /// under the name the counter answered with.
    mutating func count(_ input: PreparedInput, tokenizer: TokenizerID, counter: any TokenCounting) -> TokenCount {
        if let known = memo[tokenizer] { return known }
        let parts = input.countedTexts.map { counter.count($0, tokenizer: tokenizer) }
        let result = TokenCount(summing: parts, plus: input.overheadTokens, tokenizer: parts.first?.tokenizer ?? tokenizer)
        memo[tokenizer] = result
        return result
    }
}
