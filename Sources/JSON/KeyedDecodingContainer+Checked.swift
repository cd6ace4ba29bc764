extension KeyedDecodingContainer {
    /// An optional integer in `range`; outside it, a failure naming the bound
    /// ("must be at least 1"), so every method bounds its counts the same way.
    public func decodeIfPresent(_ type: Int.Type, forKey key: Key, in range: ClosedRange<Int>) throws -> Int? {
        guard let value = try decodeIfPresent(Int.self, forKey: key) else { return nil }
        if value < range.lowerBound {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "must be at least \(range.lowerBound)")
        }
        if value > range.upperBound {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "must be at most \(range.upperBound)")
        }
        return value
    }

    /// An optional string that must be the raw value of one of `Choice`'s cases; otherwise a
    /// failure listing the allowed values ("must be one of \"a\", \"b\", not \"c\"").
    public func decodeChoiceIfPresent<Choice: RawRepresentable & CaseIterable>(
        _ type: Choice.Type, forKey key: Key
    ) throws -> Choice? where Choice.RawValue == String {
        guard let raw = try decodeIfPresent(String.self, forKey: key) else { return nil }
        guard let choice = Choice(rawValue: raw) else {
            let allowed = Choice.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "must be one of \(allowed), not \"\(raw)\"")
        }
        return choice
    }
}
