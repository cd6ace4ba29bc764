import Foundation
import PreflightAPI
import Tokenizers

/// The text people read from `estimate`, `check` and `models`, rendered from the very result
/// structs the methods return (so the table and `--json` always show the same numbers).
enum TextReport {
    // MARK: Formatting

    /// An amount of credits in plain decimal notation, at most 9 places, no trailing zeros.
    static func credits(_ value: CreditAmount?) -> String {
        guard let double = value?.doubleValue else { return "—" }
        var text = String(format: "%.9f", double)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// An integer with thousands separators (`12,345`).
    static func count(_ value: Int?) -> String {
        guard let int = value else { return "—" }
        return DigitGrouping.grouped(int)
    }

    static func padded(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    static func decimal(_ value: Double, places: Int = 2) -> String {
        String(format: "%.\(places)f", value)
    }

    /// Label/value lines with the labels in one column.
    static func lines(_ rows: [(String, String)]) -> String {
        let width = (rows.map(\.0.count).max() ?? 0) + 2
        return rows.map { label, value in
            let continuation = String(repeating: " ", count: width)
            return padded(label, width) + value.replacingOccurrences(of: "\n", with: "\n" + continuation)
        }.joined(separator: "\n")
    }

    // MARK: estimate

    /// The estimate of the prompt read from `label`; `requested` when the user named the model.
    ///
    /// The headline count is the priced model's own (a Claude model's count is the `claude`
    /// estimate), so it names that model and tokenizer, and shows `reference` — the exact
    /// `o200k_base` count, what `preflight count` prints — beside it when it is another figure.
    static func estimate(_ result: EstimateResult, label: String, requested: Bool,
                         reference: TokenCount? = nil) -> String {
        let tokens = result.tokens
        let cost = result.cost
        let model = result.model
        var tokenText = "\(count(tokens.input)) input tokens for \(model.id) (its tokenizer \(tokens.tokenizer)"
        if tokens.exact {
            tokenText += ", exact)"
        } else {
            tokenText += ", estimate \(count(tokens.range?.low))–\(count(tokens.range?.high)))"
        }
        if let reference, reference.tokenizer.name != tokens.tokenizer || reference.tokens != tokens.input {
            tokenText += "; \(count(reference.tokens)) in \(reference.tokenizer.name)"
                + (reference.isExact ? " (exact, as `preflight count` says)" : " (estimated)")
        }
        let scripts = tokens.byScript.members.map { "\($0.name) \(count($0.value))" }.joined(separator: " · ")
        let inflation = result.inflation
        var outputText = "\(count(cost.outputTokens)) tokens"
        if let projection = result.outputProjection {
            outputText += " projected (\(projection.basis)), range "
                + "\(count(projection.low + (projection.reasoning?.low ?? cost.reasoningTokens)))–"
                + "\(count(projection.high + (projection.reasoning?.high ?? cost.reasoningTokens)))"
        } else {
            outputText += " (as given)"
        }
        if let reasoning = result.outputProjection?.reasoning {
            outputText += "\nof which \(count(reasoning.tokens)) reasoning, a default (range \(count(reasoning.low))–"
                + "\(count(reasoning.high))): \(reasoning.basis)"
        } else if cost.reasoningTokens > 0 {
            outputText += "\nof which \(count(cost.reasoningTokens)) reasoning (as given)"
        }
        let modelText: String
        if requested {
            modelText = "requested"
        } else if let recommendation = result.recommendation {
            modelText = "recommended, confidence \(decimal(recommendation.confidence))"
        } else {
            modelText = "NOT recommended: no model can hold this prompt; priced as if it could"
        }
        var rows: [(String, String)] = [
            ("Prompt", "\(label): \(tokenText)"),
            ("Scripts", scripts.isEmpty ? "—" : scripts),
            ("Inflation", "×\(decimal(inflation.factor)) vs English (dominant \(inflation.dominantScript.rawValue)); "
                + "chars/4 would say \(count(inflation.naiveEstimate))"),
            ("Complexity", "\(decimal(result.complexity.score)) → \(result.complexity.suggestedTier.rawValue)"),
            ("Model", "\(model.id) (\(model.tier.rawValue), \(model.provider)) — \(modelText)"),
        ]
        if let noFit = result.noFit { rows.append(("Does not fit", noFit.reason)) }
        rows += [
            ("Output", outputText),
            ("Cost", "\(credits(cost.credits)) credits (range \(credits(cost.range.low)) – \(credits(cost.range.high)))"),
            ("", "input \(credits(cost.input)) · cached \(credits(cost.cachedInput)) · cache write "
                + "\(credits(cost.cacheWrite)) · output \(credits(cost.output)) · reasoning \(credits(cost.reasoning))"),
        ]
        let modelWidth = result.tiers.map { ($0.model ?? "—").count }.max() ?? 0
        let tierLines = result.tiers.map { quote -> String in
            let name = padded(quote.tier.rawValue, 10)
            guard let id = quote.model else { return name + (quote.reason ?? "—") }
            return name + padded(id, modelWidth + 2) + credits(quote.credits)
        }
        rows.append(("Tiers", tierLines.joined(separator: "\n")))
        if let recommendation = result.recommendation { rows.append(("Why", recommendation.reason)) }
        if !result.warnings.isEmpty { rows.append(("Warnings", result.warnings.map(\.message).joined(separator: "\n"))) }
        if let source = result.priceSource { rows.append(("Priced from", priceSourceLine(source))) }
        rows.append(("Catalog", result.catalog.version))
        return lines(rows)
    }

    // MARK: check

    /// The budget verdict for the prompt read from `label`, with `hint` (what to change) after it.
    static func check(_ result: CheckResult, label: String, hint: String? = nil) -> String {
        var rows: [(String, String)] = [
            ("Verdict", (result.allowed ? "ALLOWED: " : "REFUSED: ") + result.reason),
            ("Prompt", label),
            ("Credits", "\(credits(result.credits)) on \(result.model) (\(result.tier.rawValue)); "
                + "range \(credits(result.range.low)) – \(credits(result.range.high))"),
        ]
        if let after = result.balanceAfter { rows.append(("Balance after", credits(after))) }
        if let remaining = result.remainingLimit { rows.append(("Limit left", credits(remaining))) }
        let alerts = result.alerts.map { "\(Int(($0.doubleValue * 100).rounded()))% of the limit" }
        rows.append(("Alerts", alerts.isEmpty ? "none" : alerts.joined(separator: ", ")))
        if !result.warnings.isEmpty { rows.append(("Warnings", result.warnings.map(\.message).joined(separator: "\n"))) }
        if let source = result.priceSource { rows.append(("Priced from", priceSourceLine(source))) }
        if let hint { rows.append(("Hint", hint)) }
        return lines(rows)
    }

    /// "reference layer (litellm-1.109.1), entry claude-sonnet-4-5": the `Priced from` row of
    /// `estimate` and `check`, one wording for both.
    private static func priceSourceLine(_ source: EstimateResult.PriceSource) -> String {
        "\(source.layer.rawValue) layer (\(source.catalogVersion)), entry \(source.entry)"
    }

    // MARK: models

    /// The catalog listing as a table.
    static func models(_ result: ModelsResult) -> String {
        let catalog = result.catalog
        var text = "Catalog \(catalog.version) (\(catalog.format ?? "—") format, \(count(catalog.models)) models; "
            + "\(age(days: catalog.ageInDays, stale: catalog.stale)))\n"
            + "Source: \(catalog.source)\n"
        for layer in result.layers where layer.layer != .curated {
            text += "Layer \(layer.layer.rawValue): \(layer.version), \(count(layer.models)) models; "
                + "\(age(days: layer.ageInDays, stale: layer.stale)) — \(layer.source)\n"
        }
        for warning in result.warnings { text += "Warning: \(warning.message)\n" }
        let bands = result.tiers.map { tier -> String in
            let bound = tier.maxPer1K.map { "≤ $\(credits($0))/1K" } ?? "above"
            return "\(tier.name.rawValue) \(bound)"
        }
        text += "Price bands (fallback for models without a tier; blended 3:1 per 1K): \(bands.joined(separator: ", "))\n\n"
        let header = ["TIER", "MODEL", "LAYER", "PROVIDER", "TOKENIZER", "CONTEXT", "IN/M", "OUT/M", "CACHED/M"]
        let rows = result.models.map { model -> [String] in
            [model.tier.rawValue + (model.tierSource == "priceBands" ? "*" : ""),
             model.id, model.layer.rawValue, model.provider, model.tokenizer,
             model.contextWindow.map { count($0) } ?? "unknown", credits(model.inputPerMillion), credits(model.outputPerMillion),
             model.cachedInputPerMillion.map { credits($0) } ?? "—"]
        }
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        text += all.map { row in
            row.enumerated().map { padded($0.element, widths[$0.offset]) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
        if result.models.contains(where: { $0.tierSource == "priceBands" }) {
            text += "\n* tier from the price bands (the catalog sets none)"
        }
        let last = result.offset + result.models.count
        if result.total > result.models.count {
            text += "\nModels \(result.models.isEmpty ? result.offset : result.offset + 1)–\(last) of \(count(result.total))"
                + (last < result.total ? " (--offset \(last) for more)" : "")
        } else if result.models.isEmpty {
            text += "\nNo model matches."
        }
        return text
    }

    /// `N days old`, `STALE`, `dated in the future`, or `age unknown`.
    static func age(days: Int?, stale: Bool) -> String {
        guard let days else { return "age unknown: no pricesAsOf date" }
        let magnitude = abs(days)
        let unit = "\(count(magnitude)) day\(magnitude == 1 ? "" : "s")"
        if days < 0 { return "dated \(unit) in the future — check its version" }
        return "\(unit) old" + (stale ? " — STALE, prices may have changed" : "")
    }
}
