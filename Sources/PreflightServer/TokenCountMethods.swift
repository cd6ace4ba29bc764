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
        let tokenizer: String
        if let modelID = try reader.string("model") {
            tokenizer = try context.advisor.model(modelID, field: reader.field("model")).tokenizer
        } else {
            tokenizer = try reader.choice("tokenizer", TokenCountingService.encodingNames) ?? "o200k_base"
        }
        let mode = try reader.choice("mode", ["exact", "estimate"]) ?? "exact"
        // A model's tokenizer may be a family without a vocabulary (claude, gemini…): the
        // advisor's counter routes those to the estimator and reports them as not exact.
        let count = context.advisor.counter.serviceCount(text, tokenizer: tokenizer, mode: mode)
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
