import Advisor
import JSONRPC
import Tokenizers

/// The advisor's `TokenCounting`, backed by the server's `TokenCountingService`.
///
/// The advisor prices every model with that model's own tokenizer but owns none, so this is the
/// bridge: the exact encodings (`o200k_base`, `cl100k_base`) go to the service in `exact` mode;
/// every other name — a family without a public vocabulary (`claude`, `gemini`, `llama`, …) or
/// `estimator` — goes to the service's vocabulary-free estimate path and is reported with
/// `exact: false` under the family's name, so a Claude price never claims an exact count.
///
/// `@unchecked Sendable`: `EstimatePlanner` is `Sendable` and so asks for a `Sendable` counter,
/// but the service is a class used only on the connection thread (or the CLI's main thread);
/// the planner runs synchronously on that same thread and never hands the counter elsewhere.
public final class ServiceTokenCounter: TokenCounting, @unchecked Sendable {
    /// The service that does the counting.
    public let service: TokenCountingService

    /// Wraps `service`.
    public init(service: TokenCountingService) {
        self.service = service
    }

    /// Whether `tokenizer` is one of the exact encodings (as opposed to a family or the estimator).
    public static func isEncoding(_ tokenizer: String) -> Bool {
        TokenCountingService.encodingNames.contains(tokenizer)
    }

    /// Counts `text` under `tokenizer` in `mode` (`exact` or `estimate`), as `preflight/countTokens`
    /// reports it: encodings as the service counts them, families through the estimate path
    /// under their own name and never exact.
    public func serviceCount(_ text: String, tokenizer: String, mode: String,
                             allowedSpecial: SpecialTokenPolicy = .none) -> TokenCountingService.Count {
        if ServiceTokenCounter.isEncoding(tokenizer) {
            return service.count(text, tokenizer: tokenizer, mode: mode, allowedSpecial: allowedSpecial)
        }
        let estimate = service.count(text, tokenizer: tokenizer, mode: "estimate")
        let note = tokenizer == "estimator"
            ? "vocabulary-free estimate (the model's tokenizer is unknown)"
            : "estimate: \(tokenizer) has no public vocabulary"
        return TokenCountingService.Count(
            tokens: estimate.tokens, tokenizer: tokenizer, exact: false,
            range: estimate.range ?? estimate.tokens...estimate.tokens, note: note)
    }

    /// Counts `text` under `tokenizer` for the advisor.
    public func count(_ text: String, tokenizer: String) -> CountedTokens {
        let result = serviceCount(text, tokenizer: tokenizer, mode: "exact")
        return CountedTokens(tokens: result.tokens, exact: result.exact, tokenizer: result.tokenizer,
                             low: result.range?.lowerBound, high: result.range?.upperBound)
    }
}
