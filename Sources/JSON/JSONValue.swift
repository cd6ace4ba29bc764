import CJansson

/// One JSON value, owning exactly one Jansson reference to it.
///
/// This is the only type in Preflight that holds a `json_t*`: it increments the reference count
/// when it wraps a borrowed pointer and decrements it in `deinit`, so reference counts can be
/// neither leaked nor released twice. It is deliberately not `Sendable` — Jansson values are not
/// thread-safe, so a `JSONValue` stays on the thread that made it; bytes (`serialized()`) are
/// what crosses threads.
public final class JSONValue {
    /// The kinds of JSON value, as Jansson distinguishes them (integers and reals apart).
    public enum Kind: Sendable, Equatable {
        case object, array, string, integer, real, bool, null
    }

    let raw: UnsafeMutablePointer<json_t>

    /// Takes over a reference the caller already owns (the result of a Jansson `*_new`/load call).
    init(owning raw: UnsafeMutablePointer<json_t>) {
        self.raw = raw
    }

    /// Wraps a borrowed pointer, taking a reference of its own.
    init(retaining raw: UnsafeMutablePointer<json_t>) {
        self.raw = pf_json_incref(raw)!
    }

    deinit {
        pf_json_decref(raw)
    }

    // MARK: Parsing

    /// Parses one JSON text (any value at top level; `\u0000` allowed inside strings).
    ///
    /// Invalid UTF-8, nesting deeper than Jansson's limit and trailing garbage are errors; with
    /// `rejectingDuplicateKeys`, so is an object naming a member twice (files edited by hand —
    /// catalogs, routing files — where Jansson would otherwise keep the last value in silence).
    public static func parse(_ bytes: UnsafeRawBufferPointer, rejectingDuplicateKeys: Bool = false) throws(JSONParseError) -> JSONValue {
        var error = json_error_t()
        let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self)
        let emptyByte: CChar = 0
        let flags = rejectingDuplicateKeys ? pf_json_load_flags_rejecting_duplicates() : pf_json_load_flags()
        let loaded: UnsafeMutablePointer<json_t>? = withUnsafePointer(to: emptyByte) { empty in
            json_loadb(base ?? empty, bytes.count, flags, &error)
        }
        guard let loaded else { throw JSONParseError(error) }
        return JSONValue(owning: loaded)
    }

    /// Parses one JSON text held in a byte array.
    public static func parse(_ bytes: [UInt8], rejectingDuplicateKeys: Bool = false) throws(JSONParseError) -> JSONValue {
        var result: Result<JSONValue, JSONParseError>!
        bytes.withUnsafeBytes { buffer in
            do throws(JSONParseError) {
                result = .success(try parse(buffer, rejectingDuplicateKeys: rejectingDuplicateKeys))
            } catch {
                result = .failure(error)
            }
        }
        return try result.get()
    }

    /// `bytes` without a leading UTF-8 byte-order mark (editors on Windows write one; Jansson
    /// refuses it), for files read as JSON.
    public static func withoutByteOrderMark(_ bytes: [UInt8]) -> [UInt8] {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    }

    /// Parses one JSON text given as a string (tests and small literals).
    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    /// Reads and parses a file; errors carry the path's line and column from Jansson.
    public static func parseFile(atPath path: String) throws(JSONParseError) -> JSONValue {
        var error = json_error_t()
        guard let loaded = json_load_file(path, pf_json_load_flags(), &error) else {
            throw JSONParseError(error)
        }
        return JSONValue(owning: loaded)
    }

    // MARK: Construction

    /// A new empty object.
    public static func object() -> JSONValue { JSONValue(owning: json_object()) }

    /// A new empty array.
    public static func array() -> JSONValue { JSONValue(owning: json_array()) }

    /// A new array holding `elements` in order.
    public static func array(_ elements: [JSONValue]) -> JSONValue {
        let array = JSONValue.array()
        for element in elements { array.append(element) }
        return array
    }

    /// A string; any Swift string is valid UTF-8, and embedded NULs are kept.
    public static func string(_ value: String) -> JSONValue {
        var value = value
        return value.withUTF8 { utf8 in
            utf8.withMemoryRebound(to: CChar.self) { chars in
                let emptyByte: CChar = 0
                return withUnsafePointer(to: emptyByte) { empty in
                    JSONValue(owning: json_stringn_nocheck(chars.baseAddress ?? empty, chars.count))
                }
            }
        }
    }

    /// An integer (Jansson's `json_int_t` is 64-bit).
    public static func integer(_ value: Int) -> JSONValue { JSONValue(owning: json_integer(json_int_t(value))) }

    /// A real number, written with at most 15 significant digits when serialised.
    ///
    /// Non-finite values have no JSON form; they are written as `null` rather than failing.
    public static func real(_ value: Double) -> JSONValue {
        guard value.isFinite else { return .null() }
        return JSONValue(owning: json_real(value))
    }

    /// `true` or `false`.
    public static func bool(_ value: Bool) -> JSONValue { JSONValue(owning: value ? json_true() : json_false()) }

    /// `null`.
    public static func null() -> JSONValue { JSONValue(owning: json_null()) }

    /// An object built from ordered key/value pairs; `nil` values are left out, so optional
    /// result fields can be written inline.
    public static func object(_ pairs: KeyValuePairs<String, JSONValue?>) -> JSONValue {
        let object = JSONValue.object()
        for (key, value) in pairs {
            if let value { object[key] = value }
        }
        return object
    }

    // MARK: Inspection

    /// What kind of value this is.
    public var kind: Kind {
        switch pf_json_typeof(raw) {
        case Int32(JSON_OBJECT.rawValue): return .object
        case Int32(JSON_ARRAY.rawValue): return .array
        case Int32(JSON_STRING.rawValue): return .string
        case Int32(JSON_INTEGER.rawValue): return .integer
        case Int32(JSON_REAL.rawValue): return .real
        case Int32(JSON_TRUE.rawValue), Int32(JSON_FALSE.rawValue): return .bool
        default: return .null
        }
    }

    /// The string's contents, or `nil` for other kinds.
    public var stringValue: String? {
        guard kind == .string, let chars = json_string_value(raw) else { return nil }
        let length = json_string_length(raw)
        return chars.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
            String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self)
        }
    }

    /// The integer, or `nil` for other kinds (reals are not truncated).
    public var intValue: Int? {
        guard kind == .integer else { return nil }
        return Int(json_integer_value(raw))
    }

    /// The number as a double, for integers and reals alike.
    public var doubleValue: Double? {
        switch kind {
        case .integer, .real: return json_number_value(raw)
        default: return nil
        }
    }

    /// The boolean, or `nil` for other kinds.
    public var boolValue: Bool? {
        guard kind == .bool else { return nil }
        return pf_json_typeof(raw) == Int32(JSON_TRUE.rawValue)
    }

    /// Whether this is JSON `null`.
    public var isNull: Bool { kind == .null }

    /// Number of elements of an array or members of an object; 0 for scalars.
    public var count: Int {
        switch kind {
        case .array: return json_array_size(raw)
        case .object: return json_object_size(raw)
        default: return 0
        }
    }

    /// An array's element, or `nil` when out of range or not an array.
    public subscript(index: Int) -> JSONValue? {
        guard kind == .array, index >= 0, let element = json_array_get(raw, index) else { return nil }
        return JSONValue(retaining: element)
    }

    /// An array's elements in order (empty for other kinds).
    public var elements: [JSONValue] {
        guard kind == .array else { return [] }
        return (0..<json_array_size(raw)).map { JSONValue(retaining: json_array_get(raw, $0)) }
    }

    /// An object's member; setting `nil` removes it. Only meaningful on objects.
    public subscript(key: String) -> JSONValue? {
        get {
            guard kind == .object else { return nil }
            var key = key
            return key.withUTF8 { utf8 in
                utf8.withMemoryRebound(to: CChar.self) { chars in
                    json_object_getn(raw, chars.baseAddress, chars.count).map { JSONValue(retaining: $0) }
                }
            }
        }
        set {
            guard kind == .object else { return }
            var key = key
            key.withUTF8 { utf8 in
                utf8.withMemoryRebound(to: CChar.self) { chars in
                    let emptyByte: CChar = 0
                    withUnsafePointer(to: emptyByte) { empty in
                        let keyPointer = chars.baseAddress ?? empty
                        if let newValue {
                            // setn_new steals a reference: give it a fresh one, ours stays ours.
                            _ = json_object_setn_new_nocheck(raw, keyPointer, chars.count, pf_json_incref(newValue.raw))
                        } else {
                            _ = json_object_deln(raw, keyPointer, chars.count)
                        }
                    }
                }
            }
        }
    }

    /// An object's members in insertion order (empty for other kinds).
    public var members: [(key: String, value: JSONValue)] {
        guard kind == .object else { return [] }
        var result: [(key: String, value: JSONValue)] = []
        result.reserveCapacity(json_object_size(raw))
        var iterator = json_object_iter(raw)
        while let current = iterator {
            let keyLength = json_object_iter_key_len(current)
            let key = json_object_iter_key(current)!.withMemoryRebound(to: UInt8.self, capacity: keyLength) {
                String(decoding: UnsafeBufferPointer(start: $0, count: keyLength), as: UTF8.self)
            }
            result.append((key, JSONValue(retaining: json_object_iter_value(current))))
            iterator = json_object_iter_next(raw, current)
        }
        return result
    }

    /// Appends to an array (no effect on other kinds).
    public func append(_ element: JSONValue) {
        guard kind == .array else { return }
        _ = json_array_append_new(raw, pf_json_incref(element.raw))
    }

    /// A deep copy that shares nothing with this value.
    public func deepCopy() -> JSONValue {
        JSONValue(owning: json_deep_copy(raw))
    }

    // MARK: Serialisation

    /// Compact UTF-8 JSON text; reals use at most 15 significant digits so 0.3 is written `0.3`.
    public func serialized() -> [UInt8] {
        let flags = pf_json_dump_flags_compact()
        let size = json_dumpb(raw, nil, 0, flags)
        guard size > 0 else { return [] }
        return [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            initialized = buffer.withMemoryRebound(to: CChar.self) { chars in
                json_dumpb(raw, chars.baseAddress, size, flags)
            }
        }
    }

    /// Compact JSON text as a `String` (logs and tests).
    public var serializedString: String { String(decoding: serialized(), as: UTF8.self) }
}

extension JSONValue: Equatable {
    /// Deep equality as Jansson defines it (integers and reals never equal each other).
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        json_equal(lhs.raw, rhs.raw) != 0
    }
}

extension JSONValue: CustomStringConvertible {
    /// The compact JSON text.
    public var description: String { serializedString }
}

/// Starts Jansson's hash seed once, before any object is made, as Jansson recommends for
/// programs that hash untrusted keys.
public enum JanssonRuntime {
    /// Seeds object hashing from the system's random source; call once at process start.
    public static func seed() {
        json_object_seed(0)
    }
}
