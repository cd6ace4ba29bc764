import Advisor
import Documents
import Foundation
import PreflightAPI

/// The diagnostics Preflight publishes for a prompt, each with a range and a message a person
/// can act on.
///
/// - `context-window` (error): the prompt does not fit the chosen model (the `defaultModel`
///   setting, or — with none — any model in the catalog); the range starts about where the
///   window runs out, so the editor underlines what would not fit.
/// - `inflation` (information from ×1.5, warning from ×2.5): the text takes many more tokens
///   than the same content in English, so it costs that much more.
/// - `budget` (error when the configured budget would refuse the prompt, warning when sending
///   it crosses a 50/75/90% alert).
/// - `out-of-sync` (error): an edit could not be applied; figures are for the last good text.
enum DocumentDiagnostics {
    /// Inflation from this factor is worth a note…
    static let inflationInformation = 1.5
    /// …and from this one a warning.
    static let inflationWarning = 2.5

    /// The out-of-sync diagnostic.
    static func outOfSync(reason: String, document: TextDocument, encoding: PositionEncoding) -> DiagnosticResult {
        DiagnosticResult(
            range: firstLine(of: document, encoding: encoding), severity: .error, code: "out-of-sync",
            message: "Preflight's copy of this document is out of sync (\(reason)); figures are for the last text "
                + "it could apply. Save and reopen the file (or let the editor resend it whole) to resynchronise.")
    }

    /// The prompt is over `model`'s window (`contextWindow` tokens) with `tokens` input tokens.
    static func contextWindow(tokens: Int, tokenizer: String, modelID: String?, contextWindow: Int,
                              largest: (id: String, window: Int)?, document: TextDocument,
                              encoding: PositionEncoding) -> DiagnosticResult {
        if tokens <= contextWindow {
            // The input fits the largest window but not with the projected answer: the planner
            // counts both. Nothing to underline in the text; say what to change.
            return DiagnosticResult(
                range: firstLine(of: document, encoding: encoding), severity: .error, code: "context-window",
                message: "This prompt is \(CodeLensTitle.grouped(tokens)) tokens (\(tokenizer)): it fits the largest context "
                    + "window in the catalog (\(CodeLensTitle.grouped(contextWindow)) tokens\(largest.map { ", \($0.id)" } ?? "")) "
                    + "but leaves no room for the projected answer. Shorten the prompt or ask for a shorter answer.")
        }
        // Where the window runs out, by proportion of bytes, snapped back to a line start.
        let fitting = Int((Double(document.utf8.count) * Double(contextWindow) / Double(max(tokens, 1))).rounded(.down))
        let line = document.line(containingByte: min(fitting, document.utf8.count))
        let start = document.lineStarts[line]
        let range = TextRange(start: document.position(ofByte: start, encoding: encoding),
                              end: document.position(ofByte: document.utf8.count, encoding: encoding))
        let over = CodeLensTitle.grouped(tokens - contextWindow)
        let count = CodeLensTitle.grouped(tokens)
        let window = CodeLensTitle.grouped(contextWindow)
        let message: String
        if let modelID {
            var advice = "shorten it by at least \(over) tokens (from about here), or choose a model with a larger window"
            if let largest, largest.window > contextWindow {
                advice += " (the largest in the catalog: \(largest.id), \(CodeLensTitle.grouped(largest.window)) tokens)"
            }
            message = "This prompt is \(count) tokens (\(tokenizer)), over \(modelID)'s \(window)-token context window "
                + "by \(over): \(advice)."
        } else {
            message = "This prompt is about \(count) tokens (\(tokenizer)); no model in the catalog can hold it — the "
                + "largest context window is \(window) tokens\(largest.map { " (\($0.id))" } ?? ""). "
                + "Shorten it by at least \(over) tokens (from about here) or split it."
        }
        return DiagnosticResult(range: range, severity: .error, code: "context-window", message: message)
    }

    /// High token inflation, or `nil` below the information threshold.
    static func inflation(_ estimate: EstimateResult, document: TextDocument, encoding: PositionEncoding) -> DiagnosticResult? {
        let factor = estimate.inflation.factor
        guard factor >= inflationInformation else { return nil }
        let shown = String(format: "%.1f", factor)
        let script = estimate.inflation.dominantScript.rawValue
        return DiagnosticResult(
            range: firstLine(of: document, encoding: encoding),
            severity: factor >= inflationWarning ? .warning : .information, code: "inflation",
            message: "Token inflation ×\(shown): this \(script) text takes about \(shown)× the tokens the same "
                + "content would take in English (\(CodeLensTitle.grouped(estimate.tokens.input)) tokens; chars/4 "
                + "would say \(CodeLensTitle.grouped(estimate.inflation.naiveEstimate))), so it costs about "
                + "\(shown)× as much. A model whose tokenizer suits \(script) text, or an English prompt, costs less.")
    }

    /// The budget's verdict on the estimate's cost, or `nil` when it passes without an alert.
    static func budget(_ budget: Budget, estimate: EstimateResult, document: TextDocument,
                       encoding: PositionEncoding) -> DiagnosticResult? {
        // As preflight/check decides: a prompt the model cannot hold is refused whatever the budget.
        let verdict = BudgetCheck.evaluate(credits: estimate.cost.credits.value, budget: budget, noFit: estimate.noFit)
        let cost = "\(CodeLensTitle.significant(estimate.cost.credits.value)) credits at \(estimate.model.id)"
        if !verdict.allowed {
            return DiagnosticResult(range: firstLine(of: document, encoding: encoding), severity: .error, code: "budget",
                                    message: "Budget: sending this prompt (\(cost)) would be refused: \(verdict.reason)")
        }
        guard let alert = verdict.alerts.max() else { return nil }
        let percent = NSDecimalNumber(decimal: alert * 100).intValue
        return DiagnosticResult(range: firstLine(of: document, encoding: encoding), severity: .warning, code: "budget",
                                message: "Budget: sending this prompt (\(cost)) crosses the \(percent)% alert: \(verdict.reason)")
    }

    /// Line 1's text, where whole-document diagnostics go (beside the code lens).
    static func firstLine(of document: TextDocument, encoding: PositionEncoding) -> TextRange {
        TextRange(start: TextPosition(line: 0, character: 0),
                  end: document.position(ofByte: document.contentEnd(ofLine: 0), encoding: encoding))
    }
}
