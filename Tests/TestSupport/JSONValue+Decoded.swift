import JSON

extension JSONValue {
    /// This value decoded as `type` by `JSONValueDecoder` (the decoder the server reads params
    /// with), strictly: a member the type does not declare is a failure, so a shape that misses
    /// something the server writes cannot pass unnoticed. Paths in failures start at `path`.
    public func decoded<Value: Decodable>(as type: Value.Type, path: String = "") throws -> Value {
        let decoded = try JSONValueDecoder().decode(type, from: self, path: path)
        guard decoded.unknownFields.isEmpty else {
            throw ReadingFailure(description: "\(Value.self) does not declare "
                + decoded.unknownFields.map(\.path).joined(separator: ", ") + " in \(serializedString)")
        }
        return decoded.value
    }

    /// Parses `text` and decodes it as `type` (a command's `--json` output, say).
    public static func decode<Value: Decodable>(_ type: Value.Type, fromText text: String) throws -> Value {
        try parse(text).decoded(as: type)
    }
}
