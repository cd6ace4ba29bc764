import PreflightAPI
import Advisor
import Tokenizers
import Log

/// Counts tokens for the server, the command line and the advisor: the one count service.
///
/// It asks the `TokenizerRegistry` for the tokenizer of a name — the exact encodings where
/// their vocabulary loads, otherwise the vocabulary-free estimator with `exact: false`, a range
/// and a note saying why — and answers with a `TokenCount`. It is also the advisor's
/// `TokenCounting`, so a Claude price is counted exactly as `preflight/countTokens` with
/// `model` counts it and never claims to be exact.
///
/// Vocabularies load lazily (the first count in each encoding) from `models/vocab`, verified
/// against `SHA256SUMS`. A vocabulary that is missing or does not verify is logged once, naming
/// the file, and that encoding is answered by the estimator for the rest of the process (fix
/// the file and restart the server); the server keeps serving either way.
public final class TokenCountingService: TokenCounting {
    /// The names `tokenizer` parameters and `preflight count --tokenizer` accept: the advertised
    /// built-in tokenizers, in listing order.
    public static let tokenizerNames = TokenizerRegistration.builtIn.filter(\.isAdvertised).map(\.id.name)

    /// The special tokens `allowedSpecial` may name for `tokenizer`, or `nil` when any name is
    /// accepted (a tokenizer without special tokens ignores them); known without loading.
    public static func specialTokenNames(of tokenizer: TokenizerID) -> [String]? {
        guard let names = TokenizerRegistration.builtIn.last(where: { $0.id == tokenizer })?.specialTokenNames,
              !names.isEmpty else { return nil }
        return names
    }

    /// The tokenizers this service counts with.
    public let registry: TokenizerRegistry

    /// Creates the service over the built-in tokenizers; vocabularies are looked for in
    /// `modelsDirectory/vocab`, and a vocabulary that fails to load is logged once to `log`.
    public convenience init(modelsDirectory: String?, log: StderrLog) {
        self.init(registry: TokenizerRegistry(
            vocabularyDirectory: modelsDirectory.map { "\($0)/vocab" },
            onLoadFailure: { id, error in
                log.warning("\(error.description); \(id) counts will be estimates until the file is fixed and the server restarted")
            }))
    }

    /// Creates the service over `registry` (tests register their own tokenizers).
    public init(registry: TokenizerRegistry) {
        self.registry = registry
    }

    /// The advertised tokenizers and whether each is exact now (nothing is loaded to answer).
    public var availableTokenizers: [TokenizerAvailability] {
        registry.availableTokenizers
    }

    /// Counts `text` with `tokenizer` in `mode`. In `.estimate` mode an exact tokenizer is
    /// replaced by its vocabulary-free estimate without loading anything; names nothing is
    /// registered for (families such as `claude`) are estimated under their own name. `threads`
    /// above 1 lets an exact encoding count a large text on that many threads (`preflight
    /// count`); the server counts each request on its own thread.
    public func count(_ text: String, tokenizer: TokenizerID, mode: CountMode,
                      allowedSpecial: SpecialTokenPolicy = .none, threads: Int = 1) -> TokenCount {
        if mode == .estimate, registry.registration(for: tokenizer)?.isExact == true {
            return registry.estimator(for: tokenizer, note: "vocabulary-free estimate (mode \"estimate\")")
                .count(text, allowedSpecial: allowedSpecial)
        }
        return registry.tokenizer(for: tokenizer).count(text, allowedSpecial: allowedSpecial, threads: threads)
    }

    /// Counts `text` under `tokenizer` as ordinary text, for the advisor's pricing.
    public func count(_ text: String, tokenizer: TokenizerID) -> TokenCount {
        count(text, tokenizer: tokenizer, mode: .exact)
    }

    /// Counts `text` under each of `tokenizers` for the advisor: each exact encoding once, and
    /// every tokenizer answered by the vocabulary-free estimator with the same calibration (the
    /// families without a public vocabulary: `claude`, `gemini`, `llama`, …) from one estimate,
    /// reported under each one's name and note — the estimate depends only on the text and the
    /// calibration, so a catalog of eight families reads a long prompt once, not eight times.
    public func counts(_ text: String, tokenizers: [TokenizerID]) -> [TokenizerID: TokenCount] {
        var result: [TokenizerID: TokenCount] = [:]
        var estimates: [TokenizerID: TokenCount] = [:]   // by calibration
        for id in tokenizers where result[id] == nil {
            let tokenizer = registry.tokenizer(for: id)
            guard let estimator = tokenizer as? VocabularyFreeEstimator else {
                result[id] = tokenizer.count(text, allowedSpecial: .none)
                continue
            }
            let shared = estimates[estimator.calibration.encoding] ?? estimator.count(text, allowedSpecial: .none)
            estimates[estimator.calibration.encoding] = shared
            result[id] = .estimated(shared.tokens, range: shared.low...shared.high, tokenizer: estimator.id,
                                    note: estimator.note)
        }
        return result
    }
}
