import Advisor
import JSON

/// One chat message of `params.messages`: `{role, content, name?}`.
///
/// `content` is a string, `null` (no text, as tool-call messages have), or an array of parts
/// where a string or `{type: "text", text}` is counted and any other type (`image_url`, …) is
/// reported as not counted.
public struct ChatMessageParams: Decodable, Sendable, Equatable {
    /// The message as the advisor counts it.
    public let message: ChatMessage

    private enum CodingKeys: String, CodingKey { case role, content, name }
    private enum PartKeys: String, CodingKey { case type, text }

    /// Wraps a message (the command line builds params directly).
    public init(_ message: ChatMessage) {
        self.message = message
    }

    /// Reads one message, naming the exact part that is wrong.
    public init(from decoder: any Decoder) throws {
        let container: KeyedDecodingContainer<CodingKeys>
        do {
            container = try decoder.container(keyedBy: CodingKeys.self)
        } catch {
            throw DecodingError.typeMismatch(ChatMessageParams.self, .init(
                codingPath: decoder.codingPath, debugDescription: "must be an object {role, content, name?}"))
        }
        let role = try container.decode(String.self, forKey: .role)
        let name = try container.decodeIfPresent(String.self, forKey: .name)
        var parts: [ContentPart] = []
        if try !container.decodeNil(forKey: .content) {
            if let text = try? container.decode(String.self, forKey: .content) {
                parts = [.text(text)]
            } else if var array = try? container.nestedUnkeyedContainer(forKey: .content) {
                while !array.isAtEnd {
                    parts.append(try Self.part(&array))
                }
            } else {
                throw DecodingError.dataCorruptedError(
                    forKey: .content, in: container, debugDescription: "must be a string or an array of content parts")
            }
        }
        message = ChatMessage(role: role, content: parts, name: name)
    }

    /// `key` of `container` as a chat: an array of at least one message.
    static func messages<Key: CodingKey>(_ container: KeyedDecodingContainer<Key>, forKey key: Key) throws -> [ChatMessage] {
        let messages = try container.decode([ChatMessageParams].self, forKey: key)
        if messages.isEmpty {
            throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "must hold at least one message")
        }
        return messages.map(\.message)
    }

    private static func part(_ array: inout any UnkeyedDecodingContainer) throws -> ContentPart {
        if let text = try? array.decode(String.self) { return .text(text) }
        let path = array.codingPath
        let index = array.currentIndex
        guard let part = try? array.nestedContainer(keyedBy: PartKeys.self) else {
            throw DecodingError.typeMismatch(ContentPart.self, .init(
                codingPath: path + [JSONIndexKey(index)], debugDescription: "must be a content part object {type, …}"))
        }
        let type = try part.decode(String.self, forKey: .type)
        guard type == "text" else {
            // Another type's members (`image_url`, …) are its own: listing them marks them read,
            // so they are not reported as unknown.
            _ = part.allKeys
            return .other(type: type)
        }
        return .text(try part.decode(String.self, forKey: .text))
    }
}
