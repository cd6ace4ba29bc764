/// The character classes the feature scanners test, on raw scalar values, with an ASCII fast
/// path: each mirrors one Python predicate of the reference (`features.py`) exactly, so the
/// port's counts equal the reference's.
enum ScalarClass {
    /// Han, Hiragana, Katakana (each counts 0.6 word units; never part of a word).
    @inline(__always)
    static func isCJK(_ c: UInt32) -> Bool {
        (0x3040...0x30FF).contains(c) || (0x3400...0x4DBF).contains(c) || (0x4E00...0x9FFF).contains(c)
            || (0xF900...0xFAFF).contains(c) || (0x20000...0x2FA1F).contains(c)
    }

    /// Hangul syllables and jamo.
    @inline(__always)
    static func isHangul(_ c: UInt32) -> Bool {
        (0xAC00...0xD7AF).contains(c) || (0x1100...0x11FF).contains(c) || (0x3130...0x318F).contains(c)
    }

    /// A word scalar: general category L* or M*, not CJK.
    @inline(__always)
    static func isWordScalar(_ c: UInt32) -> Bool {
        if c < 0x80 { return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
        if isCJK(c) { return false }
        guard let scalar = Unicode.Scalar(c) else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }

    /// Python's regex `\w`: letters, numbers (anything with a numeric type) and `_`.
    @inline(__always)
    static func isRegexWord(_ c: UInt32) -> Bool {
        if c < 0x80 {
            return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || (0x30...0x39).contains(c) || c == 0x5F
        }
        guard let scalar = Unicode.Scalar(c) else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return scalar.properties.numericType != nil
        }
    }

    /// Python's regex `\d`: general category Nd.
    @inline(__always)
    static func isDecimalDigit(_ c: UInt32) -> Bool {
        if c < 0x80 { return (0x30...0x39).contains(c) }
        guard let scalar = Unicode.Scalar(c) else { return false }
        return scalar.properties.generalCategory == .decimalNumber
    }

    /// Python's `str.isdigit`: numeric type decimal or digit (so `²` too).
    @inline(__always)
    static func isDigitLike(_ c: UInt32) -> Bool {
        if c < 0x80 { return (0x30...0x39).contains(c) }
        guard let scalar = Unicode.Scalar(c) else { return false }
        let type = scalar.properties.numericType
        return type == .decimal || type == .digit
    }

