/// One part of a chat message's content array.
public enum ContentPart: Sendable, Equatable {
    /// A text part: counted.
    case text(String)
    /// Any other part (`image_url`, `input_audio`, …), named by its type: reported as not counted.
    case other(type: String)
}

/// A chat-format message, as `messages` carries it.
public struct ChatMessage: Sendable, Equatable {
    /// `system`, `user`, `assistant`, `tool`, …
    public let role: String
    /// The content parts; a plain string content is a single `.text` part.
    public let content: [ContentPart]
    /// The optional participant name.
    public let name: String?

    /// Creates a message.
    public init(role: String, content: [ContentPart], name: String? = nil) {
        self.role = role
        self.content = content
        self.name = name
    }

    /// Creates a message with plain-string content.
    public init(role: String, text: String, name: String? = nil) {
        self.init(role: role, content: [.text(text)], name: name)
    }
}
