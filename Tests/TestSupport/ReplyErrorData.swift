/// A reply's `error.data`: string members (`field`, `file`, `model`, `catalogField`) read by
/// name, integer members (`line`, `column`) by `integer(_:)` — so a test notices when a number
/// is written as a string, or a string as a number.
public struct ReplyErrorData: Decodable, Equatable {
    /// The members that are strings.
    public let strings: [String: String]
    /// The members that are integers.
    public let integers: [String: Int]

    /// Data with these members.
    public init(strings: [String: String], integers: [String: Int] = [:]) {
        self.strings = strings
        self.integers = integers
    }

    /// The string member `key`; nil when absent or not a string.
    public subscript(key: String) -> String? { strings[key] }

    /// The integer member `key`; nil when absent or not an integer.
    public func integer(_ key: String) -> Int? { integers[key] }

    private struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Reads every member; a member that is neither a string nor an integer fails.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        var strings: [String: String] = [:]
        var integers: [String: Int] = [:]
        for key in container.allKeys {
            if let string = try? container.decode(String.self, forKey: key) {
                strings[key.stringValue] = string
            } else {
                integers[key.stringValue] = try container.decode(Int.self, forKey: key)
            }
        }
        self.strings = strings
        self.integers = integers
    }
}
