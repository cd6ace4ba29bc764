import Foundation

/// The one place money is rounded, so every amount the product reports agrees with the brief:
/// exact `Decimal` arithmetic throughout, then half-even ("banker's") rounding to 9 decimal
/// places (nano-credits) only when a figure is reported.
///
/// Rounding only at the end matters: a request's `credits` is its exact total rounded once, as a
/// provider's invoice (computed per request from exact prices) shows it. Its parts are then
/// apportioned (`apportion`) so they add up to exactly `credits`: rounding each part on its own
/// could leave their sum a few nano-credits away from the total a client reads beside them.
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

    /// `parts` rounded to `scale` places so that they add up to the rounded total: each is cut
    /// down to `scale` places, and the nano-credits the cuts lost against the rounded total go one
    /// each to the parts that lost most (the earlier part on ties). Every part stays within one
    /// nano-credit of its exact value. Parts must not be negative.
    public static func apportion(_ parts: [Decimal]) -> (total: Decimal, parts: [Decimal]) {
        let total = round(parts.reduce(0, +))
        let unit = Decimal(sign: .plus, exponent: -scale, significand: 1)
        var rounded = parts.map { part -> Decimal in
            var input = part
            var output = Decimal()
            NSDecimalRound(&output, &input, scale, .down)
            return output
        }
        var missing = NSDecimalNumber(decimal: (total - rounded.reduce(0, +)) / unit).intValue
        let order = parts.indices.sorted { a, b in
            let lostA = parts[a] - rounded[a], lostB = parts[b] - rounded[b]
            return lostA != lostB ? lostA > lostB : a < b
        }
        for index in order where missing > 0 && parts[index] != rounded[index] {
            rounded[index] += unit
            missing -= 1
        }
        return (total, rounded)
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
