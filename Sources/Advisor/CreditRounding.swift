import Foundation

/// The one place money is rounded, so every amount the product reports agrees with the brief:
/// exact `Decimal` arithmetic throughout, then half-even ("banker's") rounding to 9 decimal
/// places (nano-credits) only when a figure is reported.
///
/// Rounding only at the end matters: a request's `credits` is the rounded sum of the unrounded
/// parts, which can differ by a nano-credit from the sum of the rounded parts, and that is what
/// a provider's invoice (computed per request from exact prices) will show.
public enum CreditRounding {
    /// Decimal places kept in reported amounts.
    public static let scale = 9

    /// `amount` rounded half-even to `scale` decimal places.
    public static func round(_ amount: Decimal) -> Decimal {
        var input = amount
        var output = Decimal()
        NSDecimalRound(&output, &input, scale, .bankers)
        return output
    }

    /// The exact cost of `tokens` tokens at `pricePerMillion` credits per million tokens.
    public static func cost(tokens: Int, pricePerMillion: Decimal) -> Decimal {
        Decimal(tokens) * pricePerMillion / Decimal(1_000_000)
    }

    /// The nearest `Double` to `amount` rounded to 9 places, for writing as a JSON number.
    ///
    /// Goes through the decimal text (correctly rounded by `Double(String)`), so 0.3 becomes the
    /// double that prints as 0.3 and the serialiser's 15 significant digits reproduce the amount.
    public static func doubleValue(of amount: Decimal) -> Double {
        Double(round(amount).description) ?? 0
    }
}
