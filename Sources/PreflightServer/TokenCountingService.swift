#if canImport(Glibc)
import Glibc
#endif
import JSONRPC
import Tokenizers
import Log

/// Counts tokens for the server: the exact encodings where their vocabulary loads, otherwise
/// the vocabulary-free estimator with `exact: false`, a range and a note saying why.
///
/// Vocabularies load lazily (the first count in each encoding) from `models/vocab`, verified
/// against `SHA256SUMS`. A vocabulary that is missing or does not verify is logged once, naming
/// the file, and that encoding is answered by the estimator for the rest of the process (fix
/// the file and restart the server); the server keeps serving either way.
public final class TokenCountingService {
    /// A tokenizer the server can count with.
    public struct TokenizerDescription: Sendable, Equatable {
        /// The name callers pass (`o200k_base`).
        public let name: String
        /// Whether counts are exact.
        public let exact: Bool
    }

    /// One count's outcome.
    public struct Count: Sendable, Equatable {
        /// Token count (point estimate when not exact).
        public let tokens: Int
        /// What counted: the encoding or family name.
        public let tokenizer: String
        /// Whether the count is tiktoken-exact.
        public let exact: Bool
        /// The interval when not exact.
        public let range: ClosedRange<Int>?
        /// Why the count is not exact, for people.
        public let note: String?
    }

    /// Names of the exact encodings.
    public static let encodingNames = EncodingName.allCases.map(\.rawValue)

    private let log: StderrLog
    private let store: EncodingStore?
    private var failures: [EncodingName: VocabularyError] = [:]

    /// Creates the service; vocabularies are looked for in `modelsDirectory/vocab`.
    public init(modelsDirectory: String?, log: StderrLog) {
        self.log = log
        self.store = modelsDirectory.map { EncodingStore(vocabularyDirectory: "\($0)/vocab") }
    }

    /// The tokenizers and whether each is exact: an encoding is exact when its vocabulary file
    /// is present and has not failed to verify (it is not loaded just to answer this).
    public var availableTokenizers: [TokenizerDescription] {
        EncodingName.allCases.map { name in
            let present = store.map { access("\($0.vocabularyDirectory)/\(name.vocabularyFileName)", R_OK) == 0 } ?? false
            return TokenizerDescription(name: name.rawValue, exact: present && failures[name] == nil)
        }
    }

    /// The loaded encoding `name`, or the reason it cannot be had.
    public func encoding(_ name: EncodingName) -> Result<BPEEncoding, VocabularyError> {
        if let failure = failures[name] { return .failure(failure) }
        guard let store else {
            return .failure(VocabularyError(path: "models/vocab/\(name.vocabularyFileName)",
                                            description: "no models/ directory was found (use --models-dir or PREFLIGHT_MODELS)"))
        }
        do throws(VocabularyError) {
            return .success(try store.encoding(name))
        } catch {
            failures[name] = error
            log.warning("\(error.description); \(name.rawValue) counts will be estimates until the file is fixed and the server restarted")
            return .failure(error)
        }
    }

    /// Counts `text` with `tokenizer` in `mode` (`"exact"` or `"estimate"`). Names that are not
    /// exact encodings (families such as `claude`) get the estimator's count under that name.
    public func count(_ text: String, tokenizer: String, mode: String, allowedSpecial: SpecialTokenPolicy = .none) -> Count {
        let why: String
        if let name = EncodingName(rawValue: tokenizer) {
            if mode == "estimate" {
                why = "vocabulary-free estimate (mode \"estimate\")"
            } else {
                switch encoding(name) {
                case .success(let encoding):
                    return Count(tokens: encoding.count(text, allowedSpecial: allowedSpecial), tokenizer: tokenizer,
                                 exact: true, range: nil, note: nil)
                case .failure(let error):
                    why = "vocabulary-free estimate: \(error.description)"
                }
            }
        } else if tokenizer == "estimator" {
            why = "vocabulary-free estimate (the model's tokenizer is unknown)"
        } else {
            why = "estimate: \(tokenizer) has no public vocabulary"
        }
        // Calibrated per encoding; families without a vocabulary are estimated as o200k_base.
        let estimate = VocabularyFreeEstimator.estimate(text, for: EncodingName(rawValue: tokenizer) ?? .o200kBase)
        return Count(tokens: estimate.tokens, tokenizer: tokenizer, exact: false,
                     range: estimate.low...estimate.high, note: why)
    }
}
