/// An optional member that is written as `null` when absent, instead of being left out.
///
/// Synthesized `Codable` leaves `nil` optionals out of the object; some of Preflight's result
/// members are part of the shape even when they have no value (`maxOutputTokens: null`, a tier
/// quote's `model: null`), so a client can tell "none" from "not reported". Decoding accepts the
/// member missing or `null` alike.
@propertyWrapper
public struct EncodedAsNull<Wrapped: Codable & Sendable>: Codable, Sendable {
    /// The value, `nil` written as `null`.
    public var wrappedValue: Wrapped?

    /// Wraps `wrappedValue`.
    public init(wrappedValue: Wrapped?) {
        self.wrappedValue = wrappedValue
    }

    /// Reads the value, or `nil` for `null`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        wrappedValue = container.decodeNil() ? nil : try container.decode(Wrapped.self)
    }

    /// Writes the value, or `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}

extension EncodedAsNull: Equatable where Wrapped: Equatable {}

extension KeyedDecodingContainer {
    /// A missing member decodes as `nil` (synthesized `Decodable` would call the throwing
    /// `decode` for the non-optional wrapper).
    public func decode<Wrapped>(_ type: EncodedAsNull<Wrapped>.Type, forKey key: Key) throws -> EncodedAsNull<Wrapped> {
        try decodeIfPresent(type, forKey: key) ?? EncodedAsNull(wrappedValue: nil)
    }
}
