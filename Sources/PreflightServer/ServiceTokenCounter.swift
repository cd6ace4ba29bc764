import Advisor
import JSONRPC
import Tokenizers

/// The advisor's `TokenCounting`, backed by the server's `TokenCountingService`.
///
/// The advisor prices every model with that model's own tokenizer but owns none, so this is the
/// bridge: the service counts the exact encodings (`o200k_base`, `cl100k_base`) exactly and
/// every other name — a family without a public vocabulary (`claude`, `gemini`, `llama`, …) or
/// `estimator` — with the vocabulary-free estimator, reported `exact: false` under that name,
/// so a Claude price never claims an exact count.
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

    /// Counts `text` under `tokenizer` in `mode` (`exact` or `estimate`), as `preflight/countTokens`
    /// reports it. The service answers families and `estimator` itself, never as exact.
    public func serviceCount(_ text: String, tokenizer: String, mode: String,
                             allowedSpecial: SpecialTokenPolicy = .none) -> TokenCountingService.Count {
        service.count(text, tokenizer: tokenizer, mode: mode, allowedSpecial: allowedSpecial)
    }

    /// Counts `text` under `tokenizer` for the advisor.
    public func count(_ text: String, tokenizer: String) -> CountedTokens {
        let result = serviceCount(text, tokenizer: tokenizer, mode: "exact")
        return CountedTokens(tokens: result.tokens, exact: result.exact, tokenizer: result.tokenizer,
                             low: result.range?.lowerBound, high: result.range?.upperBound)
    }
}
