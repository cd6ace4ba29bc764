import JSONRPC
import Tokenizers

/// Counts tokens for the server: exact encodings where their vocabulary is loaded, otherwise the
/// vocabulary-free estimator with `exact: false` and a range.
///
/// Until the exact tokenizers land this is the placeholder the transport issue names: every
/// count is the `VocabularyFreeEstimator`'s, reported with `exact: false` and a `note` saying so.
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

    /// Names of the exact encodings the brief requires.
    public static let encodingNames = ["o200k_base", "cl100k_base"]

    private let log: StderrLog

    /// Creates the service; `modelsDirectory` is where vocabularies will be looked for.
    public init(modelsDirectory: String?, log: StderrLog) {
        self.log = log
    }

    /// The tokenizers and whether each is exact.
    public var availableTokenizers: [TokenizerDescription] {
        Self.encodingNames.map { TokenizerDescription(name: $0, exact: false) }
    }

    /// Counts `text` with `tokenizer`; `mode` is `"exact"` or `"estimate"`.
    public func count(_ text: String, tokenizer: String, mode: String) -> Count {
        let estimate = VocabularyFreeEstimator.estimate(text)
        return Count(
            tokens: estimate.tokens, tokenizer: tokenizer, exact: false,
            range: estimate.low...estimate.high,
            note: mode == "estimate"
                ? "vocabulary-free estimate"
                : "placeholder: vocabulary-free estimate until the exact tokenizers land")
    }
}
