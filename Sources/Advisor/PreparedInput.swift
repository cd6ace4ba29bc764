import Tokenizers

/// The request's text, split into what is counted, with the chat overhead.
struct PreparedInput {
    /// Strings counted one by one (prompt; or roles, text parts, names).
    let countedTexts: [String]
    /// Chat framing tokens.
    let overheadTokens: Int
    /// Parts not counted, described.
    let uncounted: [String]
    /// All counted text joined by newlines: profiled for scripts and scored for complexity.
    let allText: String
    /// `allText`'s script profile, made once: the script split and inflation read it, and for a
    /// prompt (whose one counted text is `allText`) the counter's bounds and family runs too.
    let profile: UnicodeScriptProfile
    /// The instruction the output length depends on (the prompt, or the last user message).
    let taskText: String
    /// What the output projection reads from `taskText`, read once for all models.
    let cues: OutputProjection.TextCues

    /// Prepares `input`.
    ///
    /// - Throws: `EstimateError` for an empty prompt (there is nothing to send, and pricing the
    ///   projected answer to nothing would be a number about no request) and for empty `messages`.
    init(_ input: EstimateRequest.Input, overhead: MessageOverhead) throws {
        switch input {
        case .prompt(let prompt):
            guard !prompt.isEmpty else {
                throw EstimateError(field: "prompt", code: .invalidParams,
                                    message: "the prompt is empty: there is nothing to send or price")
            }
            countedTexts = [prompt]
            overheadTokens = 0
            uncounted = []
            allText = prompt
            taskText = prompt
            cues = OutputProjection.TextCues(prompt)
            profile = UnicodeScriptProfile(prompt)
        case .messages(let messages):
            guard !messages.isEmpty else {
                throw EstimateError(field: "messages", code: .invalidParams, message: "at least one message is required")
            }
            var texts: [String] = []
            var skipped: [String] = []
            var lastUser: String? = nil
            for (i, message) in messages.enumerated() {
                texts.append(message.role)
                var messageText: [String] = []
                for (j, part) in message.content.enumerated() {
                    switch part {
                    case .text(let text):
                        texts.append(text)
                        messageText.append(text)
                    case .other(let type):
                        skipped.append("messages[\(i)].content[\(j)] (\(type))")
                    }
                }
                if let name = message.name { texts.append(name) }
                if message.role == "user" { lastUser = messageText.joined(separator: "\n") }
            }
            countedTexts = texts
            overheadTokens = overhead.tokens(for: messages)
            uncounted = skipped
            allText = texts.joined(separator: "\n")
            taskText = lastUser ?? allText
            cues = OutputProjection.TextCues(taskText)
            profile = UnicodeScriptProfile(allText)
        }
    }

    /// The script profile of `countedTexts[index]` when it is already made: a prompt's (only a
    /// prompt has one counted text, and it is `allText`); `nil` for a message's parts, which the
    /// counter profiles if it must.
    func profile(ofCountedText index: Int) -> UnicodeScriptProfile? {
        countedTexts.count == 1 ? profile : nil
    }
}
