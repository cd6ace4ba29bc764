import Foundation
import PreflightAPI

/// Renders hover: the whole document's estimate in full, then the paragraph under the cursor.
///
/// Markdown because every editor Preflight targets renders it (Neovim's floating window,
/// eglot's eldoc, VS Code, Helix); tables are avoided where a line reads as well, since eldoc
/// shows the raw text on a terminal.
enum HoverMarkdown {
    /// The hover text for `analysis`, with `paragraph` (the block under the cursor and its
    /// estimate, or why there is none) appended.
    static func render(_ analysis: DocumentAnalysis, paragraph: (lines: ClosedRange<Int>, outcome: DocumentAnalyzer.Outcome)?) -> String {
        var out: [String] = ["### Preflight"]
        out.append("**\(analysis.lensTitle)**")
        if let estimate = analysis.estimate {
            out.append("")
            out.append(contentsOf: whole(estimate, counts: analysis.tokenizerCounts))
        } else {
            out.append("")
            out.append("No estimate: \(analysis.failure ?? "unknown reason").")
            if !analysis.tokenizerCounts.isEmpty {
                out.append("")
                out.append(contentsOf: tokenizerLines(analysis.tokenizerCounts, pricedWith: nil))
            }
        }
        for diagnostic in analysis.diagnostics {
            out.append("")
            out.append("⚠ \(diagnostic.message)")
        }
        if let paragraph {
            out.append("")
            let lines = paragraph.lines.lowerBound == paragraph.lines.upperBound
                ? "line \(paragraph.lines.lowerBound + 1)"
                : "lines \(paragraph.lines.lowerBound + 1)–\(paragraph.lines.upperBound + 1)"
            out.append("#### Paragraph (\(lines))")
            switch paragraph.outcome {
            case .estimate(let estimate):
                out.append("\(CodeLensTitle.title(for: estimate)) (range \(credits(estimate.cost.range.low))–"
                           + "\(credits(estimate.cost.range.high)))")
                out.append("Complexity \(String(format: "%.2f", estimate.complexity.score)) → "
                           + "\(estimate.complexity.suggestedTier.rawValue)")
            case .failed(let reason, _):
                out.append("No estimate: \(reason).")
            case .cancelled:
                out.append("No estimate: cancelled.")
            }
        }
        return out.joined(separator: "\n")
    }

    /// The same text for a client that asked for plain text (eglot without markdown-mode shows
    /// the raw string): headings, bold and italic markers removed, the words unchanged.
    static func plainText(_ markdown: String) -> String {
        markdown.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var text = String(line)
            for prefix in ["#### ", "### "] where text.hasPrefix(prefix) { text.removeFirst(prefix.count) }
            text = text.replacingOccurrences(of: "**", with: "")
            for (marked, plain) in [("_Why:_", "Why:"), ("_Note:_", "Note:")] {
                text = text.replacingOccurrences(of: marked, with: plain)
            }
            return text
        }.joined(separator: "\n")
    }

    private static func whole(_ estimate: EstimateResult, counts: [DocumentAnalysis.TokenizerCount]) -> [String] {
        var out: [String] = []
        let tokens = estimate.tokens
        let countText = tokens.exact
            ? "\(CodeLensTitle.grouped(tokens.input)) tokens (\(tokens.tokenizer), exact)"
            : "~\(CodeLensTitle.grouped(tokens.input)) tokens (\(tokens.tokenizer), estimated, "
                + "\(tokens.range.map { "\(CodeLensTitle.grouped($0.low))–\(CodeLensTitle.grouped($0.high))" } ?? "no range"))"
        out.append("**Tokens** \(countText)")
        out.append("")
        out.append(contentsOf: tokenizerLines(counts, pricedWith: tokens.tokenizer))
        out.append("")
        let scripts = tokens.byScript.members.map { "\($0.name) \(CodeLensTitle.grouped($0.value))" }.joined(separator: " · ")
        out.append("**Scripts** \(scripts.isEmpty ? "none" : scripts) — inflation ×\(String(format: "%.2f", estimate.inflation.factor)) "
                   + "vs English (dominant \(estimate.inflation.dominantScript.rawValue); chars/4 would say "
                   + "\(CodeLensTitle.grouped(estimate.inflation.naiveEstimate)))")
        out.append("")
        let complexity = estimate.complexity
        out.append("**Complexity** \(String(format: "%.2f", complexity.score)) → \(complexity.suggestedTier.rawValue)")
        for (name, value) in complexity.dimensions.members where value > 0 {
            let evidence = complexity.signals.filter { $0.dimension == name }.prefix(3)
                .map { "“\(quoted($0.evidence))”" }.joined(separator: ", ")
            out.append("- \(name) \(String(format: "%.2f", value))" + (evidence.isEmpty ? "" : ": \(evidence)"))
        }
        out.append("")
        let recommendation = estimate.recommendation
        out.append("**Model** \(estimate.model.tier.rawValue) → \(estimate.model.id) (\(estimate.model.provider), "
                   + (estimate.model.contextWindow.map { "\(CodeLensTitle.grouped($0))-token window" } ?? "context window unknown")
                   + ") — "
                   + (recommendation.map { "confidence \(String(format: "%.2f", $0.confidence))" }
                      ?? "no recommendation: no model can hold this prompt"))
        if let noFit = estimate.noFit {
            out.append("")
            out.append("**Does not fit** \(noFit.reason)")
        }
        out.append("")
        out.append("**Cost** \(credits(estimate.cost.credits)) credits (range \(credits(estimate.cost.range.low))–"
                   + "\(credits(estimate.cost.range.high))), \(CodeLensTitle.grouped(estimate.cost.outputTokens)) output tokens projected")
        let others = estimate.tiers.filter { $0.tier != estimate.model.tier }.map { quote -> String in
            if let model = quote.model, let amount = quote.credits {
                return "\(quote.tier.rawValue) \(model) \(credits(amount))"
            }
            return "\(quote.tier.rawValue): \(quote.reason ?? "no model")"
        }
        if !others.isEmpty {
            out.append("")
            out.append("**Other tiers** " + others.joined(separator: " · "))
        }
        out.append("")
        if let recommendation { out.append("_Why:_ \(recommendation.reason)") }
        for warning in estimate.warnings {
            out.append("")
            out.append("_Note:_ \(warning)")
        }
        return out
    }

    private static func tokenizerLines(_ counts: [DocumentAnalysis.TokenizerCount], pricedWith: String?) -> [String] {
        let parts = counts.map { count -> String in
            let value = count.range.map {
                "~\(CodeLensTitle.grouped(count.tokens)) (\(CodeLensTitle.grouped($0.lowerBound))–\(CodeLensTitle.grouped($0.upperBound)))"
            } ?? "\(CodeLensTitle.grouped(count.tokens)) exact"
            return "\(count.tokenizer == pricedWith ? "**\(count.tokenizer)**" : count.tokenizer) \(value)"
        }
        return ["**Per tokenizer** " + parts.joined(separator: " · ")]
    }

    /// Credits with all their digits (hover is the place for the exact figure).
    private static func credits(_ amount: CreditAmount) -> String { amount.description }

    /// Evidence on one line, without characters that would break the Markdown.
    private static func quoted(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "`", with: "'")
        return flat.count > 60 ? String(flat.prefix(57)) + "…" : flat
    }
}
