/// The data the vocabulary-free estimator reads, built once on first use from the generated
/// tables in `VocabularyFreeEstimatorTables.swift` (compiled in, so the estimator works when
/// `models/` is missing or corrupt — it is the fallback for exactly that case).
///
/// Two parts carry the vocabularies' knowledge without the vocabularies: the word table (the
/// 30,000 most frequent FLORES-200 dev pieces with each encoding's exact count of the piece, the
/// log ratio of exact ÷ fallback cost on unknown pieces of the languages the piece occurs in,
/// and how much the piece says about its language) and per-scalar costs (a weight per scalar
/// class plus a fitted correction per frequent code point, so a common Han character costs about
/// one token and a rare one two or three). See `scripts/calibrate-vocabulary-free-estimator.py`.
struct EstimatorModel: Sendable {
    /// One word-table piece.
    struct Entry: Sendable {
        /// Exact tokens of the piece alone, per encoding column.
        let tokens: (UInt8, UInt8)
        /// Log of exact ÷ fallback tokens on unknown pieces of the piece's languages, per column.
        let logRatio: (Float, Float)
        /// Weight of the piece as a language signal (0 for pieces shared by many languages).
        let signal: Float
    }

    /// Open-addressing table from a piece's FNV-1a hash to its index in `entries` (0 = empty slot).
    let keys: [UInt64]
    /// Entry index + 1 for each slot of `keys`.
    let slots: [Int32]
    /// The word-table entries.
    let entries: [Entry]
    /// Tokens per scalar for scalars below U+10000, per column: the class weight plus the code
    /// point's correction.
    let basicPlaneWeights: ([Float], [Float])
    /// Corrections of code points above U+FFFF, per column.
    let supplementaryCorrections: [UInt32: (Float, Float)]

    /// The model, parsed on first use (~30 k table lines).
    static let shared = EstimatorModel()

    /// FNV-1a offset basis; `hash(_:)` and the estimator's running hash start here.
    static let hashSeed: UInt64 = 0xcbf2_9ce4_8422_2325
    /// FNV-1a prime.
    static let hashPrime: UInt64 = 0x100_0000_01b3

    private init() {
        var entries: [Entry] = []
        var hashes: [UInt64] = []
        Self.forEachLine(VocabularyFreeEstimator.wordTable) { fields in
            guard fields.count == 2 else { return }
            let digits = fields[1].utf8.map { Self.base64Digit($0) }
            guard digits.count == 5, !digits.contains(where: { $0 < 0 }) else { return }
            var hash = Self.hashSeed
            for byte in fields[0].utf8 { hash = (hash ^ UInt64(byte)) &* Self.hashPrime }
            hashes.append(hash == 0 ? 1 : hash)
            let step = Float(VocabularyFreeEstimator.logRatioStep)
            entries.append(Entry(tokens: (UInt8(digits[0]), UInt8(digits[1])),
                                 logRatio: (Float(digits[2] - 32) * step, Float(digits[3] - 32) * step),
                                 signal: Float(digits[4]) / 63))
        }
        var capacity = 1
        while capacity < entries.count * 2 { capacity <<= 1 }
        var keys = [UInt64](repeating: 0, count: capacity)
        var slots = [Int32](repeating: 0, count: capacity)
        for (index, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & (capacity - 1)
            while keys[slot] != 0 && keys[slot] != hash { slot = (slot + 1) & (capacity - 1) }
            if keys[slot] == 0 { keys[slot] = hash; slots[slot] = Int32(index + 1) }
        }
        self.keys = keys
        self.slots = slots
        self.entries = entries

        let classWeights = (VocabularyFreeEstimator.o200kClassWeights, VocabularyFreeEstimator.cl100kClassWeights)
        var basicO = [Float](repeating: 0, count: 0x10000)
        var basicC = [Float](repeating: 0, count: 0x10000)
        for value in 0..<UInt32(0x10000) {
            let scalarClass = VocabularyFreeEstimator.classOf(value)
            basicO[Int(value)] = Float(classWeights.0[scalarClass])
            basicC[Int(value)] = Float(classWeights.1[scalarClass])
        }
        var supplementary: [UInt32: (Float, Float)] = [:]
        Self.forEachLine(VocabularyFreeEstimator.codePointWeights) { fields in
            guard fields.count == 3, let value = UInt32(fields[0], radix: 16),
                  let o = Float(fields[1]), let c = Float(fields[2]) else { return }
            if value < 0x10000 {
                basicO[Int(value)] += o
                basicC[Int(value)] += c
            } else {
                supplementary[value] = (o, c)
            }
        }
        basicPlaneWeights = (basicO, basicC)
        supplementaryCorrections = supplementary
    }

    /// The entry of the piece with FNV-1a hash `hash`, if the piece is in the word table.
    @inline(__always)
    func entry(hash: UInt64) -> Entry? {
        let key = hash == 0 ? 1 : hash
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let found = keys[slot]
            if found == key { return entries[Int(slots[slot]) - 1] }
            if found == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// The value (0–63) of a base64 digit of the word table, -1 for any other byte.
    private static func base64Digit(_ byte: UInt8) -> Int {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return Int(byte - UInt8(ascii: "A"))
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return Int(byte - UInt8(ascii: "a")) + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0")) + 52
        case UInt8(ascii: "+"): return 62
        case UInt8(ascii: "/"): return 63
        default: return -1
        }
    }

    /// Calls `body` with the tab-separated fields of each line of a generated table, split on
    /// UTF-8 bytes (a line may start with a combining mark, which `Character` splitting would
    /// glue to the previous line break).
    private static func forEachLine(_ table: String, _ body: ([Substring]) -> Void) {
        for line in table.utf8.split(separator: UInt8(ascii: "\n")) {
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
                .map { Substring($0) }
            body(fields)
        }
    }
}
