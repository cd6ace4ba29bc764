import Advisor
import Foundation
import JSONRPC
import JSON

/// The JSON shapes of the advisor's results — `preflight/estimate`, `preflight/check` and
/// `preflight/models` — built in one place.
///
/// The server methods and the command line's `--json` both call these, so the two cannot
/// drift. Amounts are JSON numbers rounded half-even to 9 decimal places from the exact
/// `Decimal` values (`CreditRounding.doubleValue`); token counts are integers.
public enum AdvisorJSON {
    /// An amount of credits (or a price) as a JSON number.
    public static func amount(_ value: Decimal) -> JSONValue {
        .real(CreditRounding.doubleValue(of: value))
    }

    static func optionalAmount(_ value: Decimal?) -> JSONValue {
        value.map(amount) ?? .null()
    }

    // MARK: preflight/estimate

    /// The whole `preflight/estimate` result for `estimate`, priced from `catalog`.
    public static func estimate(_ estimate: Estimate, catalog: Catalog) -> JSONValue {
        let result = JSONValue.object([
            "tokens": tokens(estimate.tokens),
            "inflation": .object([
                "factor": .real(estimate.inflation.factor),
                "dominantScript": .string(estimate.inflation.dominantScript.rawValue),
                "naiveEstimate": .integer(estimate.inflation.naiveEstimate),
            ]),
            "complexity": complexity(estimate.complexity),
            "recommendation": .object([
                "tier": .string(estimate.recommendation.tier.rawValue),
                "model": .string(estimate.recommendation.model),
                "confidence": .real(estimate.recommendation.confidence),
                "reason": .string(estimate.recommendation.reason),
            ]),
            "cost": cost(estimate.cost),
            "tiers": .array(estimate.tiers.map(tierQuote)),
            "outputProjection": estimate.outputProjection.map(outputProjection),
            "model": .object([
                "id": .string(estimate.model.id),
                "provider": .string(estimate.model.provider),
                "tier": .string(catalog.tier(of: estimate.model).rawValue),
                "tokenizer": .string(estimate.model.tokenizer.name),
                "contextWindow": .integer(estimate.model.contextWindow),
                "maxOutputTokens": estimate.model.maxOutputTokens.map { JSONValue.integer($0) } ?? .null(),
            ]),
            "catalog": .object(["version": .string(catalog.version.description)]),
            "warnings": .array(estimate.warnings.map { .string($0) }),
        ])
        return result
    }

    static func tokens(_ tokens: InputTokens) -> JSONValue {
        let byScript = JSONValue.object()
        for script in tokens.byScript.keys.sorted() {
            byScript[script.rawValue] = .integer(tokens.byScript[script]!)
        }
        let result = JSONValue.object([
            "input": .integer(tokens.input),
            "tokenizer": .string(tokens.tokenizer.name),
            "exact": .bool(tokens.exact),
            "byScript": byScript,
            "messageOverhead": .integer(tokens.messageOverhead),
        ])
        if !tokens.exact {
            result["range"] = .object(["low": .integer(tokens.low), "high": .integer(tokens.high)])
        }
        if !tokens.uncountedParts.isEmpty {
            result["notCounted"] = .array(tokens.uncountedParts.map { .string($0) })
        }
        return result
    }

    static func complexity(_ assessment: ComplexityAssessment) -> JSONValue {
        let dimensions = JSONValue.object()
        for dimension in ComplexityDimension.allCases {
            dimensions[dimension.rawValue] = .real(assessment.dimensions[dimension] ?? 0)
        }
        return .object([
            "score": .real(assessment.score),
            "dimensions": dimensions,
            "signals": .array(assessment.signals.map { signal in
                JSONValue.object([
                    "dimension": .string(signal.dimension.rawValue),
                    "evidence": .string(signal.evidence),
                    "weight": .real(signal.weight),
                ])
            }),
            "suggestedTier": .string(assessment.suggestedTier.rawValue),
            "rationale": .string(assessment.rationale),
        ])
    }

    static func cost(_ cost: CostBreakdown) -> JSONValue {
        let result = JSONValue.object([
            "credits": amount(cost.credits),
            "input": amount(cost.input),
            "cachedInput": amount(cost.cachedInput),
            "cacheWrite": amount(cost.cacheWrite),
            "output": amount(cost.output),
            "reasoning": amount(cost.reasoning),
            "outputTokens": .integer(cost.outputTokens),
            "reasoningTokens": .integer(cost.usage.reasoning),
            "range": .object(["low": amount(cost.range.low), "high": amount(cost.range.high)]),
            "serviceTier": .string(cost.serviceTier.rawValue),
            "longContext": .bool(cost.longContext),
        ])
        return result
    }

    static func tierQuote(_ quote: TierQuote) -> JSONValue {
        .object([
            "tier": .string(quote.tier.rawValue),
            "model": quote.model.map { JSONValue.string($0) } ?? .null(),
            "credits": optionalAmount(quote.credits),
            "inputTokens": quote.inputTokens.map { JSONValue.integer($0) },
            "reason": quote.reason.map { JSONValue.string($0) },
        ])
    }

