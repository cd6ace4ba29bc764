import Foundation
import PreflightAPI

/// Formats the one-line summary an editor shows on line 1:
/// `1,234 tok · standard → gpt-4.1-mini · 0.0031 credits`.
///
/// The figures are the estimate's own: its input count (written `~1,234` when estimated, not
/// exact), the tier and model it priced, and its point cost to two significant digits —
/// enough to compare at a glance, and never rounded to a misleading zero.
enum CodeLensTitle {
    /// The title for an estimate (for a prompt no model can hold: its count and why).
    static func title(for estimate: EstimateResult) -> String {
        let tokens = (estimate.tokens.exact ? "" : "~") + grouped(estimate.tokens.input)
        if let noFit = estimate.noFit, noFit.noModelCanHoldIt {
            return "\(tokens) tok · no model can hold it (largest window \(grouped(noFit.contextWindow)), \(noFit.model))"
        }
        return "\(tokens) tok · \(estimate.model.tier.rawValue) → \(estimate.model.id) · "
            + "\(significant(estimate.cost.credits.value)) credits"
    }

    /// The title when no estimate could be made: the count, then why.
    static func title(tokens: Int?, failure: String) -> String {
        guard let tokens else { return "Preflight: \(failure)" }
        return "\(grouped(tokens)) tok · \(failure)"
    }

    /// `1234567` → `1,234,567`.
    static func grouped(_ value: Int) -> String {
        DigitGrouping.grouped(value)
    }

    /// `value` rounded to `digits` significant digits, in plain notation (0.0031, 0.000022,
    /// 1.2, 120).
    static func significant(_ value: Decimal, digits: Int = 2) -> String {
        guard value != 0 else { return "0" }
        var magnitude = value < 0 ? -value : value
        var integerDigits = 0
        while magnitude >= 1 { magnitude /= 10; integerDigits += 1 }
        while magnitude < Decimal(string: "0.1")! { magnitude *= 10; integerDigits -= 1 }
        var source = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &source, digits - integerDigits, .plain)
        return NSDecimalNumber(decimal: rounded).stringValue
    }
}
