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
    /// replaced by its vocabulary-free estimate without loading anything, and a family's basis
    /// encoding by its vocabulary-free estimate; names nothing is registered for are estimated
    /// under their own name. Every estimate carries its `EstimateBasis`. `threads` above 1 lets
    /// an exact encoding count a large text on that many threads (`preflight count`); the server
    /// counts each request on its own thread.
    public func count(_ text: String, tokenizer: TokenizerID, mode: CountMode,
                      allowedSpecial: SpecialTokenPolicy = .none, threads: Int = 1) -> TokenCount {
        if mode == .estimate, let registration = registry.registration(for: tokenizer) {
            if registration.isExact {
                let estimator = registry.estimator(for: tokenizer, note: "vocabulary-free estimate (mode \"estimate\")")
                return Self.withBasis(estimator.count(text, allowedSpecial: allowedSpecial), of: estimator)
            }
            if let table = registration.familyFactors {
                let basis = registry.estimator(for: table.basis, note: "vocabulary-free estimate (mode \"estimate\")")
                return FamilyFactorEstimator(table: table, basisTokenizer: basis).count(text, allowedSpecial: allowedSpecial)
            }
        }
        let counter = registry.tokenizer(for: tokenizer)
        return Self.withBasis(counter.count(text, allowedSpecial: allowedSpecial, threads: threads), of: counter)
    }

    /// `count` with a basis when `counter` is the vocabulary-free estimator (which does not say
    /// one itself): the encoding it is calibrated to, no exact count, factor 1 and the
    /// interval's ends relative to the estimate.
    static func withBasis(_ count: TokenCount, of counter: any Tokenizer) -> TokenCount {
        guard !count.isExact, count.basis == nil, let estimator = counter as? VocabularyFreeEstimator else { return count }
        let tokens = Double(max(count.tokens, 1))
        return count.with(basis: EstimateBasis(
            encoding: estimator.calibration.encoding, encodingTokens: nil, factor: 1,
            factorRange: (Double(count.low) / tokens)...max(1, Double(count.high) / tokens),
            source: "vocabulary-free estimator (scalar classes fitted to \(estimator.calibration.encoding) on FLORES-200 dev)"))
    }

    /// Counts `text` under `tokenizer` as ordinary text, for the advisor's pricing.
    public func count(_ text: String, tokenizer: TokenizerID) -> TokenCount {
        count(text, tokenizer: tokenizer, mode: .exact)
    }

    /// Provisional counts for the advisor's ranking: the final count (`counts`) of every
    /// tokenizer that needs no vocabulary loaded now, and for the others — an exact encoding with
    /// measured ratios to `o200k_base` (`VocabularyRatioTable`), or a family counted on one — a
    /// `ReferenceRatioEstimate` from `reference`, loading nothing. A name with neither is counted.
    public func provisionalCounts(_ text: String, tokenizers: [TokenizerID], reference: TokenCount,
                                  profile: UnicodeScriptProfile?) -> [TokenizerID: ProvisionalCount] {
        var result: [TokenizerID: ProvisionalCount] = [:]
        var ready: [TokenizerID] = []
        var shape: (profile: UnicodeScriptProfile, hasDigits: Bool)? = nil   // made once, if needed
        for id in tokenizers where result[id] == nil && !ready.contains(id) {
            let family = registry.registration(for: id)?.familyFactors
            guard reference.isExact, registry.needsLoading(id),
                  let ratios = VocabularyRatioTable.table(for: family?.basis ?? id) else {
                ready.append(id)
                continue
            }
            let text = shape ?? (profile ?? UnicodeScriptProfile(text), ReferenceRatioEstimate.hasDigits(text))
            shape = text
            let estimate = ReferenceRatioEstimate(profile: text.profile, hasDigits: text.hasDigits,
                                                  reference: reference.tokens, tokenizer: id, ratios: ratios,
                                                  family: family)
            result[id] = ProvisionalCount(bound: estimate.count, pointRange: estimate.pointRange)
        }
        for (id, count) in counts(text, tokenizers: ready, profile: shape?.profile ?? profile) {
            result[id] = ProvisionalCount(final: count)
        }
        return result
    }

    /// Counts `text` under each of `tokenizers` for the advisor: each exact encoding once, every
    /// tokenizer answered by the vocabulary-free estimator with the same calibration from one
    /// estimate, and every family from one run-by-run count per basis encoding (`claude`,
    /// `gemini`, `grok`, `kimi` all rest on o200k_base) — reported under each one's name, note and
    /// basis; a catalog of eight families reads a long prompt once per basis, not eight times.
    public func counts(_ text: String, tokenizers: [TokenizerID], profile: UnicodeScriptProfile?)
        -> [TokenizerID: TokenCount] {
        var result: [TokenizerID: TokenCount] = [:]
        var estimates: [TokenizerID: TokenCount] = [:]   // by calibration
        var basisRuns: [TokenizerID: [FamilyFactorEstimator.BasisRun]] = [:]   // by basis encoding
        for id in tokenizers where result[id] == nil {
            let tokenizer = registry.tokenizer(for: id)
            if let family = tokenizer as? FamilyFactorEstimator {
                let runs = basisRuns[family.table.basis]
                    ?? FamilyFactorEstimator.basisRuns(of: text, profile: profile, in: family.basisTokenizer)
                basisRuns[family.table.basis] = runs
                result[id] = family.estimate(from: runs)
                continue
            }
            guard let estimator = tokenizer as? VocabularyFreeEstimator else {
                result[id] = tokenizer.count(text, allowedSpecial: .none)
                continue
            }
            let shared = estimates[estimator.calibration.encoding] ?? estimator.count(text, allowedSpecial: .none)
            estimates[estimator.calibration.encoding] = shared
            result[id] = Self.withBasis(.estimated(shared.tokens, range: shared.low...shared.high, tokenizer: estimator.id,
                                                   note: estimator.note), of: estimator)
        }
        return result
    }
}
