import Foundation
import JSONRPC
import JSON

/// The text people read from `estimate`, `check` and `models`, rendered from the very JSON
/// the methods return (so the table and `--json` always show the same numbers).
enum TextReport {
    // MARK: Formatting

    /// An amount of credits in plain decimal notation, at most 9 places, no trailing zeros.
    static func credits(_ value: JSONValue?) -> String {
        guard let double = value?.doubleValue else { return "—" }
        var text = String(format: "%.9f", double)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// An integer with thousands separators (`12,345`).
    static func count(_ value: JSONValue?) -> String {
        guard let int = value?.intValue else { return "—" }
        let digits = String(abs(int))
        var grouped = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { grouped.append(",") }
            grouped.append(ch)
        }
        return (int < 0 ? "-" : "") + grouped
    }

    static func string(_ value: JSONValue?) -> String { value?.stringValue ?? "—" }

    static func padded(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    static func decimal(_ value: JSONValue?, places: Int = 2) -> String {
        guard let double = value?.doubleValue else { return "—" }
        return String(format: "%.\(places)f", double)
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

    /// The estimate of the prompt read from `label`.
    static func estimate(_ result: JSONValue, label: String) -> String {
        let tokens = result["tokens"]
        let cost = result["cost"]
        let recommendation = result["recommendation"]
        let model = result["model"]
        var tokenText = "\(count(tokens?["input"])) input tokens (\(string(tokens?["tokenizer"]))"
        if tokens?["exact"]?.boolValue == true {
            tokenText += ", exact)"
        } else {
            tokenText += ", estimate \(count(tokens?["range"]?["low"]))–\(count(tokens?["range"]?["high"])))"
        }
        let scripts = (tokens?["byScript"]?.members ?? []).map { "\($0.key) \(count($0.value))" }.joined(separator: " · ")
        let inflation = result["inflation"]
        let requested = recommendation?["reason"]?.stringValue?.hasPrefix("requested model") == true
        var outputText = "\(count(cost?["outputTokens"])) tokens"
        if let projection = result["outputProjection"], !projection.isNull {
            outputText += " projected (\(string(projection["basis"]))), range "
                + "\(count(projection["low"]))–\(count(projection["high"]))"
        } else {
            outputText += " (as given)"
        }
        var rows: [(String, String)] = [
            ("Prompt", "\(label): \(tokenText)"),
            ("Scripts", scripts.isEmpty ? "—" : scripts),
            ("Inflation", "×\(decimal(inflation?["factor"])) vs English (dominant \(string(inflation?["dominantScript"]))); "
                + "chars/4 would say \(count(inflation?["naiveEstimate"]))"),
            ("Complexity", "\(decimal(result["complexity"]?["score"])) → \(string(result["complexity"]?["suggestedTier"]))"),
            ("Model", "\(string(model?["id"])) (\(string(model?["tier"])), \(string(model?["provider"]))) — "
                + (requested ? "requested" : "recommended, confidence \(decimal(recommendation?["confidence"]))")),
            ("Output", outputText),
            ("Cost", "\(credits(cost?["credits"])) credits (range \(credits(cost?["range"]?["low"])) – "
                + "\(credits(cost?["range"]?["high"])))"),
            ("", "input \(credits(cost?["input"])) · cached \(credits(cost?["cachedInput"])) · cache write "
                + "\(credits(cost?["cacheWrite"])) · output \(credits(cost?["output"])) · reasoning "
                + "\(credits(cost?["reasoning"]))"),
        ]
        let tiers = result["tiers"]?.elements ?? []
        let modelWidth = tiers.map { string($0["model"]).count }.max() ?? 0
        let tierLines = tiers.map { quote -> String in
            let name = padded(string(quote["tier"]), 10)
            guard let id = quote["model"]?.stringValue else { return name + string(quote["reason"]) }
            return name + padded(id, modelWidth + 2) + credits(quote["credits"])
        }
        rows.append(("Tiers", tierLines.joined(separator: "\n")))
        rows.append(("Why", string(recommendation?["reason"])))
        let warnings = (result["warnings"]?.elements ?? []).compactMap(\.stringValue)
        if !warnings.isEmpty { rows.append(("Warnings", warnings.joined(separator: "\n"))) }
        rows.append(("Catalog", string(result["catalog"]?["version"])))
        return lines(rows)
    }

    // MARK: check

    /// The budget verdict for the prompt read from `label`.
    static func check(_ result: JSONValue, label: String) -> String {
        let allowed = result["allowed"]?.boolValue == true
        var rows: [(String, String)] = [
            ("Verdict", (allowed ? "ALLOWED: " : "REFUSED: ") + string(result["reason"])),
            ("Prompt", label),
            ("Credits", "\(credits(result["credits"])) on \(string(result["model"])) (\(string(result["tier"]))); "
                + "range \(credits(result["range"]?["low"])) – \(credits(result["range"]?["high"]))"),
        ]
        if let after = result["balanceAfter"] { rows.append(("Balance after", credits(after))) }
        if let remaining = result["remainingLimit"] { rows.append(("Limit left", credits(remaining))) }
        let alerts = (result["alerts"]?.elements ?? []).compactMap(\.doubleValue).map { "\(Int(($0 * 100).rounded()))% of the limit" }
        rows.append(("Alerts", alerts.isEmpty ? "none" : alerts.joined(separator: ", ")))
        return lines(rows)
    }

    // MARK: models

    /// The catalog listing as a table.
    static func models(_ result: JSONValue) -> String {
        let catalog = result["catalog"]
        let models = result["models"]?.elements ?? []
        let age = catalog?["ageInDays"]?.intValue
        let stale = catalog?["stale"]?.boolValue == true ? " — STALE, prices may have changed" : ""
        var text = "Catalog \(string(catalog?["version"])) (\(string(catalog?["format"])) format, "
            + "\(count(catalog?["models"])) models; \(count(catalog?["ageInDays"])) day\(age == 1 ? "" : "s") old\(stale))\n"
            + "Source: \(string(catalog?["source"]))\n"
        let bands = (result["tiers"]?.elements ?? []).map { tier -> String in
            let bound = tier["maxPer1K"].map { "≤ $\(credits($0))/1K" } ?? "above"
            return "\(string(tier["name"])) \(bound)"
        }
        text += "Price bands (fallback for models without a tier; blended 3:1 per 1K): \(bands.joined(separator: ", "))\n\n"
        let header = ["TIER", "MODEL", "PROVIDER", "TOKENIZER", "CONTEXT", "IN/M", "OUT/M", "CACHED/M"]
        let rows = models.map { model -> [String] in
            [string(model["tier"]) + (model["tierSource"]?.stringValue == "priceBands" ? "*" : ""),
             string(model["id"]), string(model["provider"]), string(model["tokenizer"]),
             count(model["contextWindow"]), credits(model["inputPerMillion"]), credits(model["outputPerMillion"]),
             model["cachedInputPerMillion"]?.isNull == false ? credits(model["cachedInputPerMillion"]) : "—"]
        }
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        text += all.map { row in
            row.enumerated().map { padded($0.element, widths[$0.offset]) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
        if models.contains(where: { $0["tierSource"]?.stringValue == "priceBands" }) {
            text += "\n* tier from the price bands (the catalog sets none)"
        }
        return text
    }
}
