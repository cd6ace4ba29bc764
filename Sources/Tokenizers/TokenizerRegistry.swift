#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The tokenizers a process can count with, keyed by `TokenizerID`, each made (its vocabulary
/// loaded and verified) on first use and then shared.
///
/// Every consumer asks here instead of switching over names: the count service, `initialize`'s
/// tokenizer list, parameter validation and the advisor's per-model counts. A tokenizer that
/// cannot be made (a vocabulary file missing or failing its SHA-256) is reported once through
/// `onLoadFailure` and from then on answered by the vocabulary-free estimator with a range and
/// a note naming the file, so the server keeps serving; the failure is remembered for the life
/// of the registry (fix the file and restart). Names that are not registered are estimated too,
/// as families without a public vocabulary. Safe to use from any thread; a tokenizer is made
/// outside the lock (so one may ask the registry for another), and if two threads race to make
/// the same one the first stored wins.
public final class TokenizerRegistry: Sendable {
    /// Where vocabulary files are looked for (`models/vocab`); `nil` when no `models/` directory
    /// was found, in which case every tokenizer that needs a file falls back to the estimator.
    public let vocabularyDirectory: String?
    /// The registrations, in listing order.
    public let registrations: [TokenizerRegistration]
    private let registrationsByID: [TokenizerID: TokenizerRegistration]
    private let onLoadFailure: @Sendable (TokenizerID, VocabularyError) -> Void
    private let made = Mutex<[TokenizerID: Result<any Tokenizer, VocabularyError>]>([:])

    /// Creates a registry; nothing is loaded yet.
    ///
    /// - Parameters:
    ///   - vocabularyDirectory: the path of `models/vocab`, or `nil` when there is none.
    ///   - registrations: the tokenizers (the built-in ones unless a test brings its own); a
    ///     later registration with the same id replaces an earlier one.
    ///   - onLoadFailure: told once per tokenizer that cannot be made, e.g. to log it.
    public init(vocabularyDirectory: String?,
                registrations: [TokenizerRegistration] = TokenizerRegistration.builtIn,
                onLoadFailure: @escaping @Sendable (TokenizerID, VocabularyError) -> Void = { _, _ in }) {
        self.vocabularyDirectory = vocabularyDirectory
        var byID: [TokenizerID: TokenizerRegistration] = [:]
        var ordered: [TokenizerRegistration] = []
        for registration in registrations {
            if byID[registration.id] != nil { ordered.removeAll { $0.id == registration.id } }
            byID[registration.id] = registration
            ordered.append(registration)
        }
        self.registrations = ordered
        self.registrationsByID = byID
        self.onLoadFailure = onLoadFailure
    }

    /// The registration of `id`, or `nil` when nothing is registered under it.
    public func registration(for id: TokenizerID) -> TokenizerRegistration? {
        registrationsByID[id]
    }

    /// The advertised tokenizers and whether each counts exactly now: an exact tokenizer is
    /// exact while its vocabulary files are readable and it has not failed to load (checked
    /// without loading anything).
    public var availableTokenizers: [TokenizerAvailability] {
        let failed = made.withLock { made in Set(made.compactMap { $0.value.isFailure ? $0.key : nil }) }
        return registrations.filter(\.isAdvertised).map { registration in
            let present = registration.vocabularyFiles.allSatisfy { file in
                vocabularyDirectory.map { access("\($0)/\(file)", R_OK) == 0 } ?? false
            }
            return TokenizerAvailability(id: registration.id,
                                         isExact: registration.isExact && present && !failed.contains(registration.id),
                                         familyFactors: registration.familyFactors)
        }
    }

    /// The registered tokenizer `id`, made on first use; `nil` when `id` is not registered.
    ///
    /// Throws the `VocabularyError` that kept it from being made — the same error on every
    /// later call, without trying again (it was reported once through `onLoadFailure`).
    public func load(_ id: TokenizerID) throws(VocabularyError) -> (any Tokenizer)? {
        guard let registration = registrationsByID[id] else { return nil }
        if let known = made.withLock({ $0[id] }) { return try known.get() }
        let result: Result<any Tokenizer, VocabularyError>
        do throws(VocabularyError) {
            result = .success(try registration.makeTokenizer(self))
        } catch {
            result = .failure(error)
        }
        let (stored, isFirst) = made.withLock { made -> (Result<any Tokenizer, VocabularyError>, Bool) in
            if let raced = made[id] { return (raced, false) }
            made[id] = result
            return (result, true)
        }
        if isFirst, case .failure(let error) = stored { onLoadFailure(id, error) }
        return try stored.get()
    }

    /// Whether `id` has been made successfully (for status reports; does not load it).
    public func isLoaded(_ id: TokenizerID) -> Bool {
        made.withLock { $0[id].map { !$0.isFailure } ?? false }
    }

    /// The registered tokenizers made successfully so far, in listing order: which vocabularies
    /// this process has loaded (an estimate should load only those it needs).
    public var loadedTokenizers: [TokenizerID] {
        let made = made.withLock { made in Set(made.compactMap { $0.value.isFailure ? nil : $0.key }) }
        return registrations.map(\.id).filter(made.contains)
    }

    /// Whether counting with `id` now would read a vocabulary file: it is registered, has not
    /// been made (or failed) yet, and needs files — directly, or through a family's basis
    /// encoding. Names nothing is registered under, and the vocabulary-free estimator, need none.
    public func needsLoading(_ id: TokenizerID) -> Bool {
        guard let registration = registrationsByID[id], made.withLock({ $0[id] }) == nil else { return false }
        if let table = registration.familyFactors { return needsLoading(table.basis) }
        return !registration.vocabularyFiles.isEmpty
    }

    /// A tokenizer that counts under `id`, whatever happens: the registered one when it can be
    /// made; otherwise the vocabulary-free estimator calibrated for it, with a note naming the
    /// file at fault; for a name nothing is registered under, the estimator with a note saying
    /// that family has no public vocabulary.
    public func tokenizer(for id: TokenizerID) -> any Tokenizer {
        do throws(VocabularyError) {
            if let tokenizer = try load(id) { return tokenizer }
            return VocabularyFreeEstimator(id: id, calibration: .o200kBase, note: "estimate: \(id) has no public vocabulary")
        } catch {
            return estimator(for: id, note: "vocabulary-free estimate: \(error.description)")
        }
    }

    /// The vocabulary-free estimator standing in for `id` (calibrated for it when registered),
    /// reporting under `id` with `note`; loads nothing.
    public func estimator(for id: TokenizerID, note: String) -> VocabularyFreeEstimator {
        VocabularyFreeEstimator(id: id, calibration: registrationsByID[id]?.estimatorCalibration ?? .o200kBase, note: note)
    }

    /// The vocabulary directory, for a registration about to read `fileName` from it; throws
    /// a `VocabularyError` naming the file when no `models/` directory was found.
    public func vocabularyDirectory(for fileName: String) throws(VocabularyError) -> String {
        guard let vocabularyDirectory else {
            throw VocabularyError(path: "models/vocab/\(fileName)",
                                  description: "no models/ directory was found (use --models-dir or PREFLIGHT_MODELS)")
        }
        return vocabularyDirectory
    }
}

extension Result {
    /// Whether this is a failure (for the registry's bookkeeping).
    fileprivate var isFailure: Bool {
        if case .failure = self { return true }
        return false
    }
}