    static func outputProjection(_ projection: OutputProjection) -> JSONValue {
        .object([
            "kind": .string(projection.kind.rawValue),
            "tokens": .integer(projection.tokens),
            "low": .integer(projection.low),
            "high": .integer(projection.high),
            "cap": projection.cap.map { JSONValue.integer($0) },
            "capped": .bool(projection.capped),
            "basis": .string(projection.basis),
        ])
    }

    // MARK: preflight/check

    /// The `preflight/check` result: the verdict, plus the model it priced.
    public static func check(_ verdict: BudgetVerdict, estimate: Estimate) -> JSONValue {
        .object([
            "allowed": .bool(verdict.allowed),
            "reason": .string(verdict.reason),
            "credits": amount(verdict.credits),
            "balanceAfter": verdict.balanceAfter.map(amount),
            "remainingLimit": verdict.remainingLimit.map(amount),
            "alerts": .array(verdict.alerts.map(amount)),
            "model": .string(estimate.model.id),
            "tier": .string(estimate.recommendation.tier.rawValue),
            "range": .object(["low": amount(estimate.cost.range.low), "high": amount(estimate.cost.range.high)]),
        ])
    }

    // MARK: preflight/models

    /// The `preflight/models` result; `tier` filters the models (by effective tier).
    public static func models(_ catalog: Catalog, source: String, format: CatalogFormat?,
                              staleness: CatalogStaleness, tier: Tier?) -> JSONValue {
        let models = catalog.models.filter { tier == nil || catalog.tier(of: $0) == tier }
        return .object([
            "catalog": .object([
                "version": .string(catalog.version.description),
                "source": .string(source),
                "format": format.map { JSONValue.string($0.rawValue) },
                "currency": .string(catalog.currency),
                "models": .integer(catalog.models.count),
                "ageInDays": .integer(staleness.ageInDays),
                "stale": .bool(staleness.isStale),
            ]),
            "tiers": .array(catalog.tiers.map { definition in
                JSONValue.object([
                    "name": .string(definition.tier.rawValue),
                    "maxPer1K": definition.maxPer1K.map(amount),
                ])
            }),
            "models": .array(models.map { model(catalog: catalog, $0) }),
        ])
    }

    /// One catalog entry in the bundled catalog's format, plus where its tier came from.
    public static func model(catalog: Catalog, _ model: CatalogModel) -> JSONValue {
        .object([
            "id": .string(model.id),
            "provider": .string(model.provider),
            "tier": .string(catalog.tier(of: model).rawValue),
            "tierSource": .string(catalog.tierIsFromPriceBands(model) ? "priceBands" : "catalog"),
            "tokenizer": .string(model.tokenizer.name),
            "contextWindow": .integer(model.contextWindow),
            "maxOutputTokens": model.maxOutputTokens.map { JSONValue.integer($0) } ?? .null(),
            "inputPerMillion": amount(model.inputPerMillion),
            "outputPerMillion": amount(model.outputPerMillion),
            "cachedInputPerMillion": optionalAmount(model.cachedInputPerMillion),
            "cacheWritePerMillion": optionalAmount(model.cacheWritePerMillion),
            "reasoningPerMillion": optionalAmount(model.reasoningPerMillion),
            "reasoning": .bool(model.reasoning),
            "longContext": model.longContext.map(longContext) ?? .null(),
            "serviceTiers": serviceTiers(model.serviceTiers),
            "deprecationDate": model.deprecationDate.map { JSONValue.string($0) } ?? .null(),
        ])
    }

    static func longContext(_ lc: LongContextPricing) -> JSONValue {
        .object([
            "above": .integer(lc.above),
            "inputPerMillion": amount(lc.inputPerMillion),
            "outputPerMillion": amount(lc.outputPerMillion),
            "cachedInputPerMillion": lc.cachedInputPerMillion.map(amount),
            "cacheWritePerMillion": lc.cacheWritePerMillion.map(amount),
        ])
    }

    static func serviceTiers(_ tiers: [ServiceTier: ServiceTierPricing]) -> JSONValue {
        guard !tiers.isEmpty else { return .null() }
        let result = JSONValue.object()
        for tier in ServiceTier.allCases {
            guard let prices = tiers[tier] else { continue }
            result[tier.rawValue] = .object([
                "inputPerMillion": amount(prices.inputPerMillion),
                "outputPerMillion": amount(prices.outputPerMillion),
                "cachedInputPerMillion": prices.cachedInputPerMillion.map(amount),
                "cacheWritePerMillion": prices.cacheWritePerMillion.map(amount),
                "reasoningPerMillion": prices.reasoningPerMillion.map(amount),
                "longContext": prices.longContext.map(longContext),
            ])
        }
        return result
    }
}
