import JSONRPC

/// `preflight/countTokens`: how many tokens a text is, per tokenizer.
enum TokenCountMethods {
    static func register(into registry: inout MethodRegistry, context: ServerContext) {
        registry.request("preflight/countTokens") { params throws(JSONRPCError) in
            try countTokens(params, context: context)
        }
    }

    static func countTokens(_ params: JSONValue?, context: ServerContext) throws(JSONRPCError) -> JSONValue {
        let reader = try ParamsReader(params: params)
        guard let text = try reader.string("text") else {
            throw .invalidParams("params.text is required (a string)", field: "params.text")
        }
        if reader.has("tokenizer") && reader.has("model") {
            throw .invalidParams("give either params.tokenizer or params.model, not both", field: "params.model")
        }
        if reader.has("model") {
            _ = try reader.string("model")
            throw .invalidParams("params.model needs the model catalog, which is not available yet; pass params.tokenizer", field: "params.model")
        }
        let tokenizer = try reader.choice("tokenizer", TokenCountingService.encodingNames) ?? "o200k_base"
        let mode = try reader.choice("mode", ["exact", "estimate"]) ?? "exact"
        let count = context.tokenCounter.count(text, tokenizer: tokenizer, mode: mode)
        let result = JSONValue.object([
            "tokens": .integer(count.tokens),
            "tokenizer": .string(count.tokenizer),
            "exact": .bool(count.exact),
        ])
        if let range = count.range {
            result["range"] = .object(["low": .integer(range.lowerBound), "high": .integer(range.upperBound)])
        }
        if let note = count.note { result["note"] = .string(note) }
        return result
    }
}
