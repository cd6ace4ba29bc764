/// `String(format: "%.Nf", x)` without Foundation's formatter, for the rationale text.
///
/// Foundation's `String(format:)` costs microseconds per call, more than scoring a short prompt;
/// this writes the same digits: the exact binary value rounded to `digits` decimals, ties to
/// even (what glibc's `printf` does), using a fused multiply-add for the exact remainder.
enum FixedDecimal {
    private static let powers: [Double] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000]

    /// `x` with `digits` (0…6) decimals, as `%.<digits>f` writes it; values beyond ±1e12 and
    /// non-finite ones (never a score, cut or confidence) are written by `description`.
    static func format(_ x: Double, digits: Int) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        write(x, digits: digits, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `format(x, digits:)`'s UTF-8 to `bytes` without making a `String`.
    static func write(_ x: Double, digits: Int, to bytes: inout [UInt8]) {
        precondition(digits >= 0 && digits < powers.count)
        guard x.isFinite, abs(x) < 1e12 else { bytes.append(contentsOf: x.description.utf8); return }
        let negative = x.sign == .minus
        let magnitude = abs(x)
        let scale = powers[digits]
        let product = magnitude * scale
        // magnitude·scale = product + error exactly; `product - whole` and, near a tie,
        // `fraction - 0.5` are exact, so `distance` has the sign of the exact distance to the tie.
        let error = (-product).addingProduct(magnitude, scale)
        var whole = product.rounded(.down)
        let distance = ((product - whole) - 0.5) + error
        if distance > 0 || (distance == 0 && whole.truncatingRemainder(dividingBy: 2) != 0) { whole += 1 }
        let units = Int(whole)
        let divisor = Int(scale)
        if negative { bytes.append(0x2D) }
        appendDigits(units / divisor, minimumCount: 1, to: &bytes)
        if digits > 0 {
            bytes.append(0x2E)
            appendDigits(units % divisor, minimumCount: digits, to: &bytes)
        }
    }

    /// The decimal digits of `value` (≥ 0), left-padded with zeros to `minimumCount`.
    private static func appendDigits(_ value: Int, minimumCount: Int, to bytes: inout [UInt8]) {
        let start = bytes.count
        var rest = value
        repeat {
            bytes.append(UInt8(truncatingIfNeeded: 0x30 + rest % 10))
            rest /= 10
        } while rest > 0
        while bytes.count - start < minimumCount { bytes.append(0x30) }
        bytes[start...].reverse()
    }
}
