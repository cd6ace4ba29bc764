/// Integers written for people: `1234567` → `1,234,567`, the one way the text report, the code
/// lens, hover and diagnostics write counts.
public enum DigitGrouping {
    /// `value` with a comma between groups of three digits (safe for `Int.min`).
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return value < 0 ? "-" + out : out
    }
}
