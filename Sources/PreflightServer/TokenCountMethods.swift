import Advisor
import JSONRPC
import Tokenizers
import JSON
import PreflightAPI

/// `preflight/countTokens` (how many tokens a text or chat is, per tokenizer) and
/// `preflight/tokenize` (where each token falls, for editors).
enum TokenCountMethods {
    /// Largest text `preflight/tokenize` accepts (256 KiB, some 60,000 tokens: more than an
    /// editor shows at once). Each token costs ~400 bytes of reply tree and ~35 bytes of JSON,
    /// so a bigger text would make replies of hundreds of megabytes; `countTokens` has no such
    /// limit.
    static let maxTokenizeBytes = 256 << 10

    static func register(into registry: inout MethodRegistry, context: ServerContext) {
        registry.request("preflight/countTokens") { params throws(JSONRPCError) in
            try countTokens(params, context: context)
        }
        registry.request("preflight/tokenize") { params throws(JSONRPCError) in
            try tokenize(params, context: context)
        }
    }

    static func countTokens(_ params: JSONValue?, context: ServerContext) throws(JSONRPCError) -> JSONValue {
        let reader = try ParamsReader(params: params)
        switch (reader.has("text"), reader.has("messages")) {
        case (true, true):
            throw .invalidParams("give either params.text or params.messages, not both", field: "params.messages")
        case (false, false):
            throw .invalidParams("params.text (a string) or params.messages (chat messages) is required", field: "params.text")
        default:
            break
        }
        if reader.has("tokenizer") && reader.has("model") {
            throw .invalidParams("give either params.tokenizer or params.model, not both", field: "params.model")
        }
        let tokenizer: TokenizerID
        if let modelID = try reader.string("model") {
            tokenizer = try context.advisor.model(modelID, field: reader.field("model")).tokenizer
        } else {
            tokenizer = TokenizerID(try reader.choice("tokenizer", TokenCountingService.tokenizerNames) ?? "o200k_base")
        }
        let mode = CountMode(rawValue: try reader.choice("mode", ["exact", "estimate"]) ?? "exact") ?? .exact
        let allowedSpecial = try specialTokenPolicy(reader, tokenizer: tokenizer)
        let counter = context.advisor.counter

        if let text = try reader.string("text") {
            let count = counter.count(text, tokenizer: tokenizer, mode: mode, allowedSpecial: allowedSpecial)
            return json(count)
        }
        // Chat messages: OpenAI's published rule — each message's role, text parts and name,
        // plus 3 tokens per message, 1 per name and 3 priming the reply.
        let messages = try chatMessages(reader)
        var total = 0, low = 0, high = 0
        var exact = true
        var uncounted: [String] = []
        var notes: Set<String> = []
        func add(_ text: String) {
            let count = counter.count(text, tokenizer: tokenizer, mode: mode, allowedSpecial: allowedSpecial)
            total += count.tokens
            low += count.range?.lowerBound ?? count.tokens
            high += count.range?.upperBound ?? count.tokens
            exact = exact && count.isExact
            if let note = count.note { notes.insert(note) }
        }
        for (index, message) in messages.enumerated() {
            add(message.role)
            for part in message.content {
                switch part {
                case .text(let text): add(text)
                case .other(let type): uncounted.append("messages[\(index)]: \(type)")
                }
            }
            if let name = message.name { add(name) }
        }
        let overhead = MessageOverhead.openAI.tokens(for: messages)
        let result = JSONValue.object([
            "tokens": .integer(total + overhead),
            "tokenizer": .string(tokenizer.name),
            "exact": .bool(exact),
            "messageOverhead": .integer(overhead),
        ])
        if !exact {
            result["range"] = .object(["low": .integer(low + overhead), "high": .integer(high + overhead)])
        }
        if !uncounted.isEmpty { result["notCounted"] = .array(uncounted.map { .string($0) }) }
        if !notes.isEmpty { result["note"] = .string(notes.sorted().joined(separator: "; ")) }
        return result
    }

