import Foundation
import Tokenizers

/// Produces everything `preflight/estimate` returns: tokens, inflation, complexity, the
/// recommended (or requested) model, its cost with a range, and a quote per tier.
///
/// Every model is priced with its own tokenizer's count (a Claude model with the `claude`
/// family's count, an OpenAI model with `o200k_base`'s), so tiers compare like for like. To load
/// only the vocabularies an estimate needs, models are first ranked on bounds made from the
/// `o200k_base` count (`TokenCounting.provisionalCounts`), and only those whose cost range can
/// still win their tier, and the priced model, are counted exactly; a tier settled by a bound
/// quotes it with `exact: false` (docs/COSTS.md, "Which models are counted exactly").
/// Recommendation: the scorer's suggested tier, clamped into `minTier…maxTier`; the model of
/// that tier with the lowest projected cost for this prompt that passes the provider/reasoning
/// constraints and whose context window holds the input plus the projected output; if none
/// fits, the next tier up, then (as a last resort) the tiers below. Ties in price go to the
/// model listed first in the catalog. Stated `reasoningTokens` admit only reasoning models. The
/// scorer is injected (the server passes the calibrated router of the `Routing` module), so the
/// planner holds no scoring model of its own.
///
/// When nothing fits (docs/COSTS.md, "Output length rules" and "When no model fits"):
/// - no model can hold the input: the estimate is still made (the caller learns the count) with
///   `recommendation` `nil`, the largest-window model priced and `noFit` naming it;
/// - the input fits somewhere but no model holds it plus the projected output: the model with
///   the most room is chosen and the projection capped at that room, with a warning;
/// - a stated output (`expectedOutputTokens`, `reasoningTokens`) no model can produce: an error
///   at that field. For a model the caller names, the same rules apply to that model alone.
///
/// A long prompt is read a bounded number of times: each tokenizer counts it once (families
/// estimated alike share one pass), the scorer reads a `ScoringWindow` of at most 256 KiB, and
/// the script split and the English check use cheap passes above their limits.
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
    /// Models outside `catalog` a request may name (the reference layer's entry the caller's
    /// name resolved to): priced when named, never recommended or quoted for a tier, since
    /// routing recommends only the curated catalog's models.
    public var namedModels: [CatalogModel] = []

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
    ///   token counts (the field named), an empty prompt or empty `messages`, reasoning tokens
    ///   for a model that does not reason, a stated output no model can produce, or when no
    ///   model passes the constraints at all (code `.noModelFits`); `CancellationError` when
    ///   `isCancelled` turns true (polled after the reference count, after scoring, after the
    ///   other tokenizers' counts and before each model is priced).
    public func estimate(_ request: EstimateRequest, isCancelled: () -> Bool = { false }) throws -> Estimate {
        try validate(request)
        let prepared = try PreparedInput(request.input, overhead: overhead)
        var counts = CountMemo()
        let referenceCount = counts.count(prepared, tokenizer: .o200kBase, counter: counter)
        if isCancelled() { throw CancellationError() }
        let window = ScoringWindow(prepared.allText)
        let assessment = window.assess(with: scorer, inputTokens: referenceCount.tokens)
        if isCancelled() { throw CancellationError() }

        var requested: CatalogModel? = nil
        if let id = request.model {
            // A model the caller resolved by name (`namedModels`, e.g. from the reference layer)
            // is priced as resolved, even when the curated catalog has an entry with the same id.
            guard let model = namedModels.first(where: { $0.id == id }) ?? catalog.model(id: id) else {
                throw EstimateError(field: "model", code: .invalidParams, message: "unknown model \"\(id)\"")
            }
            if request.statedReasoningTokens > 0 && !model.reasoning {
                throw EstimateError(field: "reasoningTokens", code: .invalidParams,
                                    message: "\(model.id) is not a reasoning model (the catalog says reasoning: false), "
                                        + "so it spends no reasoning tokens; leave reasoningTokens out or choose a "
                                        + "reasoning model")
            }
            requested = model
        }
        let reasoningOnly = request.statedReasoningTokens > 0
        func eligible(_ model: CatalogModel) -> Bool {
            request.constraints.admits(model) && (!reasoningOnly || model.reasoning)
        }
        // Rank every eligible model on bounds made from the o200k_base count, then count exactly
        // only the tokenizers of models whose cost range can still win their tier (and the
        // requested model's): the rest keep their bound, and their vocabularies stay unloaded.
        counts.prefetchProvisional(prepared, tokenizers: catalog.models.filter(eligible).map(\.tokenizer),
                                   counter: counter)
        var settle = requested.map { [$0.tokenizer] } ?? []
        for tier in Tier.allCases {
            settle += unsettledContenders(catalog.models(in: tier).filter(eligible), request: request,
                                          prepared: prepared, counts: counts)
        }
        counts.prefetch(prepared, tokenizers: settle, counter: counter)
        if isCancelled() { throw CancellationError() }

        var quotes: [Tier: Candidate] = [:]
        var quoteReasons: [Tier: String] = [:]
        var considered: [Candidate] = []
        /// Quotes `tier` from the counts known (`final`: counting every model exactly first).
        func quoteTier(_ tier: Tier, final: Bool) throws {
            var best: Candidate? = nil
            var rejections: [String] = []
            considered.removeAll { catalog.tier(of: $0.model) == tier }
            for model in catalog.models(in: tier) where eligible(model) {
                if isCancelled() { throw CancellationError() }
                let candidate = self.candidate(model, request: request, prepared: prepared, counts: &counts,
                                               provisional: !final)
                if request.constraints.admits(tier) { considered.append(candidate) }
                if let unfit = candidate.unfit {
                    rejections.append(unfit.reason)
                    continue
                }
                if best == nil || candidate.breakdown.exactCredits < best!.breakdown.exactCredits {
                    best = candidate
                }
            }
            quotes[tier] = best
            quoteReasons[tier] = best != nil ? nil : rejections.first.map { "no \(tier.rawValue) model fits: \($0)" }
                ?? "no \(tier.rawValue) model passes the provider/reasoning constraints"
                + (reasoningOnly ? " (reasoningTokens admit only reasoning models)" : "")
        }
        for tier in Tier.allCases { try quoteTier(tier, final: false) }

        var warnings: [String] = []
        let chosen: CatalogModel
        var recommendation: Recommendation? = nil
        var noFit: NoFit? = nil
        var final: Candidate
        if let model = requested {
            chosen = model
            let tier = catalog.tier(of: model)
            recommendation = Recommendation(
                tier: tier, model: model.id, confidence: assessment.confidence,
                reason: "requested model (\(tier.rawValue) tier); the \(assessment.rationale)")
            final = candidate(model, request: request, prepared: prepared, counts: &counts, capToRoom: true)
            switch final.unfit?.cause {
            case nil: break
            case .input:
                noFit = NoFit(reason: final.unfit!.reason, model: model.id, contextWindow: model.contextWindow,
                              inputTokens: final.count.tokens, noModelCanHoldIt: false)
            case .outputRoom, .outputMaximum:
                throw EstimateError(field: statedOutputField(request), code: .invalidParams, message: final.unfit!.reason)
            }
        } else if var pick = recommend(assessment: assessment, quotes: quotes, reasons: quoteReasons,
                                       request: request, reasoningOnly: reasoningOnly) {
            if let quote = quotes[pick.tier], !counts.isFinal(quote.model.tokenizer) {
                // The recommended model is priced with its final count; should that count leave
                // it unfit (its bound was wrong), its whole tier is counted exactly and re-quoted.
                let settled = candidate(quote.model, request: request, prepared: prepared, counts: &counts)
                if settled.unfit == nil { quotes[pick.tier] = settled } else { try quoteTier(pick.tier, final: true) }
                if let again = recommend(assessment: assessment, quotes: quotes, reasons: quoteReasons,
                                         request: request, reasoningOnly: reasoningOnly) {
                    pick = again
                }
            }
            chosen = pick.model
            recommendation = Recommendation(tier: pick.tier, model: pick.model.id, confidence: pick.confidence,
                                            reason: pick.reason)
            final = candidate(chosen, request: request, prepared: prepared, counts: &counts)
        } else {
            let holding = considered.filter { $0.unfit?.cause != .input }
            if holding.isEmpty {
                // No model the request may use can hold the input: say so, with the count.
                guard let largest = considered.max(by: { $0.model.contextWindow < $1.model.contextWindow }) else {
                    throw noModelError(request: request, reasons: quoteReasons, cause: .constraints)
                }
                chosen = largest.model
                final = largest
                let scope = request.constraints == .none && !reasoningOnly ? "in the catalog"
                    : "among the models this request may use"
                noFit = NoFit(reason: "no model can hold this prompt: it is \(largest.count.tokens) tokens for "
                                + "\(chosen.id) (\(largest.count.tokenizer)\(largest.count.isExact ? "" : ", estimated")), "
                                + "over its context window of \(chosen.contextWindow) tokens, the largest \(scope); "
                                + "shorten or split it",
                              model: chosen.id, contextWindow: chosen.contextWindow, inputTokens: largest.count.tokens,
                              noModelCanHoldIt: true)
            } else if request.expectedOutputTokens != nil || request.reasoningTokens != nil {
                throw noModelError(request: request, reasons: quoteReasons, cause: .outputExceedsMaximum)
            } else {
                // The input fits somewhere, but no model holds it plus the projected output: take
                // the model with the most room and cap the projection there.
                let roomiest = holding.max {
                    ($0.model.contextWindow - $0.count.tokens) < ($1.model.contextWindow - $1.count.tokens)
                }!
                chosen = roomiest.model
                final = candidate(chosen, request: request, prepared: prepared, counts: &counts, capToRoom: true)
                let tier = catalog.tier(of: chosen)
                let room = chosen.contextWindow - final.count.tokens
                recommendation = Recommendation(
                    tier: tier, model: chosen.id, confidence: assessment.confidence,
                    reason: "\(assessment.suggestedTier.rawValue): \(assessment.rationale); no model holds the input "
                        + "plus the projected output, so \(chosen.id) (\(tier.rawValue)), whose context window leaves "
                        + "the most room (\(room) tokens), is priced with the output capped there")
            }
        }
        let room = chosen.contextWindow - final.count.tokens
        if noFit == nil, let projection = final.output.projection, projection.capped, projection.cap == room,
           room < ([request.maxOutputTokens, chosen.maxOutputTokens].compactMap { $0 }.min() ?? Int.max) {
            warnings.append("the input leaves \(projection.cap!) tokens of \(chosen.id)'s context window for output; "
                            + "the projected output is capped there")
        }
        if let note = window.note { warnings.append(note) }
        if !chosen.contextWindowIsKnown {
            warnings.append("\(chosen.id)'s context window is unknown (its catalog entry gives none), "
                            + "so whether the prompt fits was not checked")
        }

        let count = final.count
        if request.cachedInputTokens + request.cacheWriteTokens > count.tokens {
            let field = request.cachedInputTokens > count.tokens ? "cachedInputTokens" : "cacheWriteTokens"
            throw EstimateError(field: field, code: .invalidParams,
                                message: "cached (\(request.cachedInputTokens)) + cache-write "
                                    + "(\(request.cacheWriteTokens)) tokens exceed the \(count.tokens) input tokens "
                                    + "counted for \(chosen.id)")
        }
        let output = final.output
        let point: CostBreakdown
        do {
            point = try costModel.price(usage(request, input: count.tokens, output: output.point,
                                              reasoning: output.reasoning.point),
                                        on: chosen, serviceTier: request.serviceTier)
        } catch let error as CostModelError {
            throw EstimateError(field: error.field, code: .invalidParams, message: error.message)
        }
        let lowCost = (try? costModel.price(usage(request, input: count.low, output: output.low,
                                                  reasoning: output.reasoning.low),
                                            on: chosen, serviceTier: request.serviceTier))?.credits ?? point.credits
        let highCost = (try? costModel.price(usage(request, input: count.high, output: output.high,
                                                   reasoning: output.reasoning.high),
                                             on: chosen, serviceTier: request.serviceTier))?.credits ?? point.credits
        let cost = point.with(range: CostRange(low: min(lowCost, point.credits), high: max(highCost, point.credits)))
        warnings.append(contentsOf: cost.notes)
        if let date = chosen.deprecationDate {
            warnings.append("\(chosen.id) is scheduled for deprecation on \(date)")
        }
        if !prepared.uncounted.isEmpty {
            warnings.append("not counted (not text): " + prepared.uncounted.joined(separator: ", "))
        }
        if isCancelled() { throw CancellationError() }

        let profile = prepared.profile
        let weights = ScriptTokenSplit.weights(of: prepared.allText, profile: profile,
                                               tokenizer: chosen.tokenizer, counter: counter)
        let byScript = ScriptTokenSplit.split(total: count.tokens, weights: weights,
                                              fallback: profile.dominantScript)
        let inflation = InflationEstimate.estimate(text: prepared.allText, profile: profile, byScript: byScript,
                                                   tokenizer: count.tokenizer, table: inflationTable)
        let tokens = InputTokens(input: count.tokens, tokenizer: count.tokenizer, exact: count.isExact,
                                 byScript: byScript, low: count.low, high: count.high,
                                 messageOverhead: prepared.overheadTokens, uncountedParts: prepared.uncounted,
                                 basis: count.basis)
        let tiers = Tier.allCases.map { tier -> TierQuote in
            if let quote = quotes[tier] {
                return TierQuote(tier: tier, model: quote.model.id, credits: quote.breakdown.credits,
                                 inputCount: quote.count, reason: nil)
            }
            return TierQuote(tier: tier, model: nil, credits: nil, inputCount: nil, reason: quoteReasons[tier])
        }
        return Estimate(tokens: tokens, inflation: inflation, complexity: assessment,
                        recommendation: recommendation, noFit: noFit, tier: catalog.tier(of: chosen), cost: cost,
                        tiers: tiers, outputProjection: output.projection, model: chosen, warnings: warnings)
    }

    /// The field a stated output that does not fit is reported at.
    private func statedOutputField(_ request: EstimateRequest) -> String {
        request.expectedOutputTokens != nil || request.reasoningTokens == nil ? "expectedOutputTokens" : "reasoningTokens"
    }

    // MARK: - Recommendation

    private func recommend(assessment: ComplexityAssessment, quotes: [Tier: Candidate], reasons: [Tier: String],
                           request: EstimateRequest, reasoningOnly: Bool)
        -> (model: CatalogModel, tier: Tier, reason: String, confidence: Double)? {
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
            if reasoningOnly {
                parts.append("reasoningTokens were stated, so only reasoning models are considered")
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
        return nil
    }

    /// The error when no model can take the request for a reason other than its input's size.
    private func noModelError(request: EstimateRequest, reasons: [Tier: String],
                              cause: EstimateError.NoFitCause) -> EstimateError {
        let lower = request.constraints.minTier ?? .economy
        let upper = request.constraints.maxTier ?? .frontier
        let detail = Tier.allCases.filter { $0 >= lower && $0 <= upper }.compactMap { reasons[$0] }
            .joined(separator: "; ")
        let onlyReasoning = request.constraints == .none && request.statedReasoningTokens > 0
        return EstimateError(field: cause != .constraints ? statedOutputField(request)
                                : onlyReasoning ? "reasoningTokens" : "constraints",
                             code: .noModelFits,
                             message: "no catalog model between \(lower.rawValue) and \(upper.rawValue) satisfies "
                                 + "the request" + (detail.isEmpty ? "" : ": \(detail)"), noFitCause: cause)
    }

    // MARK: - Which models to count exactly

    /// The tokenizers of `models` (one tier's eligible models) still to be counted exactly
    /// before the tier can be quoted, judged from their provisional counts.
    ///
    /// Cost rises with the input count (the output projection and input-size prices only grow
    /// with it), so a model's cost lies between its prices at its `pointRange` ends. The ceiling
    /// is the lowest high-end cost of a model that fits even at its high end; a model whose
    /// low-end cost is above it can never be the tier's cheapest. The rest are the contenders:
    /// when one alone remains and it surely fits, it is the cheapest whatever the counts, and
    /// nothing is loaded (its quote reports its bound, `exact: false`); otherwise every
    /// contender not counted finally is returned. A tier where no model surely fits returns
    /// every such model, so a "no model fits" reason always quotes a final count.
    private func unsettledContenders(_ models: [CatalogModel], request: EstimateRequest, prepared: PreparedInput,
                                     counts: CountMemo) -> [TokenizerID] {
        let ranked = models.compactMap { model -> (model: CatalogModel, isFinal: Bool, low: Candidate, high: Candidate)? in
            guard let known = counts.known(model.tokenizer) else { return nil }
            func at(_ tokens: Int) -> Candidate {
                candidate(model, request: request, prepared: prepared, count: .exact(tokens, tokenizer: model.tokenizer))
            }
            let low = at(known.pointRange.lowerBound)
            // A final count is one point: price it once (pricing is Decimal work, and this runs
            // for every eligible model on every estimate, an editor's lens refresh included).
            let high = known.pointRange.upperBound == known.pointRange.lowerBound ? low : at(known.pointRange.upperBound)
            return (model, known.isFinal, low, high)
        }
        guard let ceiling = ranked.filter({ $0.high.unfit == nil }).map(\.high.breakdown.exactCredits).min() else {
            return ranked.filter { !$0.isFinal }.map(\.model.tokenizer)
        }
        let contenders = ranked.filter { $0.low.unfit == nil && $0.low.breakdown.exactCredits <= ceiling }
        if contenders.count == 1 && contenders[0].high.unfit == nil { return [] }
        return contenders.filter { !$0.isFinal }.map(\.model.tokenizer)
    }

    // MARK: - Pricing candidates

    /// The output a model is priced with: every end of the range, reasoning included, and the
    /// reasoning part of each.
    private struct OutputPlan {
        let point: Int, low: Int, high: Int
        let reasoning: (point: Int, low: Int, high: Int)
        let projection: OutputProjection?
    }

    /// Why a model cannot take the request.
    private struct Unfit {
        enum Cause { case input, outputRoom, outputMaximum }
        let cause: Cause
        let reason: String
    }

    private struct Candidate {
        let model: CatalogModel
        let count: TokenCount
        let output: OutputPlan
        let breakdown: CostBreakdown
        let unfit: Unfit?
    }

    /// Prices `model` for the request; `capToRoom` caps a projected output at what the context
    /// window leaves after the input (for a model chosen for the caller rather than compared).
    /// (`provisional`: with the count known so far — a bound for a model not counted exactly —
    /// instead of the final count.)
    private func candidate(_ model: CatalogModel, request: EstimateRequest, prepared: PreparedInput,
                           counts: inout CountMemo, capToRoom: Bool = false, provisional: Bool = false) -> Candidate {
        let count = provisional
            ? counts.known(model.tokenizer)?.count ?? counts.count(prepared, tokenizer: model.tokenizer, counter: counter)
            : counts.count(prepared, tokenizer: model.tokenizer, counter: counter)
        return candidate(model, request: request, prepared: prepared, count: count, capToRoom: capToRoom)
    }

    /// Prices `model` for the request with `count` as its input.
    private func candidate(_ model: CatalogModel, request: EstimateRequest, prepared: PreparedInput,
                           count: TokenCount, capToRoom: Bool = false) -> Candidate {
        let room = model.contextWindow - count.tokens
        let output = outputPlan(model, request: request, prepared: prepared, inputTokens: count.tokens,
                                room: capToRoom && room > 0 ? room : nil)
        var unfit: Unfit? = nil
        let stated = request.expectedOutputTokens ?? request.reasoningTokens
        if room <= 0 {
            unfit = Unfit(cause: .input, reason: room == 0
                ? "the input of \(count.tokens) tokens fills \(model.id)'s context window of \(model.contextWindow), leaving no room for output"
                : "the input of \(count.tokens) tokens exceeds \(model.id)'s context window of \(model.contextWindow)")
        } else if let limit = model.maxOutputTokens, let stated, stated > limit {
            unfit = Unfit(cause: .outputMaximum,
                          reason: "\(stated) output tokens exceed \(model.id)'s maximum output of \(limit)")
        } else if output.point > room {
            unfit = Unfit(cause: .outputRoom,
                          reason: "the input of \(count.tokens) tokens plus \(output.point) "
                              + "\(stated == nil ? "projected" : "stated") output tokens exceed \(model.id)'s context "
                              + "window of \(model.contextWindow)")
        }
        let cached = min(request.cachedInputTokens, count.tokens)
        let written = min(request.cacheWriteTokens, count.tokens - cached)
        let usage = TokenUsage(input: count.tokens, cachedInput: cached, cacheWrite: written,
                               output: max(output.point, output.reasoning.point), reasoning: output.reasoning.point)
        let breakdown = (try? costModel.price(usage, on: model, serviceTier: request.serviceTier))
            ?? CostBreakdown(credits: 0, input: 0, cachedInput: 0, cacheWrite: 0, output: 0, reasoning: 0,
                             exactCredits: 0, usage: usage, serviceTier: .standard, longContext: false)
        return Candidate(model: model, count: count, output: output, breakdown: breakdown, unfit: unfit)
    }

    private func outputPlan(_ model: CatalogModel, request: EstimateRequest, prepared: PreparedInput,
                            inputTokens: Int, room: Int?) -> OutputPlan {
        let stated = request.statedReasoningTokens
        if let expected = request.expectedOutputTokens {
            return OutputPlan(point: expected, low: expected, high: expected, reasoning: (stated, stated, stated),
                              projection: nil)
        }
        let projection = OutputProjection.project(cues: prepared.cues, inputTokens: inputTokens,
                                                  maxOutputTokens: request.maxOutputTokens,
                                                  modelMaxOutput: model.maxOutputTokens, room: room,
                                                  statedReasoning: stated,
                                                  projectsReasoning: model.reasoning && request.reasoningTokens == nil)
        let reasoning = projection.reasoning.map { ($0.tokens, $0.low, $0.high) } ?? (stated, stated, stated)
        return OutputPlan(point: projection.tokens + reasoning.0, low: projection.low + reasoning.1,
                          high: projection.high + reasoning.2, reasoning: reasoning, projection: projection)
    }

    /// The usage priced for the chosen model; cached and written tokens are clamped to `input`
    /// only for the range ends (the point estimate was validated strictly).
    private func usage(_ request: EstimateRequest, input: Int, output: Int, reasoning: Int) -> TokenUsage {
        let cached = min(request.cachedInputTokens, input)
        let written = min(request.cacheWriteTokens, input - cached)
        return TokenUsage(input: input, cachedInput: cached, cacheWrite: written,
                          output: max(output, reasoning), reasoning: reasoning)
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
        if let cap = request.maxOutputTokens, let expected = request.expectedOutputTokens, expected > cap {
            throw EstimateError(field: "expectedOutputTokens", code: .invalidParams,
                                message: "\(expected) expected output tokens exceed maxOutputTokens \(cap), where the "
                                    + "request would stop; lower expectedOutputTokens or raise maxOutputTokens")
        }
        let reasoning = request.statedReasoningTokens
        if let expected = request.expectedOutputTokens, reasoning > expected {
            throw EstimateError(field: "reasoningTokens", code: .invalidParams,
                                message: "\(reasoning) reasoning tokens exceed the expected "
                                    + "\(expected) output tokens (reasoning is part of the output)")
        }
        if let cap = request.maxOutputTokens, reasoning > cap {
            throw EstimateError(field: "reasoningTokens", code: .invalidParams,
                                message: "\(reasoning) reasoning tokens exceed maxOutputTokens \(cap)")
        }
    }
}
