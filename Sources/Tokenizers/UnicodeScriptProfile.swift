/// A writing system, as far as token costs care.
///
/// The cases are the scripts that FLORES-200 covers (so each has calibrated inflation data) plus
/// `common` (digits, punctuation, symbols, spaces, emoji), `inherited` (combining marks, joiners)
/// and `other` (letters of any script not listed). Raw values are the names reported to clients
/// in `tokens.byScript` and `inflation.dominantScript`.
public enum UnicodeScript: String, CaseIterable, Sendable, Comparable, Codable {
    case latin = "Latin", greek = "Greek", cyrillic = "Cyrillic", armenian = "Armenian"
    case georgian = "Georgian", hebrew = "Hebrew", arabic = "Arabic", syriac = "Syriac"
    case thaana = "Thaana", devanagari = "Devanagari", bengali = "Bengali"
    case gurmukhi = "Gurmukhi", gujarati = "Gujarati", oriya = "Oriya", tamil = "Tamil"
    case telugu = "Telugu", kannada = "Kannada", malayalam = "Malayalam", sinhala = "Sinhala"
    case thai = "Thai", lao = "Lao", tibetan = "Tibetan", myanmar = "Myanmar", khmer = "Khmer"
    case ethiopic = "Ethiopic", cherokee = "Cherokee", mongolian = "Mongolian"
    case tifinagh = "Tifinagh", olChiki = "OlChiki", han = "Han", hiragana = "Hiragana"
    case katakana = "Katakana", bopomofo = "Bopomofo", hangul = "Hangul"
    case common = "Common", inherited = "Inherited", other = "Other"

    /// Order by name, so reports list scripts deterministically.
    public static func < (lhs: UnicodeScript, rhs: UnicodeScript) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    /// Whether this script carries content of its own; `common` and `inherited` scalars take the
    /// script of their neighbours instead.
    public var isContentScript: Bool { self != .common && self != .inherited }

    /// The position of this case in `allCases`, for tallies kept in arrays (a dictionary lookup:
    /// callers keep the last one).
    var index: Int { UnicodeScript.caseIndex[self]! }

    private static let caseIndex: [UnicodeScript: Int] = Dictionary(
        uniqueKeysWithValues: allCases.enumerated().map { ($0.element, $0.offset) })
}

/// One maximal stretch of text in a single script, with neutral characters attached.
///
/// Runs are what a per-script token split is computed over: each run is counted on its own, so
/// a Japanese sentence quoted in English prose costs what Japanese costs.
public struct ScriptRun: Sendable, Equatable {
    /// The run's script (`common` only when the whole text has no content script).
    public let script: UnicodeScript
    /// Where the run lies in the profiled string.
    public let range: Range<String.Index>
    /// The same range as UTF-8 byte offsets, for clients that address text by bytes.
    public let utf8Offsets: Range<Int>
    /// Number of Unicode scalars in the run, neutral ones included.
    public let scalarCount: Int

    /// Creates a run; the profile is the only producer, tests may build expected values.
    public init(script: UnicodeScript, range: Range<String.Index>, utf8Offsets: Range<Int>, scalarCount: Int) {
        self.script = script
        self.range = range
        self.utf8Offsets = utf8Offsets
        self.scalarCount = scalarCount
    }
}

/// Which scripts a text is written in, where each run lies, and which script dominates.
///
/// Used to make non-Latin token inflation visible: the advisor counts each run with the real
/// tokenizer and compares against calibrated per-script ratios. Common and inherited scalars
/// (spaces, punctuation, digits, combining marks) join the run before them, or the run after
/// them at the start of the text, so they never form runs of their own between two scripts.
public struct UnicodeScriptProfile: Sendable, Equatable {
    /// Runs in text order; concatenated they cover the whole string.
    public let runs: [ScriptRun]
    /// Scalars per content script (neutral scalars are not counted anywhere).
    public let scalarCounts: [UnicodeScript: Int]

