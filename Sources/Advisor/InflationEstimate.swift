import Tokenizers

/// How much more a text costs in tokens than the same content in English, as `inflation`.
///
/// `factor` = total tokens / English-equivalent tokens, where each script's share of the tokens
/// (from `byScript`) is divided by that script's calibrated factor. Latin text that reads as
/// English, and neutral text (digits, punctuation), count at factor 1; other Latin text at the
/// Latin median. `naiveEstimate` is the characters/4 rule of thumb, shown for contrast.
public struct InflationEstimate: Sendable, Equatable, Codable {
    /// Tokens this text costs per token of equivalent English (≥ 1 in practice).
    public let factor: Double
    /// The script with the most letters.
    public let dominantScript: UnicodeScript
    /// Characters / 4, rounded up: what a naive budget would assume.
    public let naiveEstimate: Int

    /// Creates an estimate.
    public init(factor: Double, dominantScript: UnicodeScript, naiveEstimate: Int) {
        self.factor = factor
        self.dominantScript = dominantScript
        self.naiveEstimate = naiveEstimate
    }

    /// Words that make Latin text count as English (function words, plus programming keywords:
    /// code tokenizes at English-like rates).
    static let englishMarkers: Set<String> = [
        "the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "with", "is", "are", "was",
        "were", "be", "it", "this", "that", "what", "which", "who", "how", "why", "you", "your", "i",
        "we", "they", "he", "she", "not", "do", "does", "can", "will", "would", "should", "from", "by",
        "as", "if", "else", "return", "def", "func", "function", "let", "var", "const", "class",
        "import", "public", "static", "void", "int", "while", "true", "false", "null", "nil", "self",
        "new", "please", "write", "give", "make",
    ]

    /// At most this many Latin words, and this many scalars, are read to decide whether the Latin
    /// text is English (the first ones): enough for a stable share of function words, and a long
    /// prompt is not copied and lower-cased whole to decide it.
    static let englishSampleWords = 20_000
    static let englishSampleScalars = 1 << 20
    /// Letters of a word beyond this are not kept: no marker word is that long, and a run of one
    /// letter tens of megabytes long is one word, not a string to build.
    static let longestMarker = 16

    /// Whether Latin-script `text` reads as English (or is too short to tell).
    static func readsAsEnglish(_ text: String) -> Bool {
        readsAsEnglish([Substring(text)])
    }

    /// Whether the Latin words of `pieces`, read in order up to `englishSampleWords` of them (and
    /// `englishSampleScalars` scalars), read as English (or are too few to tell): at least one in
    /// ten is an English marker word.
    static func readsAsEnglish(_ pieces: [Substring]) -> Bool {
        var words = 0
        var markers = 0
        var scalars = 0
        var current = ""
        var letters = 0
        func finish() {
            guard letters > 0 else { return }
            words += 1
            if letters <= longestMarker && englishMarkers.contains(current) { markers += 1 }
            current = ""
            letters = 0
        }
        scan: for piece in pieces {
            for scalar in piece.unicodeScalars {
                scalars += 1
                if scalars > englishSampleScalars { break scan }
                if UnicodeScriptProfile.script(of: scalar) == .latin {
                    letters += 1
                    if letters > longestMarker { continue }
                    if scalar.isASCII {
                        let value = scalar.value
                        current.unicodeScalars.append(Unicode.Scalar(value >= 0x41 && value <= 0x5A ? value | 0x20 : value)!)
                    } else {
                        current.append(contentsOf: String(scalar).lowercased())
                    }
                } else {
                    finish()
                    if words >= englishSampleWords { break scan }
                }
            }
            finish()
            if words >= englishSampleWords { break }
        }
        finish()
        if words < 8 { return true }
        return markers * 10 >= words
    }

    /// The estimate for `text`, whose tokens under `tokenizer` split by script as `byScript`.
    public static func estimate(text: String, profile: UnicodeScriptProfile, byScript: [UnicodeScript: Int],
                                tokenizer: TokenizerID, table: InflationTable) -> InflationEstimate {
        let latinIsEnglish: Bool = {
            guard byScript[.latin, default: 0] > 0 else { return true }
            return readsAsEnglish(profile.runs.filter { $0.script == .latin }.map { text[$0.range] })
        }()
        var total = 0.0
        var english = 0.0
        for (script, tokens) in byScript where tokens > 0 {
            let f = (script == .latin && latinIsEnglish) ? 1.0 : table.factor(for: script, tokenizer: tokenizer)
            total += Double(tokens)
            english += Double(tokens) / f
        }
        let factor = english > 0 ? (total / english * 100).rounded() / 100 : 1
        let characters = text.count
        return InflationEstimate(factor: factor, dominantScript: profile.dominantScript,
                                 naiveEstimate: (characters + 3) / 4)
    }
}
