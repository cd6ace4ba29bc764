import Advisor
import JSON
import JSONRPC
import PreflightAPI
import Tokenizers

/// `preflight/countTokens` (how many tokens a text or chat is, per tokenizer) and
/// `preflight/tokenize` (where each token falls, for editors).
///
/// Each is a public typed function as well as a registered method, so `preflight count`
/// answers with the same code and its `--json` is the method's result.
public enum TokenCountMethods {
    /// Largest text `preflight/tokenize` accepts (256 KiB, some 60,000 tokens: more than an
    /// editor shows at once). Each token costs ~400 bytes of reply tree and ~35 bytes of JSON,
    /// so a bigger text would make replies of hundreds of megabytes; `countTokens` has no such
    /// limit.
    public static let maxTokenizeBytes = 256 << 10

    static func register(into registry: inout MethodRegistry, context: ServerContext) {
        registry.request("preflight/countTokens", TypedMethod.handler("preflight/countTokens", CountTokensParams.self, log: context.log) {
            request throws(JSONRPCError) in try countTokens(request.params, context: context) { request.isCancelled }
        })
        registry.request("preflight/tokenize", TypedMethod.handler("preflight/tokenize", TokenizeParams.self, log: context.log) {
            request throws(JSONRPCError) in try tokenize(request.params, context: context)
        })
    }

    /// `preflight/countTokens`: a text's count, or a chat's with OpenAI's published overhead
    /// (each message's role, text parts and name, plus 3 tokens per message, 1 per name and 3
    /// priming the reply). `isCancelled` is polled before each text of a chat is counted (a
    /// single text is counted in one piece); once true the count stops with -32800.
    public static func countTokens(_ params: CountTokensParams, context: ServerContext,
                                   isCancelled: () -> Bool = { false }) throws(JSONRPCError) -> TokenCountResult {
        let tokenizer: TokenizerID
        if let modelID = params.model {
            tokenizer = try ProtocolErrors.advisor(field: "params.model") { () throws(AdvisorServiceError) in
                try context.advisor.model(modelID)
            }.tokenizer
        } else {
            tokenizer = try registeredTokenizer(params.tokenizer)
        }
        let allowedSpecial = try specialTokenPolicy(params.allowedSpecial, tokenizer: tokenizer)
        let counter = context.advisor.counter
        func count(_ text: String) throws(JSONRPCError) -> TokenCount {
            if isCancelled() { throw JSONRPCError(.requestCancelled, "request cancelled") }
            return counter.count(text, tokenizer: tokenizer, mode: params.mode, allowedSpecial: allowedSpecial)
        }
        switch params.input {
        case .text(let text):
            return result(try count(text))
        case .messages(let messages):
            var parts: [TokenCount] = []
            var uncounted: [String] = []
            for (index, message) in messages.enumerated() {
                parts.append(try count(message.role))
                for part in message.content {
                    switch part {
                    case .text(let text): parts.append(try count(text))
                    case .other(let type): uncounted.append("messages[\(index)]: \(type)")
                    }
                }
                if let name = message.name { parts.append(try count(name)) }
            }
            let overhead = MessageOverhead.openAI.tokens(for: messages)
            let total = TokenCount(summing: parts, plus: overhead, tokenizer: tokenizer)
            return TokenCountResult(tokens: total.tokens, tokenizer: tokenizer.name, exact: total.isExact,
                                    messageOverhead: overhead, range: range(total),
                                    basis: total.basis.map(EstimateBasisResult.init),
                                    notCounted: uncounted.isEmpty ? nil : uncounted, note: total.note)
        }
    }

    /// `preflight/tokenize`: the token ids of `text` with their UTF-8 byte ranges.
    public static func tokenize(_ params: TokenizeParams, context: ServerContext) throws(JSONRPCError) -> TokenizeResult {
        guard params.text.utf8.count <= maxTokenizeBytes else {
            throw .invalidParams("params.text is longer than \(maxTokenizeBytes) bytes; use preflight/countTokens for counts",
                                 field: "params.text")
        }
        let tokenizer = try registeredTokenizer(params.tokenizer)
        let allowedSpecial = try specialTokenPolicy(params.allowedSpecial, tokenizer: tokenizer)
        let loaded: (any Tokenizer)?
        do throws(VocabularyError) {
            loaded = try context.tokenCounter.registry.load(tokenizer)
        } catch {
            throw JSONRPCError(.internalError, "\(tokenizer) is not available: \(error.description)",
                               details: ["file": error.path])
        }
        guard let spans = loaded?.encode(params.text, allowedSpecial: allowedSpecial) else {
            throw .invalidParams("\(tokenizer) only estimates counts, so it has no token boundaries", field: "params.tokenizer")
        }
        return TokenizeResult(tokenizer: tokenizer.name, tokens: spans)
    }

    /// The result of one text's count.
    public static func result(_ count: TokenCount) -> TokenCountResult {
        TokenCountResult(tokens: count.tokens, tokenizer: count.tokenizer.name, exact: count.isExact,
                         range: range(count), basis: count.basis.map(EstimateBasisResult.init), note: count.note)
    }

    static func range(_ count: TokenCount) -> Interval<Int>? {
        count.range.map { Interval(low: $0.lowerBound, high: $0.upperBound) }
    }

    /// `params.tokenizer`, which must be a registered (advertised) tokenizer — an exact encoding
    /// or an estimated family (`claude`, `gemini`, …) — or a family name a catalog may give
    /// (`qwen`, `mistral`, … are registered as their estimates); default `o200k_base`.
    static func registeredTokenizer(_ name: String?) throws(JSONRPCError) -> TokenizerID {
        guard let name else { return .o200kBase }
        let allowed = TokenCountingService.tokenizerNames
        guard allowed.contains(name) else {
            throw .invalidParams(
                "params.tokenizer must be one of \(allowed.map { "\"\($0)\"" }.joined(separator: ", ")), not \"\(name)\"",
                field: "params.tokenizer")
        }
        return TokenizerID(name)
    }

    /// `allowedSpecial` for `tokenizer`: absent means special-token text counts as ordinary text.
    static func specialTokenPolicy(_ params: SpecialTokenParams?, tokenizer: TokenizerID) throws(JSONRPCError) -> SpecialTokenPolicy {
        switch params {
        case nil: return .none
        case .all: return .all
        case .names(let names):
            let field = "params.allowedSpecial"
            if let known = TokenCountingService.specialTokenNames(of: tokenizer) {
                for (index, name) in names.enumerated() where !known.contains(name) {
                    // DeepSeek V4 has 1,230 special tokens: name a few, not all.
                    let listed = known.count <= 12 ? known.joined(separator: ", ")
                        : known.prefix(12).joined(separator: ", ") + ", … (\(known.count) in all)"
                    throw .invalidParams("\(field)[\(index)]: \"\(name)\" is not a special token of \(tokenizer) (known: \(listed))",
                                         field: "\(field)[\(index)]")
                }
            }
            return .only(Set(names))
        }
    }
}