    /// Profiles `text` in one pass over its scalars.
    ///
    /// Scalars are tallied in an array indexed by script (a dictionary update per scalar cost a
    /// hash each: a quarter of a long prompt's estimate), and ASCII scalars skip the range search.
    public init(_ text: String) {
        var runs: [ScriptRun] = []
        var tally = [Int](repeating: 0, count: UnicodeScript.allCases.count)
        var runStart = text.startIndex
        var runStartOffset = 0
        var runScript: UnicodeScript? = nil
        var runScalars = 0
        var offset = 0
        var index = text.unicodeScalars.startIndex
        let scalars = text.unicodeScalars
        var tallied = UnicodeScript.common, talliedIndex = 0   // the last script looked up
        while index != scalars.endIndex {
            let scalar = scalars[index]
            let script = UnicodeScriptProfile.script(of: scalar)
            if script.isContentScript {
                if script != tallied {
                    tallied = script
                    talliedIndex = script.index
                }
                tally[talliedIndex] += 1
                if let current = runScript, current != script {
                    runs.append(ScriptRun(script: current, range: runStart..<index,
                                          utf8Offsets: runStartOffset..<offset, scalarCount: runScalars))
                    runStart = index
                    runStartOffset = offset
                    runScalars = 0
                }
                runScript = script
            }
            runScalars += 1
            offset += UTF8.width(scalar)
            index = scalars.index(after: index)
        }
        if runScalars > 0 {
            runs.append(ScriptRun(script: runScript ?? .common, range: runStart..<text.endIndex,
                                  utf8Offsets: runStartOffset..<offset, scalarCount: runScalars))
        }
        self.runs = runs
        var counts: [UnicodeScript: Int] = [:]
        for (position, count) in tally.enumerated() where count > 0 { counts[UnicodeScript.allCases[position]] = count }
        self.scalarCounts = counts
    }

    /// The content script with the most scalars (ties go to the one that appears first), or
    /// `common` for text without letters, such as numbers or punctuation only.
    public var dominantScript: UnicodeScript {
        var best: UnicodeScript = .common
        var bestCount = 0
        for run in runs where run.script.isContentScript {
            let count = scalarCounts[run.script, default: 0]
            if count > bestCount {
                best = run.script
                bestCount = count
            }
        }
        return best
    }

