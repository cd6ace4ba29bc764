/// Estimates an `o200k_base`-like token count without any vocabulary.
///
/// This is the first, uncalibrated version: it weighs each Unicode scalar by a rough class
/// (ASCII word characters, other Latin/Cyrillic/Greek letters, CJK, other scripts) and reports a
/// wide interval. It exists so the server can answer `preflight/countTokens` with `exact: false`
/// before (or without) the exact encodings; the tokenizer work replaces it with a calibrated one.
public enum VocabularyFreeEstimator {
    /// Estimates the token count of `text`.
    public static func estimate(_ text: String) -> TokenEstimate {
        var milliTokens = 0
        var previousWasWord = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            switch v {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A:
                milliTokens += previousWasWord ? 220 : 600
                previousWasWord = true
            case 0x20:
                previousWasWord = false
            case 0x00...0x7F:
                milliTokens += 700
                previousWasWord = false
            case 0x80...0x24F, 0x370...0x52F:
                milliTokens += previousWasWord ? 450 : 800
                previousWasWord = true
            case 0x3040...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x3FFFF:
                milliTokens += 900
                previousWasWord = false
            default:
                milliTokens += 1000
                previousWasWord = false
            }
        }
        let tokens = (milliTokens + 999) / 1000
        return TokenEstimate(tokens: tokens, low: tokens * 6 / 10, high: tokens * 16 / 10 + 1)
    }
}
