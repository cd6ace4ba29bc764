/// A JSON object with names chosen at run time and a fixed member order, as `Codable`.
///
/// Swift dictionaries encode in hash order, which would make replies differ from run to run;
/// per-script counts and per-dimension scores are objects whose order the producer sets
/// (sorted names, declaration order), and this keeps it on the wire and when read back.
public struct OrderedObject<Value: Codable & Sendable>: Codable, Sendable {
    /// The members in order.
    public var members: [(name: String, value: Value)]

    /// An object with `members` in that order.
    public init(_ members: [(name: String, value: Value)]) {
        self.members = members
    }

    /// The value of member `name`, if present.
    public subscript(name: String) -> Value? {
        members.first { $0.name == name }?.value
    }

    /// Reads every member in input order.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: JSONMemberKey.self)
        members = try container.allKeys.map { ($0.stringValue, try container.decode(Value.self, forKey: $0)) }
    }

    /// Writes the members in order.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: JSONMemberKey.self)
        for (name, value) in members { try container.encode(value, forKey: JSONMemberKey(name)) }
    }
}

extension OrderedObject: Equatable where Value: Equatable {
    /// Same names and values in the same order.
    public static func == (lhs: OrderedObject, rhs: OrderedObject) -> Bool {
        lhs.members.count == rhs.members.count
            && zip(lhs.members, rhs.members).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }
}
