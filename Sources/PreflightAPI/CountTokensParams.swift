import Advisor
import JSON

/// `preflight/countTokens`'s params: `text` or `messages`, at most one of `tokenizer` and
/// `model`, `mode`, `allowedSpecial`.
///
/// Shapes are checked here; what needs the server — whether the model is in the catalog, the
/// tokenizer registered, the special-token names the tokenizer's — is checked by the method.
public struct CountTokensParams: Decodable, Sendable, Equatable {
    /// What to count.
    public enum Input: Sendable, Equatable {
        /// A plain text.
        case text(String)
        /// A chat, counted with OpenAI's per-message overhead.
        case messages([ChatMessage])
    }

    /// What to count.
    public var input: Input
    /// The tokenizer's name (default `o200k_base`).
    public var tokenizer: String?
    /// A catalog model whose tokenizer counts.
    public var model: String?
    /// `exact` (default) or `estimate`.
    public var mode: CountMode
    /// Special tokens to count as such.
    public var allowedSpecial: SpecialTokenParams?

    enum CodingKeys: String, CodingKey { case text, messages, tokenizer, model, mode, allowedSpecial }

    /// Params built in code.
    public init(input: Input, tokenizer: String? = nil, model: String? = nil, mode: CountMode = .exact,
                allowedSpecial: SpecialTokenParams? = nil) {
        self.input = input
        self.tokenizer = tokenizer
        self.model = model
        self.mode = mode
        self.allowedSpecial = allowedSpecial
    }

    /// Reads the params in the order the checks are reported.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let hasText = try !container.decodeNil(forKey: .text)
        let hasMessages = try !container.decodeNil(forKey: .messages)
        if hasText && hasMessages {
            throw JSONFieldProblem(codingPath: container.codingPath, key: CodingKeys.messages,
                                   sentence: "give either params.text or params.messages, not both")
        }
        if !hasText && !hasMessages {
            throw JSONFieldProblem(codingPath: container.codingPath, key: CodingKeys.text,
                                   sentence: "params.text (a string) or params.messages (chat messages) is required")
        }
        if try !container.decodeNil(forKey: .tokenizer) && !container.decodeNil(forKey: .model) {
            throw JSONFieldProblem(codingPath: container.codingPath, key: CodingKeys.model,
                                   sentence: "give either params.tokenizer or params.model, not both")
        }
        model = try container.decodeIfPresent(String.self, forKey: .model)
        tokenizer = try container.decodeIfPresent(String.self, forKey: .tokenizer)
        mode = try container.decodeChoiceIfPresent(CountMode.self, forKey: .mode) ?? .exact
        allowedSpecial = try container.decodeIfPresent(SpecialTokenParams.self, forKey: .allowedSpecial)
        if hasText {
            input = .text(try container.decode(String.self, forKey: .text))
        } else {
            input = .messages(try ChatMessageParams.messages(container, forKey: .messages))
        }
    }
}
