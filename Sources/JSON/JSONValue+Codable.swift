extension JSONValue: Codable {
    /// Takes the value as it is, so a shape can carry a free-form member (`initializationOptions`,
    /// `error.data`). Only `JSONValueDecoder` can hand one over whole; other decoders are refused.
    public convenience init(from decoder: any Decoder) throws {
        guard let tree = decoder as? JSONValueTreeDecoder else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "a JSONValue can only be read by JSONValueDecoder"))
        }
        self.init(retaining: tree.value.raw)
    }

    /// Writes the value through any encoder (`JSONValueEncoder` embeds it without copying).
    public func encode(to encoder: any Encoder) throws {
        switch kind {
        case .object:
            var container = encoder.container(keyedBy: JSONMemberKey.self)
            for (key, value) in members { try container.encode(value, forKey: JSONMemberKey(key)) }
        case .array:
            var container = encoder.unkeyedContainer()
            for element in elements { try container.encode(element) }
        case .string:
            var container = encoder.singleValueContainer()
            try container.encode(stringValue!)
        case .integer:
            var container = encoder.singleValueContainer()
            try container.encode(intValue!)
        case .real:
            var container = encoder.singleValueContainer()
            try container.encode(doubleValue!)
        case .bool:
            var container = encoder.singleValueContainer()
            try container.encode(boolValue!)
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        }
    }
}
