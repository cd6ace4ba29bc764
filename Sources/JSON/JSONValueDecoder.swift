/// Decodes any `Decodable` type from a `JSONValue`, reporting every mistake at its exact path.
///
/// Params are read by one `Codable` struct per method instead of by string paths, and a caller
/// still learns exactly which value was wrong: a failure is a `JSONDecodingFailure` whose `path`
/// is the full path of the offending value (`params.messages[2].content`) and whose message is
/// the sentence the server puts in its -32602 reply ("params.messages[2].content must be a
/// string"). The rules are the ones the params have always had:
/// - `null` reads as absent: an optional member that is `null` decodes as `nil`, and a required
///   one that is `null` or missing "is required";
/// - an integer may be written as a real with no fraction (`5.0`), never with one (`1.5`);
/// - members a type never asked for are not dropped silently: they are collected in
///   `unknownFields` (with the names the type did ask for, to suggest the nearest), so each method
///   can warn about them or refuse them.
public struct JSONValueDecoder: Sendable {
    /// Creates a decoder.
    public init() {}

    /// What a decode produced: the value and the members nothing asked for.
    public struct Decoded<Value> {
        /// The decoded value.
        public let value: Value
        /// Members present in the input that the type never read: object by object, outer
        /// objects first, and in input order within each object.
        public let unknownFields: [JSONUnknownField]
    }

    /// Decodes `type` from `value` (`nil` means absent, as for omitted `params`), naming paths
    /// from `path` (`"params"`).
    public func decode<T: Decodable>(_ type: T.Type, from value: JSONValue?, path: String) throws(JSONDecodingFailure) -> Decoded<T> {
        let recorder = JSONUnknownFieldRecorder()
        let decoder = JSONValueTreeDecoder(value: value ?? .null(), codingPath: [], root: path, recorder: recorder)
        do {
            let decoded = try T(from: decoder)
            return Decoded(value: decoded, unknownFields: recorder.unknownFields())
        } catch let failure as JSONDecodingFailure {
            throw failure
        } catch let problem as JSONFieldProblem {
            throw JSONDecodingFailure(path: problem.path(root: path), message: problem.sentence)
        } catch let error as DecodingError {
            throw JSONDecodingFailure(error, root: path)
        } catch {
            throw JSONDecodingFailure(path: path, message: "\(path): \(error)")
        }
    }
}

/// A member of the input that the decoded type never read.
public struct JSONUnknownField: Sendable, Equatable {
    /// Its full path (`params.budget.minBalance`).
    public let path: String
    /// Its own name (`minBalance`).
    public let name: String
    /// The names the enclosing type did read, sorted: what a misspelling was probably meant to be.
    public let knownNames: [String]

    /// Creates a record.
    public init(path: String, name: String, knownNames: [String]) {
        self.path = path
        self.name = name
        self.knownNames = knownNames
    }
}

/// Collects, per decoded object, the member names asked for and the ones present.
///
/// Objects are told apart by their Jansson value (the same object read twice, as `CheckParams`
/// reads `params` for the budget and then for the estimate, is one record), and paths are
/// rendered only when an unknown member is reported.
final class JSONUnknownFieldRecorder {
    private struct ObjectRecord {
        let root: String
        let codingPath: [any CodingKey]
        let value: JSONValue
        var asked: Set<String>
        var readsAll: Bool
    }

    private var records: [ObjectRecord] = []
    private var indexByObject: [UnsafeMutableRawPointer: Int] = [:]

    /// Registers an object as read through a keyed container; returns its record index.
    func register(root: String, codingPath: [any CodingKey], value: JSONValue) -> Int {
        let identity = UnsafeMutableRawPointer(value.raw)
        if let index = indexByObject[identity] { return index }
        records.append(ObjectRecord(root: root, codingPath: codingPath, value: value, asked: [], readsAll: false))
        indexByObject[identity] = records.count - 1
        return records.count - 1
    }

    func ask(_ name: String, in index: Int) { records[index].asked.insert(name) }

    /// The container listed every key (a dictionary): nothing in it is unknown.
    func readAll(in index: Int) { records[index].readsAll = true }

    func unknownFields() -> [JSONUnknownField] {
        var result: [JSONUnknownField] = []
        for record in records where !record.readsAll {
            let known = record.asked.sorted()
            let path = JSONPath.render(root: record.root, codingPath: record.codingPath)
            for (key, _) in record.value.members where !record.asked.contains(key) {
                result.append(JSONUnknownField(path: JSONPath.appending(key, to: path), name: key, knownNames: known))
            }
        }
        return result
    }
}

/// The `Decoder` handed to `init(from:)`.
final class JSONValueTreeDecoder: Decoder {
    let value: JSONValue
    let codingPath: [any CodingKey]
    let root: String
    let recorder: JSONUnknownFieldRecorder
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(value: JSONValue, codingPath: [any CodingKey], root: String, recorder: JSONUnknownFieldRecorder) {
        self.value = value
        self.codingPath = codingPath
        self.root = root
        self.recorder = recorder
    }

