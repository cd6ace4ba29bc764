import JSON
import Advisor
import Foundation

/// An amount of credits (or a price per million tokens) as it travels in JSON.
///
/// Amounts are computed exactly in `Decimal`; on the wire they are JSON numbers rounded half-even
/// to 9 decimal places (`CreditRounding`), which Jansson writes with 15 significant digits.
/// Reading one back (a budget, a test, a client) takes the shortest text that round-trips the
/// double — the literal the sender wrote when it has at most 15 significant digits — so money
/// never passes through sums of doubles.
public struct CreditAmount: Codable, Sendable, Equatable, CustomStringConvertible {
    /// The exact amount.
    public let value: Decimal

    /// Wraps an exact amount.
    public init(_ value: Decimal) {
        self.value = value
    }

    /// Reads a JSON number as the decimal it spells.
    public init(from decoder: any Decoder) throws {
        let double = try decoder.singleValueContainer().decode(Double.self)
        guard let decimal = Decimal(string: "\(double)", locale: nil) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "is not a usable amount"))
        }
        value = decimal
    }

    /// Writes the amount rounded to 9 places, as a JSON number.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(CreditRounding.doubleValue(of: value))
    }

    /// The rounded amount as a double, for display.
    public var doubleValue: Double { CreditRounding.doubleValue(of: value) }

    /// The exact decimal text.
    public var description: String { value.description }
}
