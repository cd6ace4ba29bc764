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

    /// Whether Latin-script `text` reads as English (or is too short to tell).
    static func readsAsEnglish(_ text: String) -> Bool {
        var words: [String] = []
        var current = ""
        for scalar in text.lowercased().unicodeScalars {
            if UnicodeScriptProfile.script(of: scalar) == .latin {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        if words.count < 8 { return true }
        let markers = words.filter { englishMarkers.contains($0) }.count
        return markers * 10 >= words.count
    }

    /// The estimate for `text`, whose tokens under `tokenizer` split by script as `byScript`.
    public static func estimate(text: String, profile: UnicodeScriptProfile, byScript: [UnicodeScript: Int],
                                tokenizer: TokenizerID, table: InflationTable) -> InflationEstimate {
        let latinIsEnglish: Bool = {
            guard byScript[.latin, default: 0] > 0 else { return true }
            var latin = ""
            for run in profile.runs where run.script == .latin { latin += text[run.range] + " " }
            return readsAsEnglish(latin)
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