    /// `params.messages`, read with the same shape as `preflight/estimate`'s.
    static func chatMessages(_ reader: ParamsReader) throws(JSONRPCError) -> [ChatMessage] {
        guard let raw = reader.raw("messages") else { return [] }
        do throws(JSONDecodingFailure) {
            let messages = try JSONValueDecoder().decode([ChatMessageParams].self, from: raw, path: reader.field("messages")).value
            if messages.isEmpty {
                throw JSONDecodingFailure(path: reader.field("messages"), message: "params.messages must hold at least one message")
            }
            return messages.map(\.message)
        } catch {
            throw ProtocolErrors.error(error)
        }
    }

    static func tokenize(_ params: JSONValue?, context: ServerContext) throws(JSONRPCError) -> JSONValue {
        let reader = try ParamsReader(params: params)
        let text = try reader.requiredString("text")
        guard text.utf8.count <= maxTokenizeBytes else {
            throw .invalidParams("params.text is longer than \(maxTokenizeBytes) bytes; use preflight/countTokens for counts",
                                 field: "params.text")
        }
        let tokenizer = TokenizerID(try reader.choice("tokenizer", TokenCountingService.tokenizerNames) ?? "o200k_base")
        let allowedSpecial = try specialTokenPolicy(reader, tokenizer: tokenizer)
        let loaded: (any Tokenizer)?
        do throws(VocabularyError) {
            loaded = try context.tokenCounter.registry.load(tokenizer)
        } catch {
            throw JSONRPCError(.internalError, "\(tokenizer) is not available: \(error.description)",
                               details: ["file": error.path])
        }
        guard let spans = loaded?.encode(text, allowedSpecial: allowedSpecial) else {
            throw .invalidParams("\(tokenizer) only estimates counts, so it has no token boundaries", field: "params.tokenizer")
        }
        let tokens = JSONValue.array()
        for span in spans {
            tokens.append(.object(["id": .integer(span.id), "start": .integer(span.start), "end": .integer(span.end)]))
        }
        return .object(["tokenizer": .string(tokenizer.name), "tokens": tokens])
    }

    /// `allowedSpecial`: `"all"` or a list of special-token names of the tokenizer; absent means
    /// special-token text counts as ordinary text.
    static func specialTokenPolicy(_ reader: ParamsReader, tokenizer: TokenizerID) throws(JSONRPCError) -> SpecialTokenPolicy {
        guard let raw = reader.raw("allowedSpecial") else { return .none }
        let field = reader.field("allowedSpecial")
        if raw.stringValue == "all" { return .all }
        guard raw.kind == .array else {
            throw .invalidParams("\(field) must be \"all\" or a list of special-token names", field: field)
        }
        let known = TokenCountingService.specialTokenNames(of: tokenizer)
        var names: Set<String> = []
        for (index, element) in raw.elements.enumerated() {
            guard let name = element.stringValue else {
                throw .invalidParams("\(field)[\(index)] must be a string", field: "\(field)[\(index)]")
            }
            if let known, !known.contains(name) {
                throw .invalidParams("\(field)[\(index)]: \"\(name)\" is not a special token of \(tokenizer) (known: \(known.joined(separator: ", ")))",
                                     field: "\(field)[\(index)]")
            }
            names.insert(name)
        }
        return .only(names)
    }

    static func json(_ count: TokenCount) -> JSONValue {
        TokenCountJSON.json(count)
    }
}

/// The JSON of one `preflight/countTokens` count, shared by the method and `preflight count
/// --json` so the two cannot drift apart.
public enum TokenCountJSON {
    /// `{tokens, tokenizer, exact, range?, note?}`.
    public static func json(_ count: TokenCount) -> JSONValue {
        let result = JSONValue.object([
            "tokens": .integer(count.tokens),
            "tokenizer": .string(count.tokenizer.name),
            "exact": .bool(count.isExact),
        ])
        if let range = count.range {
            result["range"] = .object(["low": .integer(range.lowerBound), "high": .integer(range.upperBound)])
        }
        if let note = count.note { result["note"] = .string(note) }
        return result
    }
}