    /// Python's `str.isspace` / regex `\s`.
    @inline(__always)
    static func isSpace(_ c: UInt32) -> Bool {
        if c < 0x80 { return c == 0x20 || (0x09...0x0D).contains(c) || (0x1C...0x1F).contains(c) }
        // The White_Space property's non-ASCII members (checked against `isWhitespace` by the tests).
        switch c {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// ASCII `a`…`z`.
    @inline(__always)
    static func isLowerASCII(_ c: UInt32) -> Bool { c >= 0x61 && c <= 0x7A }

    /// ASCII `A`…`Z`.
    @inline(__always)
    static func isUpperASCII(_ c: UInt32) -> Bool { c >= 0x41 && c <= 0x5A }

    /// ASCII letters and digits.
    @inline(__always)
    static func isAlnumASCII(_ c: UInt32) -> Bool {
        isLowerASCII(c) || isUpperASCII(c) || (c >= 0x30 && c <= 0x39)
    }

    /// Simple per-scalar lowercase that keeps the scalar count: a scalar whose lowercase is not
    /// exactly one scalar stays as it is (Python: `ch.lower() if len(ch.lower()) == 1 else ch`).
    @inline(__always)
    static func lowercased(_ c: UInt32) -> UInt32 {
        if c < 0x80 { return (c >= 0x41 && c <= 0x5A) ? c + 0x20 : c }
        // Kana, CJK, Yi and Hangul have no case (checked against `slowLowercased` by the tests).
        if c >= 0x3040 && c <= 0xD7A3 && !(c >= 0xA640 && c <= 0xA7FF) { return c }
        return slowLowercased(c)
    }

    /// `lowercased` from the Unicode properties alone.
    static func slowLowercased(_ c: UInt32) -> UInt32 {
        guard let scalar = Unicode.Scalar(c), scalar.properties.changesWhenLowercased else { return c }
        let mapped = scalar.properties.lowercaseMapping.unicodeScalars
        guard mapped.count == 1, let only = mapped.first else { return c }
        return only.value
    }

    /// `.!?。！？؟।` and newline end a sentence.
    @inline(__always)
    static func endsSentence(_ c: UInt32) -> Bool {
        // The ASCII ones (`\n!.?`) all lie below 64: one shift of a mask instead of a branch
        // chain at every scalar.
        if c < 64 { return (UInt64(1) << 0x0A | 1 << 0x21 | 1 << 0x2E | 1 << 0x3F) >> UInt64(c) & 1 != 0 }
        switch c {
        case 0x3002, 0xFF01, 0xFF1F, 0x061F, 0x0964: return true
        default: return false
        }
    }

    /// `=+×÷^√∫∑∏≤≥≠±∞πθ∂∆∈∉⊂⊆∪∩∀∃→⇒⇔≈≡°²³½¼¾`.
    @inline(__always)
    static func isMathSymbol(_ c: UInt32) -> Bool {
        switch c {
        case 0x3D, 0x2B, 0xD7, 0xF7, 0x5E, 0x221A, 0x222B, 0x2211, 0x220F, 0x2264, 0x2265, 0x2260, 0xB1,
             0x221E, 0x3C0, 0x3B8, 0x2202, 0x2206, 0x2208, 0x2209, 0x2282, 0x2286, 0x222A, 0x2229, 0x2200,
             0x2203, 0x2192, 0x21D2, 0x21D4, 0x2248, 0x2261, 0xB0, 0xB2, 0xB3, 0xBD, 0xBC, 0xBE:
            return true
        default:
            return false
        }
    }

    /// `$€£¥₹₽%`.
    @inline(__always)
    static func isMoney(_ c: UInt32) -> Bool {
        switch c {
        case 0x24, 0x20AC, 0xA3, 0xA5, 0x20B9, 0x20BD, 0x25: return true
        default: return false
        }
    }

    /// `?？؟`.
    @inline(__always)
    static func isQuestionMark(_ c: UInt32) -> Bool { c == 0x3F || c == 0xFF1F || c == 0x061F }

    /// `{}()[];=<>`.
    @inline(__always)
    static func isCodeScalar(_ c: UInt32) -> Bool {
        // Two 64-bit masks over ASCII: `();<=>` below 64, `[]{}` above.
        if c < 64 { return (UInt64(1) << 0x28 | 1 << 0x29 | 1 << 0x3B | 1 << 0x3C | 1 << 0x3D | 1 << 0x3E) >> UInt64(c) & 1 != 0 }
        if c < 128 { return (UInt64(1) << (0x5B - 64) | 1 << (0x5D - 64) | 1 << (0x7B - 64) | 1 << (0x7D - 64)) >> UInt64(c - 64) & 1 != 0 }
        return false
    }
}

extension ScalarClass {
    // One byte of class bits per scalar, computed once per prompt (`flags(of:)`), so the
    // scanners test bits instead of asking the Unicode tables again at every look.

    /// `isWordScalar`.
    static let word: UInt8 = 1
    /// `isRegexWord`.
    static let regexWord: UInt8 = 2
    /// `isDecimalDigit`.
    static let decimal: UInt8 = 4
    /// `isDigitLike`.
    static let digitLike: UInt8 = 8
    /// `isSpace`.
    static let space: UInt8 = 16
    /// `isCJK`.
    static let cjk: UInt8 = 32

    /// The class bits of every ASCII scalar.
    static let asciiFlags: [UInt8] = (0..<128).map { slowFlags(of: UInt32($0)) }

    /// Lowercase and class bits of every two-byte UTF-8 scalar (U+0080…U+07FF: Latin-1 and
    /// Latin Extended, Greek, Cyrillic, Armenian, Hebrew, Arabic), entry `c - 0x80`: the lowercase
    /// in bits 0–20, its `flags` in bits 21–28.
    ///
    /// Built once per process (1,920 scalars, well under a millisecond) so that a prompt in these
    /// scripts asks the Unicode tables nothing: before, each distinct letter of every prompt paid
    /// the property lookups (about 6 % of scoring the 64 regression prompts, most of them short).
    static let twoByteTable: [UInt32] = (UInt32(0x80)..<0x800).map { c in
        let l = lowercased(c)
        return l | UInt32(flags(of: l)) << 21
    }

    /// The class bits of `c`: a table read for ASCII, the Unicode properties otherwise.
    @inline(__always)
    static func flags(of c: UInt32) -> UInt8 {
        if c < 0x80 { return asciiFlags[Int(c)] }
        // The two big uniform blocks: CJK unified ideographs (letters, never word scalars) and
        // Hangul syllables.
        if c >= 0x4E00 && c <= 0x9FFF { return cjk | regexWord }
        if c >= 0xAC00 && c <= 0xD7A3 { return word | regexWord }
        return slowFlags(of: c)
    }

    /// The class bits from the predicates' own definitions, each Unicode property read once.
    static func slowFlags(of c: UInt32) -> UInt8 {
        var bits: UInt8 = 0
        if c < 0x80 {
            if isWordScalar(c) { bits |= word }
            if isRegexWord(c) { bits |= regexWord }
            if isDecimalDigit(c) { bits |= decimal }
            if isDigitLike(c) { bits |= digitLike }
            if isSpace(c) { bits |= space }
            return bits
        }
        guard let scalar = Unicode.Scalar(c) else { return 0 }
        let properties = scalar.properties
        let isCJKScalar = isCJK(c)
        if isCJKScalar { bits |= cjk }
        let category = properties.generalCategory
        switch category {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            // No letter has a decimal or digit numeric type, so the numeric-type lookup (nearly
            // half of this function's cost) is skipped for letters;
            // `flagsEqualThePredicatesOnEveryScalarBelowU30000` checks the shortcut.
            bits |= regexWord
            if !isCJKScalar { bits |= word }
            if isSpace(c) { bits |= space }
            return bits
        default:
            break
        }
        let numericType = properties.numericType
        switch category {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            break
        case .nonspacingMark, .spacingMark, .enclosingMark:
            if !isCJKScalar { bits |= word }
            if numericType != nil { bits |= regexWord }
        case .decimalNumber:
            bits |= regexWord | decimal
        case .letterNumber, .otherNumber:
            bits |= regexWord
        default:
            if numericType != nil { bits |= regexWord }
        }
        if numericType == .decimal || numericType == .digit { bits |= digitLike }
        if isSpace(c) { bits |= space }
        return bits
    }
}
