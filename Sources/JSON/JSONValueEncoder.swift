/// Encodes any `Encodable` value into a `JSONValue`, so every result shape is written by one
/// `Codable` struct instead of by hand.
///
/// The mapping is the one Preflight's replies have always had: object members in the order the
/// type encodes them (declaration order for synthesized conformances), integers as JSON integers,
/// `Double` as a JSON real written by Jansson with 15 significant digits (non-finite values become
/// `null`, as `JSONValue.real` does), `nil` optionals left out (`encodeIfPresent`), and an
/// explicit `encodeNil` written as `null`. A `JSONValue` inside the value is embedded as it is,
/// so free-form members (`initializationOptions`, `error.data`) need no wrapper.
public struct JSONValueEncoder: Sendable {
    /// Creates an encoder.
    public init() {}

    /// The JSON form of `value`.
    ///
    /// - Throws: `EncodingError.invalidValue` when the value encodes nothing at all (a type whose
    ///   `encode(to:)` asks for no container).
    public func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        if let json = value as? JSONValue { return json }
        let encoder = JSONValueTreeEncoder(codingPath: [])
        try value.encode(to: encoder)
        guard let result = encoder.storage.value else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "\(T.self) encoded no value"))
        }
        return result
    }
}

/// Where one encoder writes: a scalar, or the object/array it opened.
final class JSONValueSlot {
    var value: JSONValue?
}

/// The `Encoder` handed to `encode(to:)`; it fills one `JSONValueSlot`.
final class JSONValueTreeEncoder: Encoder {
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    let storage = JSONValueSlot()

    init(codingPath: [any CodingKey]) {
        self.codingPath = codingPath
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let object: JSONValue
        if let existing = storage.value, existing.kind == .object {
            object = existing
        } else {
            object = .object()
            storage.value = object
        }
        return KeyedEncodingContainer(JSONValueKeyedEncoder<Key>(object: object, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let array: JSONValue
        if let existing = storage.value, existing.kind == .array {
            array = existing
        } else {
            array = .array()
            storage.value = array
        }
        return JSONValueUnkeyedEncoder(array: array, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        JSONValueSingleEncoder(slot: storage, codingPath: codingPath)
    }

    /// An integer as a JSON integer, refused when it does not fit one.
    static func exact<Integer: BinaryInteger, T: Encodable>(_ integer: Integer, _ value: T,
                                                            _ codingPath: [any CodingKey]) throws -> JSONValue {
        guard let int = Int(exactly: integer) else {
            throw EncodingError.invalidValue(value, .init(codingPath: codingPath, debugDescription: "\(integer) does not fit a JSON integer"))
        }
        return .integer(int)
    }

    /// Encodes a nested value: scalars directly, everything else through a child encoder.
    static func box<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws -> JSONValue {
        switch value {
        case let json as JSONValue: return json
        case let string as String: return .string(string)
        case let int as Int: return .integer(int)
        case let double as Double: return .real(double)
        case let bool as Bool: return .bool(bool)
        // Concrete types only (see JSONValueDecoder: existential casts scan every conformance).
        case let integer as Int64: return try exact(integer, value, codingPath)
        case let integer as Int32: return .integer(Int(integer))
        case let integer as Int16: return .integer(Int(integer))
        case let integer as Int8: return .integer(Int(integer))
        case let integer as UInt: return try exact(integer, value, codingPath)
        case let integer as UInt64: return try exact(integer, value, codingPath)
        case let integer as UInt32: return .integer(Int(integer))
        case let integer as UInt16: return .integer(Int(integer))
        case let integer as UInt8: return .integer(Int(integer))
        case let float as Float: return .real(Double(float))
        default:
            let child = JSONValueTreeEncoder(codingPath: codingPath)
            try value.encode(to: child)
            return child.storage.value ?? .object()
        }
    }
}

/// Writes members into one JSON object.
struct JSONValueKeyedEncoder<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let object: JSONValue
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { object[key.stringValue] = .null() }
    mutating func encode(_ value: Bool, forKey key: Key) throws { object[key.stringValue] = .bool(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { object[key.stringValue] = .string(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { object[key.stringValue] = .real(value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { object[key.stringValue] = .integer(value) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        object[key.stringValue] = try JSONValueTreeEncoder.box(value, codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONValue.object()
        object[key.stringValue] = nested
        return KeyedEncodingContainer(JSONValueKeyedEncoder<NestedKey>(object: nested, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = JSONValue.array()
        object[key.stringValue] = nested
        return JSONValueUnkeyedEncoder(array: nested, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let child = JSONValueTreeEncoder(codingPath: codingPath + [key])
        let nested = JSONValue.object()
        child.storage.value = nested
        object[key.stringValue] = nested
        return child
    }
}

/// Appends elements to one JSON array.
struct JSONValueUnkeyedEncoder: UnkeyedEncodingContainer {
    let array: JSONValue
    let codingPath: [any CodingKey]
    var count: Int { array.count }

    mutating func encodeNil() throws { array.append(.null()) }
    mutating func encode(_ value: Bool) throws { array.append(.bool(value)) }
    mutating func encode(_ value: String) throws { array.append(.string(value)) }
    mutating func encode(_ value: Double) throws { array.append(.real(value)) }
    mutating func encode(_ value: Int) throws { array.append(.integer(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        array.append(try JSONValueTreeEncoder.box(value, codingPath: codingPath + [JSONIndexKey(count)]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONValue.object()
        let key = JSONIndexKey(count)
        array.append(nested)
        return KeyedEncodingContainer(JSONValueKeyedEncoder<NestedKey>(object: nested, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = JSONValue.array()
        let key = JSONIndexKey(count)
        array.append(nested)
        return JSONValueUnkeyedEncoder(array: nested, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        let child = JSONValueTreeEncoder(codingPath: codingPath + [JSONIndexKey(count)])
        let nested = JSONValue.object()
        child.storage.value = nested
        array.append(nested)
        return child
    }
}

/// Writes one scalar (or an embedded value) into the encoder's slot.
struct JSONValueSingleEncoder: SingleValueEncodingContainer {
    let slot: JSONValueSlot
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { slot.value = .null() }
    mutating func encode(_ value: Bool) throws { slot.value = .bool(value) }
    mutating func encode(_ value: String) throws { slot.value = .string(value) }
    mutating func encode(_ value: Double) throws { slot.value = .real(value) }
    mutating func encode(_ value: Int) throws { slot.value = .integer(value) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        slot.value = try JSONValueTreeEncoder.box(value, codingPath: codingPath)
    }
}
