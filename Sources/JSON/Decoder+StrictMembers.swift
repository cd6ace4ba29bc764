extension Decoder {
    /// Throws for the first member of the object being decoded whose name is none of `Keys`'
    /// cases, naming it and the nearest known name (`… is not a member of budget; did you mean
    /// "minimumBalance"?`).
    ///
    /// For the shapes where a misspelt member would silently drop a limit and change a verdict
    /// (a budget, routing constraints): they refuse an unknown member wherever they are decoded
    /// — a method's params, `initializationOptions`, editor settings, command arguments — where
    /// elsewhere an unknown member is only reported. `object` names the shape in the message.
    public func refuseUnknownMembers<Keys: CodingKey & CaseIterable>(_ keys: Keys.Type, of object: String) throws {
        let known = Keys.allCases.map(\.stringValue)
        let container = try self.container(keyedBy: AnyMemberKey.self)
        for key in container.allKeys where !known.contains(key.stringValue) {
            var description = "is not a member of \(object)"
            if let nearest = JSONNameSuggestion.nearest(to: key.stringValue, in: known) {
                description += "; did you mean \"\(nearest)\"?"
            } else {
                description += " (its members: \(known.joined(separator: ", ")))"
            }
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath + [key], debugDescription: description))
        }
    }
}

/// Any member name, for listing an object's members.
private struct AnyMemberKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