    var path: String { JSONPath.render(root: root, codingPath: codingPath) }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        // Absent params (`nil`/`null`) read as an empty object, so every member is simply absent.
        let object = value.isNull ? JSONValue.object() : value
        guard object.kind == .object else {
            throw JSONDecodingFailure(path: path, message: "\(path) must be an object")
        }
        let index = recorder.register(root: root, codingPath: codingPath, value: object)
        return KeyedDecodingContainer(JSONValueKeyedDecoder<Key>(
            object: object, codingPath: codingPath, root: root, recorder: recorder, recordIndex: index))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard value.kind == .array else {
            throw JSONDecodingFailure(path: path, message: "\(path) must be an array")
        }
        return JSONValueUnkeyedDecoder(array: value, codingPath: codingPath, root: root, recorder: recorder)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        JSONValueSingleDecoder(value: value, codingPath: codingPath, root: root, recorder: recorder)
    }
}

/// Reads scalars with the params' rules; shared by the three container kinds.
enum JSONScalarReader {
    static func bool(_ value: JSONValue, path: @autoclosure () -> String) throws(JSONDecodingFailure) -> Bool {
        guard let bool = value.boolValue else { throw failure(value, path: path, expected: "true or false") }
        return bool
    }

    static func string(_ value: JSONValue, path: @autoclosure () -> String) throws(JSONDecodingFailure) -> String {
        guard let string = value.stringValue else { throw failure(value, path: path, expected: "a string") }
        return string
    }

    static func double(_ value: JSONValue, path: @autoclosure () -> String) throws(JSONDecodingFailure) -> Double {
        guard let double = value.doubleValue, double.isFinite else { throw failure(value, path: path, expected: "a number") }
        return double
    }

    /// An integer, or a real with no fraction below 2⁵³ (`5.0`).
    static func int(_ value: JSONValue, path: @autoclosure () -> String) throws(JSONDecodingFailure) -> Int {
        switch value.kind {
        case .integer:
            return value.intValue!
        case .real:
            let double = value.doubleValue!
            if double.rounded() == double && abs(double) < 9e15 { return Int(double) }
        default:
            break
        }
        throw failure(value, path: path, expected: "an integer")
    }

    static func failure(_ value: JSONValue, path: () -> String, expected: String) -> JSONDecodingFailure {
        let path = path()
        if value.isNull { return JSONDecodingFailure(path: path, message: "\(path) is required") }
        return JSONDecodingFailure(path: path, message: "\(path) must be \(expected)")
    }

    /// An integer that must fit `Integer`.
    static func fixedWidth<Integer: FixedWidthInteger>(_ type: Integer.Type, _ value: JSONValue,
                                                       _ path: () -> String) throws(JSONDecodingFailure) -> Integer {
        let int = try int(value, path: path())
        guard let converted = Integer(exactly: int) else {
            throw JSONDecodingFailure(path: path(), message: "\(path()) is out of range for \(Integer.self)")
        }
        return converted
    }

    /// Decodes a nested value: scalars and `JSONValue` directly, everything else through a child decoder.
    static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue, codingPath: [any CodingKey], root: String,
                                     recorder: JSONUnknownFieldRecorder) throws -> T {
        // The path is rendered only when a failure needs it: decoding large files (a routing
        // file, a catalog) must not build a string per value.
        let path = { JSONPath.render(root: root, codingPath: codingPath) }
        if T.self == JSONValue.self { return value as! T }
        if T.self == String.self { return try string(value, path: path()) as! T }
        if T.self == Int.self { return try int(value, path: path()) as! T }
        if T.self == Double.self { return try double(value, path: path()) as! T }
        if T.self == Bool.self { return try bool(value, path: path()) as! T }
        // Concrete types only: a cast to a protocol existential (`as? any FixedWidthInteger.Type`)
        // scans every conformance in the process the first time, several milliseconds at start.
        if T.self == Int64.self { return try fixedWidth(Int64.self, value, path) as! T }
        if T.self == Int32.self { return try fixedWidth(Int32.self, value, path) as! T }
        if T.self == Int16.self { return try fixedWidth(Int16.self, value, path) as! T }
        if T.self == Int8.self { return try fixedWidth(Int8.self, value, path) as! T }
        if T.self == UInt.self { return try fixedWidth(UInt.self, value, path) as! T }
        if T.self == UInt64.self { return try fixedWidth(UInt64.self, value, path) as! T }
        if T.self == UInt32.self { return try fixedWidth(UInt32.self, value, path) as! T }
        if T.self == UInt16.self { return try fixedWidth(UInt16.self, value, path) as! T }
        if T.self == UInt8.self { return try fixedWidth(UInt8.self, value, path) as! T }
        if T.self == Float.self { return Float(try double(value, path: path())) as! T }
        return try T(from: JSONValueTreeDecoder(value: value, codingPath: codingPath, root: root, recorder: recorder))
    }
}

