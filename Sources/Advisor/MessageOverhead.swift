/// The tokens a chat request costs beyond its visible text.
///
/// OpenAI's published rule for its chat models (the "How to count tokens" cookbook): every
/// message costs 3 tokens of framing plus its encoded role, content and name; a name costs 1
/// more; every reply is primed with 3 tokens. Other providers do not publish theirs, so the same
/// rule is applied to them as an estimate.
public struct MessageOverhead: Sendable, Equatable {
    /// Framing tokens per message.
    public let perMessage: Int
    /// Extra tokens when a message has a `name`.
    public let perName: Int
    /// Tokens priming the assistant's reply.
    public let replyPriming: Int

    /// OpenAI's rule: 3, 1, 3.
    public static let openAI = MessageOverhead(perMessage: 3, perName: 1, replyPriming: 3)

    /// Creates an overhead rule.
    public init(perMessage: Int, perName: Int, replyPriming: Int) {
        self.perMessage = perMessage
        self.perName = perName
        self.replyPriming = replyPriming
    }

    /// The overhead tokens of `messages` (framing only; the texts are counted separately).
    public func tokens(for messages: [ChatMessage]) -> Int {
        guard !messages.isEmpty else { return 0 }
        let names = messages.filter { $0.name != nil }.count
        return messages.count * perMessage + names * perName + replyPriming
    }
}
