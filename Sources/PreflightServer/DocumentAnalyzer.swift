import Advisor
import Documents
import JSONRPC
import PreflightAPI
import Tokenizers

/// Estimates one version of a document and derives what the editor shows: counts per
/// tokenizer, diagnostics and the lens title.
///
/// Everything it reads is an immutable snapshot taken on the dispatch thread (the document's
/// text, the planner over the catalog and router in use, the settings), so it runs on the
/// analysis worker without locks.
struct DocumentAnalyzer: Sendable {
    /// The planner over the catalog and router in use, or why there is none.
    let planner: Result<EstimatePlanner, AdvisorServiceError>
    /// Counts per tokenizer (thread-safe).
    let counter: TokenCountingService
    /// The model priced instead of the recommended one (the `defaultModel` setting).
    let defaultModel: String?
    /// The budget setting, checked against the estimate's cost.
    let budget: Budget?
    /// The connection's position encoding, for diagnostic ranges.
    let encoding: PositionEncoding

    /// Analyses `document` (whose sync state is `state`); `isCancelled` is polled between
    /// models and tokenizers, and a cancelled analysis returns `nil`.
    func analyse(_ document: TextDocument, state: DocumentSyncState, opening: Int,
                 isCancelled: @escaping () -> Bool = { false }) -> DocumentAnalysis? {
        let text = document.text
        var diagnostics: [DiagnosticResult] = []
        if case .outOfSync(let reason) = state {
            diagnostics.append(DocumentDiagnostics.outOfSync(reason: reason, document: document, encoding: encoding))
        }
        var estimate: EstimateResult?
        var failure: String?
        var fallbackTokens: Int?
        switch estimateResult(text, isCancelled: isCancelled) {
        case .cancelled:
            return nil
        case .estimate(let result):
            estimate = result
            if let window = result.model.contextWindow, result.tokens.input > window {
                diagnostics.append(DocumentDiagnostics.contextWindow(
                    tokens: result.tokens.input, tokenizer: result.tokens.tokenizer,
                    modelID: result.noFit?.noModelCanHoldIt == true ? nil : result.model.id,
                    contextWindow: window, largest: largestWindow(),
                    document: document, encoding: encoding))
            }
            if let inflation = DocumentDiagnostics.inflation(result, document: document, encoding: encoding) {
                diagnostics.append(inflation)
            }
            if let budget, let verdict = DocumentDiagnostics.budget(budget, estimate: result, document: document, encoding: encoding) {
                diagnostics.append(verdict)
            }
        case .failed(let reason, let noModelFits):
            failure = reason
            if noModelFits, let largest = largestWindow() {
                let count = counter.count(text, tokenizer: .o200kBase).tokens
                fallbackTokens = count
                failure = "no model can hold it"
                diagnostics.append(DocumentDiagnostics.contextWindow(
                    tokens: count, tokenizer: TokenizerID.o200kBase.name, modelID: nil,
                    contextWindow: largest.window, largest: largest, document: document, encoding: encoding))
            }
        }
        if isCancelled() { return nil }
        // One shared pass: the families estimated alike are read once, not once each.
        let tokenizers = hoverTokenizers()
        let byTokenizer = counter.counts(text, tokenizers: tokenizers)
        let counts = tokenizers.compactMap { tokenizer in
            byTokenizer[tokenizer].map { DocumentAnalysis.TokenizerCount(tokenizer: tokenizer.name, tokens: $0.tokens, range: $0.range) }
        }
        let title = estimate.map(CodeLensTitle.title(for:))
            ?? CodeLensTitle.title(tokens: fallbackTokens, failure: failure ?? "no estimate")
        return DocumentAnalysis(uri: document.uri, version: document.version, opening: opening,
                                estimate: estimate, failure: failure,
                                fallbackTokens: fallbackTokens, tokenizerCounts: counts,
                                diagnostics: diagnostics, lensTitle: title)
    }

    /// What estimating a text gave.
    enum Outcome {
        case estimate(EstimateResult)
        case failed(reason: String, noModelFits: Bool)
        case cancelled
    }

    /// Estimates `text` as one prompt with the settings' model.
    func estimateResult(_ text: String, isCancelled: () -> Bool = { false }) -> Outcome {
        guard !text.isEmpty else { return .failed(reason: "empty prompt", noModelFits: false) }
        let planner: EstimatePlanner
        switch self.planner {
        case .success(let ready): planner = ready
        case .failure(let error): return .failed(reason: error.description, noModelFits: false)
        }
        let request = EstimateRequest(input: .prompt(text), model: defaultModel)
        do {
            let estimate = try planner.estimate(request, isCancelled: isCancelled)
            return .estimate(EstimateResult(estimate, catalog: planner.catalog))
        } catch is CancellationError {
            return .cancelled
        } catch let error as EstimateError {
            return .failed(reason: error.message, noModelFits: error.code == .noModelFits)
        } catch {
            return .failed(reason: "\(error)", noModelFits: false)
        }
    }

    /// The tokenizers hover lists: every tokenizer a catalog model prices with, then the two
    /// OpenAI encodings (the reference counts) if no model uses them. Not every advertised
    /// encoding: one no model prices with would load its vocabulary (tens of MB) and be counted
    /// on every keystroke's analysis for a figure nothing depends on.
    func hoverTokenizers() -> [TokenizerID] {
        var names: [TokenizerID] = []
        if case .success(let planner) = planner {
            for model in planner.catalog.models where !names.contains(model.tokenizer) { names.append(model.tokenizer) }
        }
        for name in [TokenizerID.o200kBase, .cl100kBase] where !names.contains(name) {
            names.append(name)
        }
        return names
    }

    /// The catalog's largest known context window and its model (an unknown window is no bound).
    func largestWindow() -> (id: String, window: Int)? {
        guard case .success(let planner) = planner,
              let model = planner.catalog.models.filter(\.contextWindowIsKnown)
                  .max(by: { $0.contextWindow < $1.contextWindow }) else { return nil }
        return (model.id, model.contextWindow)
    }
}