/// Reads the members of one JSON object; `null` members count as absent.
struct JSONValueKeyedDecoder<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let object: JSONValue
    let codingPath: [any CodingKey]
    let root: String
    let recorder: JSONUnknownFieldRecorder
    let recordIndex: Int

    var allKeys: [Key] {
        recorder.readAll(in: recordIndex)
        return object.members.compactMap { Key(stringValue: $0.key) }
    }

    private func member(_ key: Key) -> JSONValue? {
        recorder.ask(key.stringValue, in: recordIndex)
        return object[key.stringValue]
    }

    private func path(_ key: Key) -> String { JSONPath.render(root: root, codingPath: codingPath + [key]) }

    private func required(_ key: Key) throws(JSONDecodingFailure) -> JSONValue {
        guard let value = member(key), !value.isNull else {
            throw JSONDecodingFailure(path: path(key), message: "\(path(key)) is required")
        }
        return value
    }

    func contains(_ key: Key) -> Bool { member(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool { member(key)?.isNull ?? true }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try JSONScalarReader.bool(required(key), path: path(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try JSONScalarReader.string(required(key), path: path(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try JSONScalarReader.double(required(key), path: path(key)) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try JSONScalarReader.int(required(key), path: path(key)) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        if T.self == JSONValue.self, let value = member(key) { return value as! T }
        return try JSONScalarReader.decode(type, from: required(key), codingPath: codingPath + [key], root: root,
                                           recorder: recorder)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = member(key), !value.isNull else { return nil }
        return try JSONScalarReader.decode(type, from: value, codingPath: codingPath + [key], root: root, recorder: recorder)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try JSONValueTreeDecoder(value: required(key), codingPath: codingPath + [key], root: root, recorder: recorder)
            .container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try JSONValueTreeDecoder(value: required(key), codingPath: codingPath + [key], root: root, recorder: recorder)
            .unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        JSONValueTreeDecoder(value: object, codingPath: codingPath, root: root, recorder: recorder)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        JSONValueTreeDecoder(value: member(key) ?? .null(), codingPath: codingPath + [key], root: root, recorder: recorder)
    }
}

/// Reads the elements of one JSON array in order.
struct JSONValueUnkeyedDecoder: UnkeyedDecodingContainer {
    let array: JSONValue
    let codingPath: [any CodingKey]
    let root: String
    let recorder: JSONUnknownFieldRecorder
    private(set) var currentIndex = 0

    init(array: JSONValue, codingPath: [any CodingKey], root: String, recorder: JSONUnknownFieldRecorder) {
        self.array = array
        self.codingPath = codingPath
        self.root = root
        self.recorder = recorder
    }

    var count: Int? { array.count }
    var isAtEnd: Bool { currentIndex >= array.count }

    private var elementPath: [any CodingKey] { codingPath + [JSONIndexKey(currentIndex)] }

    private mutating func next() throws(JSONDecodingFailure) -> JSONValue {
        guard let element = array[currentIndex] else {
            let path = JSONPath.render(root: root, codingPath: elementPath)
            throw JSONDecodingFailure(path: path, message: "\(path) is required")
        }
        return element
    }

    mutating func decodeNil() throws -> Bool {
        guard let element = array[currentIndex], element.isNull else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let element = try next()
        let value = try JSONScalarReader.decode(type, from: element, codingPath: elementPath, root: root, recorder: recorder)
        currentIndex += 1
        return value
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let element = try next()
        let container = try JSONValueTreeDecoder(value: element, codingPath: elementPath, root: root, recorder: recorder)
            .container(keyedBy: type)
        currentIndex += 1
        return container
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let element = try next()
        let container = try JSONValueTreeDecoder(value: element, codingPath: elementPath, root: root, recorder: recorder)
            .unkeyedContainer()
        currentIndex += 1
        return container
    }

    mutating func superDecoder() throws -> any Decoder {
        let element = try next()
        let decoder = JSONValueTreeDecoder(value: element, codingPath: elementPath, root: root, recorder: recorder)
        currentIndex += 1
        return decoder
    }
}

/// Reads one value as a scalar (or hands it on to a nested type).
struct JSONValueSingleDecoder: SingleValueDecodingContainer {
    let value: JSONValue
    let codingPath: [any CodingKey]
    let root: String
    let recorder: JSONUnknownFieldRecorder

    private var path: String { JSONPath.render(root: root, codingPath: codingPath) }

    func decodeNil() -> Bool { value.isNull }
    func decode(_ type: Bool.Type) throws -> Bool { try JSONScalarReader.bool(value, path: path) }
    func decode(_ type: String.Type) throws -> String { try JSONScalarReader.string(value, path: path) }
    func decode(_ type: Double.Type) throws -> Double { try JSONScalarReader.double(value, path: path) }
    func decode(_ type: Int.Type) throws -> Int { try JSONScalarReader.int(value, path: path) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONScalarReader.decode(type, from: value, codingPath: codingPath, root: root, recorder: recorder)
    }
}
