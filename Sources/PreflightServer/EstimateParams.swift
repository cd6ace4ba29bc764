import Advisor
import Foundation
import JSONRPC
import JSON

/// Reads `preflight/estimate`'s params (and the same fields of `preflight/check`) into an
/// `EstimateRequest`, every mistake a -32602 naming the full path of the offending value.
///
/// Shared by the server and the command line (which builds the same params object from its
/// flags), so both validate identically.
enum EstimateParams {
    /// The tier names a caller may write.
    static let tierNames = Tier.allCases.map(\.rawValue)

    /// Parses the estimate fields of `reader` (`params`); `defaultModel` is priced when the
    /// request names no `model`.
    static func request(from reader: ParamsReader, defaultModel: String?) throws(JSONRPCError) -> EstimateRequest {
        let input: EstimateRequest.Input
        switch (reader.has("prompt"), reader.has("messages")) {
        case (true, true):
            throw .invalidParams("give either params.prompt or params.messages, not both", field: reader.field("messages"))
        case (false, false):
            throw .invalidParams("params.prompt (a string) or params.messages (chat messages) is required",
                                 field: reader.field("prompt"))
        case (true, false):
            input = .prompt(try reader.requiredString("prompt"))
        case (false, true):
            input = .messages(try messages(reader))
        }
        var request = EstimateRequest(input: input)
        request.model = try reader.string("model") ?? defaultModel
        request.expectedOutputTokens = try reader.integer("expectedOutputTokens")
        request.maxOutputTokens = try reader.integer("maxOutputTokens", minimum: 1)
        request.cachedInputTokens = try reader.integer("cachedInputTokens") ?? 0
        request.cacheWriteTokens = try reader.integer("cacheWriteTokens") ?? 0
        request.reasoningTokens = try reader.integer("reasoningTokens") ?? 0
        if let tier = try reader.choice("serviceTier", ServiceTier.allCases.map(\.rawValue)) {
            request.serviceTier = ServiceTier(rawValue: tier)!
        }
        if let constraints = try reader.object("constraints") {
            request.constraints = try routingConstraints(constraints)
        }
        return request
    }

    /// `constraints: {minTier, maxTier, requireReasoning, providers}`.
    static func routingConstraints(_ reader: ParamsReader) throws(JSONRPCError) -> RoutingConstraints {
        let minTier = try reader.choice("minTier", tierNames).flatMap(Tier.init(rawValue:))
        let maxTier = try reader.choice("maxTier", tierNames).flatMap(Tier.init(rawValue:))
        let requireReasoning = try reader.bool("requireReasoning") ?? false
        var providers: [String]? = nil
        if let elements = try reader.array("providers") {
            providers = []
            for element in elements {
                guard let name = element.value.stringValue else {
                    throw .invalidParams("\(element.path) must be a string", field: element.path)
                }
                providers!.append(name)
            }
        }
        do {
            return try RoutingConstraints(minTier: minTier, maxTier: maxTier, requireReasoning: requireReasoning,
                                          providers: providers)
        } catch let error as EstimateError {
            throw .invalidParams(error.message, field: "params.\(error.field)")
        } catch {
            throw .invalidParams("\(error)", field: reader.path)
        }
    }

    /// `messages: [{role, content, name?}]`; content is a string, `null`, or an array of parts
    /// (`{type: "text", text}` is counted, any other type is reported as not counted).
    static func messages(_ reader: ParamsReader) throws(JSONRPCError) -> [ChatMessage] {
        guard let elements = try reader.array("messages") else { return [] }
        if elements.isEmpty {
            throw .invalidParams("params.messages must hold at least one message", field: reader.field("messages"))
        }
        var result: [ChatMessage] = []
        for element in elements {
            guard element.value.kind == .object else {
                throw .invalidParams("\(element.path) must be an object {role, content, name?}", field: element.path)
            }
            let message = ParamsReader(value: element.value, path: element.path)
            let role = try message.requiredString("role")
            let name = try message.string("name")
            var parts: [ContentPart] = []
            if let content = message.raw("content") {
                switch content.kind {
                case .string:
                    parts = [.text(content.stringValue!)]
                case .array:
                    for (index, part) in content.elements.enumerated() {
                        let path = "\(message.field("content"))[\(index)]"
                        parts.append(try contentPart(part, path: path))
                    }
                default:
                    throw .invalidParams("\(message.field("content")) must be a string or an array of content parts",
                                         field: message.field("content"))
                }
            }
            result.append(ChatMessage(role: role, content: parts, name: name))
        }
        return result
    }

    static func contentPart(_ value: JSONValue, path: String) throws(JSONRPCError) -> ContentPart {
        if let text = value.stringValue { return .text(text) }
        guard value.kind == .object else {
            throw .invalidParams("\(path) must be a content part object {type, …}", field: path)
        }
        let part = ParamsReader(value: value, path: path)
        let type = try part.requiredString("type")
        guard type == "text" else { return .other(type: type) }
        return .text(try part.requiredString("text"))
    }

    /// `budget: {balance?, minimumBalance?, spendingLimit?, spent?}` for `preflight/check`.
    static func budget(from reader: ParamsReader) throws(JSONRPCError) -> Budget {
        guard let budget = try reader.object("budget") else {
            throw .invalidParams("params.budget is required: {balance} (self-funded) and/or "
                                 + "{spendingLimit, spent} (organisation-funded)", field: reader.field("budget"))
        }
        let balance = try amount(budget, "balance")
        let minimum = try amount(budget, "minimumBalance")
        let limit = try amount(budget, "spendingLimit")
        let spent = try amount(budget, "spent")
        if spent != nil && limit == nil {
            throw .invalidParams("params.budget.spent is only meaningful with params.budget.spendingLimit",
                                 field: budget.field("spent"))
        }
        do {
            return try Budget(balance: balance, minimumBalance: minimum ?? Budget.defaultMinimumBalance,
                              spendingLimit: limit, spent: spent ?? 0)
        } catch let error as BudgetError {
            let field = "params.\(error.field)"
            let message = error.field == "budget" ? "params.budget: \(error.message)" : "\(field) \(error.message)"
            throw .invalidParams(message, field: field)
        } catch {
            throw .invalidParams("\(error)", field: budget.path)
        }
    }

    /// A money amount as the exact decimal the JSON number spells (via the shortest
    /// round-tripping text of the parsed double, which is the literal for ≤ 15 significant digits).
    static func amount(_ reader: ParamsReader, _ key: String) throws(JSONRPCError) -> Decimal? {
        guard let double = try reader.number(key) else { return nil }
        guard let decimal = Decimal(string: "\(double)", locale: nil) else {
            throw .invalidParams("\(reader.field(key)) is not a usable amount", field: reader.field(key))
        }
        return decimal
    }
}
