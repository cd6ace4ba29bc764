import Foundation

extension Decimal {
    /// The decimal `text` spells, exactly (a float literal would pass through `Double` first:
    /// `0.001 as Decimal` is not one thousandth).
    public init(spelled text: String) {
        guard let value = Decimal(string: text, locale: nil) else { preconditionFailure("not a decimal: \(text)") }
        self = value
    }
}