    /// The script of one scalar, from the Unicode block ranges of the scripts above (a compact
    /// approximation of the Scripts.txt property that is exact for letters of these scripts).
    public static func script(of scalar: Unicode.Scalar) -> UnicodeScript {
        let value = scalar.value
        if value < 0x80 {
            switch value {
            case 0x41...0x5A, 0x61...0x7A: return .latin
            default: return .common
            }
        }
        var low = 0
        var high = scriptRanges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let entry = scriptRanges[mid]
            if value < entry.lower {
                high = mid - 1
            } else if value > entry.upper {
                low = mid + 1
            } else {
                return entry.script
            }
        }
        return scalar.properties.isAlphabetic ? .other : .common
    }

    /// Sorted, non-overlapping scalar ranges; anything else is `common`, or `other` if alphabetic.
    private static let scriptRanges: [(lower: UInt32, upper: UInt32, script: UnicodeScript)] = [
        (0xAA, 0xAA, .latin), (0xBA, 0xBA, .latin), (0xC0, 0xD6, .latin), (0xD8, 0xF6, .latin),
        (0xF8, 0x2AF, .latin), (0x300, 0x36F, .inherited), (0x370, 0x373, .greek),
        (0x375, 0x377, .greek), (0x37A, 0x37D, .greek), (0x37F, 0x384, .greek),
        (0x386, 0x386, .greek), (0x388, 0x3E1, .greek), (0x3E2, 0x3EF, .other),
        (0x3F0, 0x3FF, .greek), (0x400, 0x52F, .cyrillic), (0x531, 0x58F, .armenian),
        (0x591, 0x5FF, .hebrew), (0x600, 0x60B, .arabic), (0x60D, 0x61A, .arabic),
        (0x61C, 0x61E, .arabic), (0x620, 0x63F, .arabic), (0x641, 0x64A, .arabic),
        (0x64B, 0x655, .inherited), (0x656, 0x6FF, .arabic), (0x700, 0x74F, .syriac),
        (0x750, 0x77F, .arabic), (0x780, 0x7BF, .thaana), (0x870, 0x8FF, .arabic),
        (0x900, 0x950, .devanagari), (0x951, 0x954, .inherited), (0x955, 0x963, .devanagari),
        (0x966, 0x97F, .devanagari), (0x980, 0x9FF, .bengali), (0xA00, 0xA7F, .gurmukhi),
        (0xA80, 0xAFF, .gujarati), (0xB00, 0xB7F, .oriya), (0xB80, 0xBFF, .tamil),
        (0xC00, 0xC7F, .telugu), (0xC80, 0xCFF, .kannada), (0xD00, 0xD7F, .malayalam),
        (0xD80, 0xDFF, .sinhala), (0xE00, 0xE3A, .thai), (0xE40, 0xE7F, .thai),
        (0xE80, 0xEFF, .lao), (0xF00, 0xFD4, .tibetan), (0xFD9, 0xFFF, .tibetan),
        (0x1000, 0x109F, .myanmar), (0x10A0, 0x10FA, .georgian), (0x10FC, 0x10FF, .georgian),
        (0x1100, 0x11FF, .hangul), (0x1200, 0x139F, .ethiopic), (0x13A0, 0x13FF, .cherokee),
        (0x1780, 0x17FF, .khmer), (0x1800, 0x1801, .mongolian), (0x1804, 0x1804, .mongolian),
        (0x1806, 0x18AF, .mongolian), (0x19E0, 0x19FF, .khmer), (0x1AB0, 0x1AFF, .inherited),
        (0x1C50, 0x1C7F, .olChiki), (0x1C80, 0x1C8F, .cyrillic), (0x1C90, 0x1CBF, .georgian),
        (0x1D00, 0x1D25, .latin), (0x1D26, 0x1D2A, .greek), (0x1D2B, 0x1D2B, .cyrillic),
        (0x1D2C, 0x1D5C, .latin), (0x1D5D, 0x1D61, .greek), (0x1D62, 0x1D65, .latin),
        (0x1D66, 0x1D6A, .greek), (0x1D6B, 0x1D77, .latin), (0x1D78, 0x1D78, .cyrillic),
        (0x1D79, 0x1DBE, .latin), (0x1DBF, 0x1DBF, .greek), (0x1DC0, 0x1DFF, .inherited),
        (0x1E00, 0x1EFF, .latin), (0x1F00, 0x1FFF, .greek), (0x200C, 0x200D, .inherited),
        (0x2071, 0x2071, .latin), (0x207F, 0x207F, .latin), (0x2090, 0x209C, .latin),
        (0x20D0, 0x20FF, .inherited), (0x2126, 0x2126, .greek), (0x212A, 0x212B, .latin),
        (0x2132, 0x2132, .latin), (0x214E, 0x214E, .latin), (0x2160, 0x2188, .latin),
        (0x2C60, 0x2C7F, .latin), (0x2D00, 0x2D2F, .georgian), (0x2D30, 0x2D7F, .tifinagh),
        (0x2D80, 0x2DDF, .ethiopic), (0x2DE0, 0x2DFF, .cyrillic), (0x2E80, 0x2FDF, .han),
        (0x3005, 0x3005, .han), (0x3007, 0x3007, .han), (0x3021, 0x3029, .han),
        (0x302A, 0x302D, .inherited), (0x3038, 0x303B, .han), (0x3041, 0x3096, .hiragana),
        (0x3099, 0x309A, .inherited), (0x309D, 0x309F, .hiragana), (0x30A1, 0x30FA, .katakana),
        (0x30FD, 0x30FF, .katakana), (0x3105, 0x312F, .bopomofo), (0x3131, 0x318E, .hangul),
        (0x31A0, 0x31BF, .bopomofo), (0x31F0, 0x31FF, .katakana), (0x3200, 0x321E, .hangul),
        (0x3260, 0x327E, .hangul), (0x32D0, 0x32FE, .katakana), (0x3300, 0x3357, .katakana),
        (0x3400, 0x4DBF, .han), (0x4E00, 0x9FFF, .han), (0xA640, 0xA69F, .cyrillic),
        (0xA720, 0xA721, .common), (0xA722, 0xA787, .latin), (0xA78B, 0xA7FF, .latin),
        (0xA8E0, 0xA8FF, .devanagari), (0xA960, 0xA97F, .hangul), (0xA980, 0xA9DF, .other),
        (0xA9E0, 0xA9FF, .myanmar), (0xAA60, 0xAA7F, .myanmar), (0xAB00, 0xAB2F, .ethiopic),
        (0xAB30, 0xAB5A, .latin), (0xAB5C, 0xAB64, .latin), (0xAB65, 0xAB65, .greek),
        (0xAB70, 0xABBF, .cherokee), (0xAC00, 0xD7AF, .hangul), (0xD7B0, 0xD7FF, .hangul),
        (0xF900, 0xFAFF, .han), (0xFB00, 0xFB06, .latin), (0xFB13, 0xFB17, .armenian),
        (0xFB1D, 0xFB4F, .hebrew), (0xFB50, 0xFD3D, .arabic), (0xFD40, 0xFDFF, .arabic),
        (0xFE00, 0xFE0F, .inherited), (0xFE20, 0xFE2F, .inherited), (0xFE70, 0xFEFE, .arabic),
        (0xFF21, 0xFF3A, .latin), (0xFF41, 0xFF5A, .latin), (0xFF66, 0xFF6F, .katakana),
        (0xFF71, 0xFF9D, .katakana), (0xFF9E, 0xFF9F, .inherited), (0xFFA0, 0xFFDC, .hangul),
        (0x1B000, 0x1B000, .katakana), (0x1B001, 0x1B11F, .hiragana), (0x1B120, 0x1B122, .katakana),
        (0x1B150, 0x1B152, .hiragana), (0x1B164, 0x1B167, .katakana), (0x1E7E0, 0x1E7FE, .ethiopic),
        (0x20000, 0x323AF, .han), (0xE0100, 0xE01EF, .inherited),
    ]
}
