import Documents
import PreflightAPI

/// What the server worked out for one version of an open document: the estimate (or why
/// there is none), the count under every tokenizer, the diagnostics and the code lens title.
///
/// Made off the reader thread by `DocumentAnalyzer` and handed back through the inbox;
/// `Sendable` so it can cross.
struct DocumentAnalysis: Sendable {
    /// The count of the document under one tokenizer, for hover.
    struct TokenizerCount: Sendable, Equatable {
        /// The tokenizer's name.
        let tokenizer: String
        /// Its count.
        let tokens: Int
        /// `nil` when exact, else the estimate's range.
        let range: ClosedRange<Int>?
    }

    /// The document.
    let uri: String
    /// The version analysed.
    let version: Int
    /// Which opening of the document (a reopen can repeat a version).
    let opening: Int
    /// The estimate of the whole document, when one could be made.
    let estimate: EstimateResult?
    /// Why there is no estimate (an empty document, no catalog, no model can hold it).
    let failure: String?
    /// The input token count shown when there is no estimate (under `o200k_base`).
    let fallbackTokens: Int?
    /// The document under each tokenizer.
    let tokenizerCounts: [TokenizerCount]
    /// Everything wrong with it, for `publishDiagnostics`.
    let diagnostics: [DiagnosticResult]
    /// The code lens title.
    let lensTitle: String
}
