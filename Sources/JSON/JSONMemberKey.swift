/// A member name chosen at run time, as a coding key (free-form objects: `JSONValue`,
/// `OrderedObject`).
struct JSONMemberKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
