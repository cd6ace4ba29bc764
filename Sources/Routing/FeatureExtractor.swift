import Foundation

/// Computes the router's feature vector and its evidence from a prompt: the Swift port of the
/// reference's `features.extract` (scripts/routing-reference/features.py), scanner for scanner.
///
/// Every scanner is a hand-written loop over the prompt's scalars (no regular expressions, no
/// Foundation string search), so a 1 KB prompt costs a few microseconds. Offsets inside are
/// scalar indices, converted to UTF-8 and UTF-16 only for the evidence reported.
struct FeatureExtractor: Sendable {
    /// One piece of evidence: the dimension it supports, its scalar span (nil for a measured
    /// structure), a label, and its weight.
    struct Evidence: Sendable {
        let dimension: Int
        let span: Range<Int>?
        let label: String
        let weight: Double
    }

    /// What `extract` returns.
    struct Result: Sendable {
        /// The model inputs: 52 features, then 9 dimensions.
        var vector: [Double]
        /// Evidence in the reference's order (not filtered, not sorted).
        var evidence: [Evidence]
        /// Whether the exam-vocabulary stage applies (options, a blank or worked examples).
        var gate: Bool
        /// Start of the focus (the question after the last worked example), in scalars.
        var focusStart: Int
        /// The lowercased scalars (what the hashed vocabulary reads).
        var lower: [UInt32]
        /// The words of the whole text (scalar ranges into `lower`), in order.
        var words: [Range<Int>]
        /// Index in `words` of the first word of the focus.
        var firstFocusWord: Int
        /// The class bits of `lower` (the hashed vocabulary's CJK bigrams).
        var flags: [UInt8]
    }

    let lexicon: LexiconMatcher
    /// sat constants per category (feature order).
    let saturation: [Double]
    /// Dimension weights: per dimension, (scanned index, weight).
    let dimensionWeights: [[(Int, Double)]]
    /// Answer labels starting at a word boundary (Latin and Cyrillic), as scalars.
    let wordLabels: [[UInt32]]
    /// Answer labels matched anywhere (CJK, Hangul, Arabic, Devanagari).
    let otherLabels: [[UInt32]]

    /// Which ASCII scalars start an answer label (`a` included).
    let asciiLabelStarts: [Bool]
    /// The non-ASCII scalars that start an answer label.
    let otherLabelStarts: Set<UInt32>
    /// The longest answer label, in scalars (at least 1, for the bare `a`).
    let longestLabel: Int
    /// Whether a label contains a colon itself (then every position is tried, not only those
    /// just before a colon).
    let labelsHaveColon: Bool
    /// Per lexicon category: the dimension its evidence raises (-1: none) and that evidence's
    /// base weight (the category's weight in that dimension, else 0.1).
    let categoryDimension: [Int]
    let categoryBaseWeight: [Double]

    init(lexicon: LexiconMatcher, saturation: [Double], dimensionWeights: [[(Int, Double)]],
         wordLabels: [[UInt32]], otherLabels: [[UInt32]]) {
        self.lexicon = lexicon
        self.saturation = saturation
        self.dimensionWeights = dimensionWeights
        self.wordLabels = wordLabels
        self.otherLabels = otherLabels
        var ascii = [Bool](repeating: false, count: 128)
        ascii[0x61] = true
        var other = Set<UInt32>()
        for label in wordLabels + otherLabels {
            guard let first = label.first else { continue }
            if first < 0x80 { ascii[Int(first)] = true } else { other.insert(first) }
        }
        asciiLabelStarts = ascii
        otherLabelStarts = other
        longestLabel = max(1, (wordLabels + otherLabels).map(\.count).max() ?? 1)
        labelsHaveColon = (wordLabels + otherLabels).contains { $0.contains(0x3A) || $0.contains(0xFF1A) }
        var dimensionOf: [Int] = [], base: [Double] = []
        for (c, category) in FeatureLayout.categories.enumerated() {
            guard let name = FeatureLayout.categoryDimension[category],
                  let d = FeatureLayout.dimensions.firstIndex(of: name) else {
                dimensionOf.append(-1); base.append(0); continue
            }
            dimensionOf.append(d)
            base.append(dimensionWeights[d].first { $0.0 == FeatureLayout.lexBase + c }?.1 ?? 0.1)
        }
        categoryDimension = dimensionOf
        categoryBaseWeight = base
    }

    /// The prompt as the scanners read it: its scalar values, their lowercase (one for one), and
    /// the class bits of each lowercased scalar (`ScalarClass.flags`).
    struct Decoded {
        let scalars: [UInt32]
        let lower: [UInt32]
        let flags: [UInt8]
    }

    /// Decodes `text`'s UTF-8 in one pass into scalars, lowercase and class bits.
    ///
    /// Two-byte scalars (Latin to Arabic) read `ScalarClass.twoByteTable`; other scripts repeat
    /// their letters, so a small direct-mapped cache (on the stack) of scalar, lowercase and bits
    /// asks the Unicode tables about most of their scalars once.
    static func decode(_ text: String) -> Decoded {
        var copy = text
        return copy.withUTF8 { bytes in
            let capacity = bytes.count
            var lower: [UInt32] = [], flags: [UInt8] = []
            let scalars = [UInt32](unsafeUninitializedCapacity: capacity) { out, outCount in
                lower = [UInt32](unsafeUninitializedCapacity: capacity) { low, lowCount in
                    flags = [UInt8](unsafeUninitializedCapacity: capacity) { bits, bitsCount in
                        ScalarClass.asciiFlags.withUnsafeBufferPointer { ascii in ScalarClass.twoByteTable.withUnsafeBufferPointer { twoByte in
                            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 256) { cache in
                                cache.initialize(repeating: 0)
                                var i = 0, k = 0
                                while i < capacity {
                                    let b0 = UInt32(bytes[i])
                                    if b0 < 0x80 {
                                        out[k] = b0
                                        let l = (b0 >= 0x41 && b0 <= 0x5A) ? b0 + 0x20 : b0
                                        low[k] = l
                                        bits[k] = ascii[Int(l)]
                                        i += 1; k += 1
                                        continue
                                    }
                                    let c: UInt32
                                    if b0 < 0xE0 {
                                        c = (b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F); i += 2
                                    } else if b0 < 0xF0 {
                                        c = (b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F); i += 3
                                    } else {
                                        c = (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                                            | UInt32(bytes[i + 3] & 0x3F); i += 4
                                    }
                                    out[k] = c
                                    if c < 0x800 {
                                        let entry = twoByte[Int(c) - 0x80]
                                        low[k] = entry & 0x1F_FFFF
                                        bits[k] = UInt8(truncatingIfNeeded: entry >> 21)
                                        k += 1
                                        continue
                                    }
                                    // A cache entry: scalar (bits 0–20), lowercase (21–41), class bits (42–49).
                                    let slot = Int(c & 0xFF)
                                    let entry = cache[slot]
                                    if entry & 0x1F_FFFF == UInt64(c) {
                                        low[k] = UInt32((entry >> 21) & 0x1F_FFFF)
                                        bits[k] = UInt8(truncatingIfNeeded: entry >> 42)
                                    } else {
                                        let l = ScalarClass.lowercased(c)
                                        let b = ScalarClass.flags(of: l)
                                        low[k] = l
                                        bits[k] = b
                                        cache[slot] = UInt64(c) | UInt64(l) << 21 | UInt64(b) << 42
                                    }
                                    k += 1
                                }
                                outCount = k
                                lowCount = k
                                bitsCount = k
                            }
                        } }
                    }
                }
            }
            return Decoded(scalars: scalars, lower: lower, flags: flags)
        }
    }

    // MARK: - Extraction

    /// The features and evidence of a decoded prompt.
    func extract(_ decoded: Decoded) -> Result {
        let text = decoded.scalars, lower = decoded.lower, flags = decoded.flags
        let n = lower.count
        let (shots, fstart) = splitFewShot(lower)
        var evidence: [Evidence] = []
        var f = [Double](repeating: 0, count: FeatureLayout.scannedCount)
        // One tokenisation of the whole text serves every scanner: the focus starts after a
        // newline, options and paragraphs are whole lines, so no word straddles their edges.
        let (words, cjk) = FeatureExtractor.tokenize(lower, flags, 0, n)
        let firstFocusWord = FeatureExtractor.firstWord(words, atOrAfter: fstart)
        let sents = FeatureExtractor.sentences(lower, flags, fstart, n)

        // One pass over the focus for the simple counters (`==` and `::` as a regex counts
        // them: runs of k give k/2; `=>` and `->` cannot overlap themselves).
        var questionMarks = 0, money = 0, mathSymbols = 0, codeSymbols = 0, nonBlankLines = 0, cjkFocus = 0
        var equalsRun = 0, colonRun = 0
        var lineHasContent = false
        var fence: Int? = nil
        // Buffer pointers, so this per-scalar loop carries no bounds checks: every index below
        // stays inside `fstart..<n` (it looks back only from `i > fstart`, ahead only to `i + 2 < n`).
        lower.withUnsafeBufferPointer { lower in
            flags.withUnsafeBufferPointer { flags in
                FeatureExtractor.asciiCounted.withUnsafeBufferPointer { counted in
                    var i = fstart
                    while i < n {
                        let c = lower[i]
                        if c < 0x80 {
                            // Letters, digits and spaces count nothing: one table read, no branch per
                            // kind (a `switch` here was an indirect jump at every scalar).
                            let kind = counted[Int(c)]
                            if kind == 0 {
                                equalsRun = 0
                                colonRun = 0
                            } else {
                                questionMarks &+= Int(kind & 1)
                                money &+= Int((kind >> 1) & 1)
                                mathSymbols &+= Int((kind >> 2) & 1)
                                codeSymbols &+= Int((kind >> 3) & 1)
                                if kind & 16 == 0 {
                                    equalsRun = 0
                                    colonRun = 0
                                } else {
                                    if c == 0x3E && i > fstart && (lower[i - 1] == 0x3D || lower[i - 1] == 0x2D) { codeSymbols += 1 }
                                    if c == 0x3D {
                                        equalsRun += 1
                                        if equalsRun % 2 == 0 { codeSymbols += 1 }
                                    } else {
                                        equalsRun = 0
                                    }
                                    if c == 0x3A {
                                        colonRun += 1
                                        if colonRun % 2 == 0 { codeSymbols += 1 }
                                    } else {
                                        colonRun = 0
                                    }
                                }
                            }
                        } else {
                            equalsRun = 0
                            colonRun = 0
                            if flags[i] & ScalarClass.cjk != 0 { cjkFocus += 1 }
                            if ScalarClass.isQuestionMark(c) { questionMarks += 1 }
                            if ScalarClass.isMoney(c) { money += 1 }
                            if ScalarClass.isMathSymbol(c) { mathSymbols += 1 }
                        }
                        if c == 0x0A {
                            if lineHasContent { nonBlankLines += 1 }
                            lineHasContent = false
                        } else if flags[i] & ScalarClass.space == 0 {
                            lineHasContent = true
                        }
                        if fence == nil && c == 0x60 && i + 2 < n && lower[i + 1] == 0x60 && lower[i + 2] == 0x60 { fence = i }
                        i += 1
                    }
                }
            }
        }
        if lineHasContent { nonBlankLines += 1 }
        let units = Double(words.count - firstFocusWord) + 0.6 * Double(cjkFocus)
        let unitsTotal = fstart == 0 ? units : Double(words.count) + 0.6 * Double(cjk)
        f[FeatureLayout.lenFocus] = logscale(units, 1000)
        f[FeatureLayout.lenTotal] = logscale(unitsTotal, 20000)
        f[FeatureLayout.fewshot] = sat(Double(shots), 2)
        f[FeatureLayout.nSent] = logscale(Double(sents.count), 40)
        f[FeatureLayout.qmarks] = sat(Double(questionMarks), 1)
        f[FeatureLayout.nLines] = logscale(Double(nonBlankLines), 100)

        let lines = FeatureExtractor.lines(lower, fstart, n)
        let bullets = FeatureExtractor.bulletCount(lower, flags, lines)
        let options = FeatureExtractor.options(lower, flags, lines)
        let isMC = options.count >= 2
        f[FeatureLayout.listItems] = sat(Double(max(0, bullets - (isMC ? options.count : 0))), 4)
        f[FeatureLayout.longestPara] = sat(max(0, FeatureExtractor.longestParagraph(lower, flags, words, fstart, n) - 60), 120)
        f[FeatureLayout.mc] = isMC ? 1 : 0
        if isMC {
            var wordCount = 0.0, numeric = 0.0
            for option in options {
                wordCount += Double(FeatureExtractor.wordCount(words, option))
                if FeatureExtractor.firstDigit(flags, option) != nil { numeric += 1 }
            }
            f[FeatureLayout.mcOptLen] = logscale(wordCount / Double(options.count), 40)
            f[FeatureLayout.mcNumeric] = numeric / Double(options.count)
        }
        let cloze = FeatureExtractor.firstCloze(lower, flags, fstart, n)
        f[FeatureLayout.cloze] = cloze == nil ? 0 : 1
        f[FeatureLayout.shortPrompt] = 1 - sat(units, 12)
        if let cloze { evidence.append(Evidence(dimension: 0, span: cloze, label: "fill-in-the-blank", weight: 0.25)) }

        // Numbers and math structure.
        let numbers = FeatureExtractor.numbers(lower, flags, fstart, n)
        f[FeatureLayout.numbers] = sat(Double(numbers.count), 4)
        var numberSentences = 0
        flags.withUnsafeBufferPointer { flags in
            for s in sents where FeatureExtractor.firstDigit(flags, s) != nil { numberSentences += 1 }
        }
        f[FeatureLayout.numSentences] = sat(Double(numberSentences), 3)
        f[FeatureLayout.distinctNumbers] = sat(Double(FeatureExtractor.distinctCount(lower, numbers)), 4)
        var decimals = 0
        for r in numbers where lower[r].contains(where: { $0 == 0x2E || $0 == 0x2C }) { decimals += 1 }
        f[FeatureLayout.moneyPct] = sat(Double(money), 2)
        f[FeatureLayout.decimals] = sat(Double(decimals), 2)
        f[FeatureLayout.mathSym] = sat(Double(mathSymbols), 3)
        let algebra = FeatureExtractor.algebra(lower, flags, fstart, n)
        f[FeatureLayout.algebra] = sat(Double(algebra.count), 2)
        let arithmetic = FeatureExtractor.arithmetic(lower, flags, fstart, n)
        f[FeatureLayout.arith] = sat(Double(arithmetic.count), 2)
        let latex = FeatureExtractor.latex(text, fstart, n)
        f[FeatureLayout.latex] = sat(Double(latex.count), 2)
        let mathDimension = 2, multiStepDimension = 1, codeDimension = 3
        for span in algebra.prefix(3) + arithmetic.prefix(2) + latex.prefix(2) {
            evidence.append(Evidence(dimension: mathDimension, span: span, label: "expression", weight: 0.2))
        }
        if numberSentences >= 2 {
            for s in sents {
                guard let first = FeatureExtractor.firstDigit(flags, s),
                      let end = FeatureExtractor.number(lower, flags, at: first, limit: s.upperBound) else { continue }
                evidence.append(Evidence(dimension: multiStepDimension, span: first..<end,
                                         label: "quantity in a separate sentence", weight: 0.1))
            }
        }

        // Code structure.
        f[FeatureLayout.codeFence] = fence == nil ? 0 : 1
        let (codeLines, firstCode) = FeatureExtractor.codeLines(text, flags, lines)
        f[FeatureLayout.codeLines] = sat(Double(codeLines), 3)
        f[FeatureLayout.codeSym] = sat(Double(codeSymbols), 6)
        let identifiers = FeatureExtractor.identifiers(text, flags, fstart, n)
        f[FeatureLayout.identifiers] = sat(Double(identifiers.count), 2)
        if let fence { evidence.append(Evidence(dimension: codeDimension, span: fence..<(fence + 3), label: "code block", weight: 0.5)) }
        if let firstCode { evidence.append(Evidence(dimension: codeDimension, span: firstCode, label: "code line", weight: 0.3)) }
        for span in identifiers.prefix(2) {
            evidence.append(Evidence(dimension: codeDimension, span: span, label: "identifier", weight: 0.15))
        }

        // Lexicons.
        let hits = lexicon.match(lower: lower, words: words, firstWord: firstFocusWord, from: fstart)
        var counts = [Int](repeating: 0, count: FeatureLayout.categories.count)
        for hit in hits { counts[hit.category] += 1 }
        for (c, count) in counts.enumerated() { f[FeatureLayout.lexBase + c] = sat(Double(count), saturation[c]) }

        typealias L = FeatureLayout
        // Writing-kind task (summarise, reply, translate, extract, write, role-play) with no math,
        // proof, code or reasoning wording: the size and step features then measure the pasted
        // payload, not the difficulty, so they are gated off (reference: features.WRITING_GATED).
        let writingTask = min(1, 2 * max(f[L.lexWriting], f[L.lexExtraction], f[L.lexCreative], f[L.lexRoleplay]))
        let hardCue = max(min(1, 3 * f[L.lexMath]), f[L.lexProof], min(1, 3 * f[L.lexCode]), f[L.codeLines],
                          f[L.codeFence], f[L.algebra], f[L.latex])
        let writingOnly = writingTask * (1 - hardCue) * (1 - f[L.lexReasoning]) * (1 - f[L.mc]) * (1 - f[L.cloze])
        f[L.writingOnly] = writingOnly
        let keep = 1 - writingOnly
        f[L.lenFocus] *= keep
        f[L.lenTotal] *= keep
        f[L.nSent] *= keep
        f[L.listItems] *= keep
        f[L.longestPara] *= keep
        f[L.numbers] *= keep
        f[L.numSentences] *= keep
        f[L.distinctNumbers] *= keep
        f[L.lexStepwise] *= keep

        // Task-kind interactions.
        let mc = f[L.mc]
        f[L.wordproblem] = f[L.numSentences] * f[L.lexQuantity] * (1 - mc) * (1 - f[L.codeLines])
        f[L.mcMath] = mc * max(f[L.lexMath], f[L.mathSym], f[L.algebra], f[L.mcNumeric])
        f[L.mcDomain] = mc * max(f[L.lexLaw], f[L.lexMedicine], f[L.lexScience], f[L.lexEcon])
        f[L.openMath] = (1 - mc) * max(f[L.lexMath], f[L.algebra], f[L.arith], f[L.latex], f[L.lexProof])
        f[L.openReasoning] = (1 - mc) * max(f[L.lexReasoning], f[L.lexProof]) * (1 - f[L.lexCreative])
        let hard = max(f[L.lexMath], f[L.lexProof], f[L.lexReasoning], f[L.lexCode], f[L.numbers],
                       f[L.lexConstraint], f[L.codeLines])
        f[L.simpleOnly] = f[L.lexSimple] * (1 - hard)
        f[L.creativeOnly] = max(f[L.lexCreative], f[L.lexRoleplay])
            * (1 - max(f[L.lexMath], f[L.lexCode], f[L.lexProof], f[L.codeLines]))
        f[L.explainBasic] = f[L.lexSimple] * f[L.shortPrompt] * (1 - f[L.numbers]) * (1 - f[L.codeLines])
        let contextTokens = unitsTotal * 1.3
        let ctx = contextTokens <= 500 ? 0 : min(1, log(contextTokens / 500) / log(100))
        f[L.ctx] = ctx

        var vector = [Double](repeating: 0, count: L.allNames.count)
        for k in 0..<L.featureNames.count { vector[k] = f[k] }
        for (d, weights) in dimensionWeights.enumerated() {
            var sum = 0.0
            for (index, weight) in weights { sum += weight * f[index] }
            vector[L.featureNames.count + d] = min(1, sum)
        }

        for hit in hits {
            let d = categoryDimension[hit.category]
            guard d >= 0 else { continue }
            let weight = ((categoryBaseWeight[hit.category] / Double(max(1, counts[hit.category]))) * 1000).rounded() / 1000
            evidence.append(Evidence(dimension: d, span: hit.start..<hit.end, label: L.categories[hit.category], weight: weight))
        }
        if ctx > 0.02 {
            evidence.append(Evidence(dimension: L.contextLengthDimension, span: nil,
                                     label: "\(Int(contextTokens)) estimated tokens", weight: ctx))
        }
        if shots > 0 {
            evidence.append(Evidence(dimension: L.contextLengthDimension, span: 0..<fstart,
                                     label: "\(shots) worked examples before the question", weight: 0))
        }
        let gate = mc > 0 || f[L.cloze] > 0 || f[L.fewshot] > 0
        return Result(vector: vector, evidence: evidence, gate: gate, focusStart: fstart, lower: lower,
                      words: words, firstFocusWord: firstFocusWord, flags: flags)
    }

    /// What each ASCII scalar counts in the focus's one-pass counters: bit 0 a question mark
    /// (`?`), bit 1 money (`$%`), bit 2 a math symbol (`=+^`), bit 3 a code symbol (`{};`);
    /// bit 4 marks the scalars with a rule of their own (`>` after `=`/`-`, `==` and `::` runs).
    static let asciiCounted: [UInt8] = (0..<128).map { (c: UInt32) -> UInt8 in
        switch c {
        case 0x3F: return 1
        case 0x24, 0x25: return 2
        case 0x3D: return 4 | 16
        case 0x2B, 0x5E: return 4
        case 0x7B, 0x7D, 0x3B: return 8
        case 0x3E, 0x3A: return 16
        default: return 0
        }
    }

    // MARK: - Hashed exam vocabulary

    /// The hashed vocabulary of the focus: slot → value, `1/√(distinct tokens)` per token, over
    /// distinct words of two or more scalars and distinct CJK bigrams (slots in ascending order).
    ///
    /// Tokens are told apart by their scalars (an open-addressing table keyed by their FNV-1a
    /// hash, compared by content), so no token is copied.
    static func hashed(_ result: Result, size: Int) -> [(slot: Int, value: Double)] {
        let lower = result.lower
        let n = lower.count
        // The arrays are reserved up front (the words' count; CJK bigrams still grow it):
        // growing them by appending was a sixth of this function.
        var spans: [Range<Int>] = []
        spans.reserveCapacity(result.words.count - result.firstFocusWord)
        for word in result.words[result.firstFocusWord...] where word.count >= 2 { spans.append(word) }
        let flags = result.flags
        var i = result.focusStart
        while i + 1 < n {
            if flags[i] & flags[i + 1] & ScalarClass.cjk != 0 { spans.append(i..<(i + 2)) }
            i += 1
        }
        guard !spans.isEmpty else { return [] }
        var capacity = 16
        while capacity < spans.count * 2 { capacity <<= 1 }
        var table = [Int32](repeating: -1, count: capacity)
        var hashes: [UInt32] = []
        hashes.reserveCapacity(spans.count)
        var distinct: [Int] = []
        distinct.reserveCapacity(spans.count)
        lower.withUnsafeBufferPointer { a in
            for (k, span) in spans.enumerated() {
                var h: UInt32 = 0x811C_9DC5
                for p in span {
                    let c = a[p]
                    if c < 0x80 {
                        h = (h ^ c) &* 0x0100_0193
                    } else if c < 0x800 {
                        h = (h ^ (0xC0 | c >> 6)) &* 0x0100_0193
                        h = (h ^ (0x80 | c & 0x3F)) &* 0x0100_0193
                    } else if c < 0x10000 {
                        h = (h ^ (0xE0 | c >> 12)) &* 0x0100_0193
                        h = (h ^ (0x80 | (c >> 6) & 0x3F)) &* 0x0100_0193
                        h = (h ^ (0x80 | c & 0x3F)) &* 0x0100_0193
                    } else {
                        h = (h ^ (0xF0 | c >> 18)) &* 0x0100_0193
                        h = (h ^ (0x80 | (c >> 12) & 0x3F)) &* 0x0100_0193
                        h = (h ^ (0x80 | (c >> 6) & 0x3F)) &* 0x0100_0193
                        h = (h ^ (0x80 | c & 0x3F)) &* 0x0100_0193
                    }
                }
                hashes.append(h)
                var slot = Int(h) & (capacity - 1)
                while true {
                    let other = Int(table[slot])
                    if other < 0 {
                        table[slot] = Int32(k)
                        distinct.append(k)
                        break
                    }
                    if hashes[other] == h && FeatureExtractor.sameScalars(a, spans[other], span) { break }
                    slot = (slot + 1) & (capacity - 1)
                }
            }
        }
        let value = 1 / Double(distinct.count).squareRoot()
        var slots = distinct.map { Int(hashes[$0]) % size }
        slots.sort()
        var result: [(slot: Int, value: Double)] = []
        result.reserveCapacity(slots.count)
        var k = 0
        while k < slots.count {
            var sum = 0.0
            let slot = slots[k]
            while k < slots.count && slots[k] == slot { sum += value; k += 1 }
            result.append((slot, sum))
        }
        return result
    }

    /// Whether spans `x` and `y` of `a` hold the same scalars (a plain loop, where the generic
    /// `elementsEqual` on buffer slices went through the slices' iterators).
    @inline(__always)
    private static func sameScalars(_ a: UnsafeBufferPointer<UInt32>, _ x: Range<Int>, _ y: Range<Int>) -> Bool {
        guard x.count == y.count else { return false }
        var i = x.lowerBound, j = y.lowerBound
        while i < x.upperBound {
            if a[i] != a[j] { return false }
            i &+= 1
            j &+= 1
        }
        return true
    }

    // MARK: - Scanners

    /// `c / (c + k)`, 0 for no count.
    @inline(__always)
    func sat(_ c: Double, _ k: Double) -> Double { c > 0 ? c / (c + k) : 0 }

    /// `log(1 + c) / log(1 + top)`, at most 1.
    @inline(__always)
    func logscale(_ c: Double, _ top: Double) -> Double { min(1, log1p(max(0, c)) / log1p(top)) }

    /// Worked examples: (how many, where the focus starts).
    ///
    /// Every worked example ends its label with `[ \t]*[:：]`, so only the few positions just
    /// before a colon can start one: they are tried left to right as the reference's `finditer`
    /// tries every position, and the rest are skipped unread.
    func splitFewShot(_ lower: [UInt32]) -> (Int, Int) {
        var count = 0, last = 0
        let n = lower.count
        if labelsHaveColon {
            var pos = 0
            while pos < n {
                if let end = fewShotMatch(lower, at: pos) {
                    count += 1; last = end; pos = end
                } else {
                    pos += 1
                }
            }
            return (count, last)
        }
        // `next`: every position below it was tried or cannot start a match.
        var colon = 0, next = 0
        while colon < n {
            // The next colon, found without a bounds check per scalar.
            colon = lower.withUnsafeBufferPointer { lower in
                var k = colon
                while k < n && lower[k] != 0x3A && lower[k] != 0xFF1A { k += 1 }
                return k
            }
            guard colon < n else { break }
            var q = colon
            while q > next && (lower[q - 1] == 0x20 || lower[q - 1] == 0x09) { q -= 1 }
            var p = max(next, q - longestLabel)
            while p < colon {
                if let end = fewShotMatch(lower, at: p) {
                    count += 1
                    last = end
                    p = end
                } else {
                    p += 1
                }
            }
            next = max(p, colon + 1)
            colon = next
        }
        return (count, last)
    }

    private func fewShotMatch(_ lower: [UInt32], at p: Int) -> Int? {
        let c = lower[p]
        // Most scalars start no label: reject them before any label is compared.
        if c < 0x80 {
            if !asciiLabelStarts[Int(c)] { return nil }
        } else if !otherLabelStarts.contains(c) {
            return nil
        }
        let wordStart = p == 0 || !ScalarClass.isRegexWord(lower[p - 1])
        if wordStart {
            for label in wordLabels where label.first == c && FeatureExtractor.hasPrefix(lower, p, label) {
                if let end = answerRest(lower, p + label.count) { return end }
            }
        }
        for label in otherLabels where label.first == c && FeatureExtractor.hasPrefix(lower, p, label) {
            if let end = answerRest(lower, p + label.count) { return end }
        }
        if c == 0x61 && (p == 0 || lower[p - 1] == 0x0A) {
            if let end = answerRest(lower, p + 1) { return end }
        }
        return nil
    }
    /// After a label: `[ \t]*[:：][ \t]*\n?[ \t]*[^\n]{1,40}\n[ \t]*\n`, the end of the match.
    private func answerRest(_ lower: [UInt32], _ start: Int) -> Int? {
        let n = lower.count
        var i = start
        while i < n && (lower[i] == 0x20 || lower[i] == 0x09) { i += 1 }
        guard i < n, lower[i] == 0x3A || lower[i] == 0xFF1A else { return nil }
        i += 1
        func lineEnd(_ from: Int) -> Int {
            var j = from
            while j < n && lower[j] != 0x0A { j += 1 }
            return j
        }
        func blanks(_ from: Int, _ to: Int) -> Int {
            var j = from
            while j < to && (lower[j] == 0x20 || lower[j] == 0x09) { j += 1 }
            return j - from
        }
        // An answer line [from, end): some leading blanks may stay outside, 1…40 scalars inside.
        func answerFits(_ from: Int, _ end: Int) -> Bool {
            let length = end - from
            guard length >= 1 else { return false }
            return max(0, length - 40) <= min(blanks(from, end), length - 1)
        }
        // Then the newline, a blank line, and its newline.
        func closing(_ end: Int) -> Int? {
            guard end < n else { return nil }
            var j = end + 1
            while j < n && (lower[j] == 0x20 || lower[j] == 0x09) { j += 1 }
            return j < n && lower[j] == 0x0A ? j + 1 : nil
        }
        let end = lineEnd(i)
        if blanks(i, end) == end - i && end < n {
            let next = end + 1
            let end2 = lineEnd(next)
            if answerFits(next, end2), let close = closing(end2) { return close }
        }
        if answerFits(i, end), let close = closing(end) { return close }
        return nil
    }

    static func hasPrefix(_ a: [UInt32], _ p: Int, _ label: [UInt32]) -> Bool {
        guard p + label.count <= a.count else { return false }
        for (k, c) in label.enumerated() where a[p + k] != c { return false }
        return true
    }

    /// Words of `lower[start..<end]` and the number of CJK scalars.
    static func tokenize(_ lower: [UInt32], _ flags: [UInt8], _ start: Int, _ end: Int) -> (words: [Range<Int>], cjk: Int) {
        var words: [Range<Int>] = []
        var cjk = 0
        lower.withUnsafeBufferPointer { lower in
            flags.withUnsafeBufferPointer { flags in
                var i = start
                while i < end {
                    let bits = flags[i]
                    if bits & ScalarClass.word != 0 {
                        var j = i + 1
                        while j < end {
                            if flags[j] & ScalarClass.word != 0 {
                                j += 1
                                continue
                            }
                            let d = lower[j]
                            if (d == 0x27 || d == 0x2019 || d == 0x2D) && j + 1 < end && flags[j + 1] & ScalarClass.word != 0 {
                                j += 2
                            } else {
                                break
                            }
                        }
                        words.append(i..<j)
                        i = j
                    } else {
                        if bits & ScalarClass.cjk != 0 { cjk += 1 }
                        i += 1
                    }
                }
            }
        }
        return (words, cjk)
    }

    /// Index of the first of `words` starting at or after `position`.
    static func firstWord(_ words: [Range<Int>], atOrAfter position: Int) -> Int {
        var low = 0, high = words.count
        while low < high {
            let mid = (low + high) / 2
            if words[mid].lowerBound < position { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// How many of `words` start inside `span` (a span whose edges no word crosses).
    static func wordCount(_ words: [Range<Int>], _ span: Range<Int>) -> Int {
        firstWord(words, atOrAfter: span.upperBound) - firstWord(words, atOrAfter: span.lowerBound)
    }

    /// The first decimal digit (`\d`) in `span`.
    @inline(__always)
    static func firstDigit(_ flags: [UInt8], _ span: Range<Int>) -> Int? {
        for k in span where flags[k] & ScalarClass.decimal != 0 { return k }
        return nil
    }

    /// `firstDigit` on a buffer pointer (the sentence count reads every sentence of the focus).
    @inline(__always)
    static func firstDigit(_ flags: UnsafeBufferPointer<UInt8>, _ span: Range<Int>) -> Int? {
        for k in span where flags[k] & ScalarClass.decimal != 0 { return k }
        return nil
    }

    /// Sentence spans: split after `.!?。！？؟।` or a newline, except a `.` between digits.
    static func sentences(_ lower: [UInt32], _ flags: [UInt8], _ start: Int, _ end: Int) -> [Range<Int>] {
        // Scanned through buffer pointers: no bounds check per scalar (the scanner keeps every
        // index inside the buffer itself).
        lower.withUnsafeBufferPointer { lower in flags.withUnsafeBufferPointer { flags in sentences(lower, flags, start, end) } }
    }

    /// `sentences` on buffer pointers.
    static func sentences(_ lower: UnsafeBufferPointer<UInt32>, _ flags: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var s = start
        // Whether a non-space scalar has been seen since `s`.
        var content = false
        var i = start
        while i < end {
            let c = lower[i]
            if ScalarClass.endsSentence(c) {
                if c == 0x2E && i > 0 && i < end - 1 && flags[i - 1] & ScalarClass.digitLike != 0
                    && flags[i + 1] & ScalarClass.digitLike != 0 {
                    content = true
                    i += 1
                    continue
                }
                if content || flags[i] & ScalarClass.space == 0 { spans.append(s..<(i + 1)) }
                s = i + 1
                content = false
            } else if flags[i] & ScalarClass.space == 0 {
                content = true
            }
            i += 1
        }
        if s < end && content { spans.append(s..<end) }
        return spans
    }

    /// `\d+(?:[.,:]\d+)*` at `i` (not beyond `limit`): the end, or nil.
    @inline(__always)
    static func number(_ lower: [UInt32], _ flags: [UInt8], at i: Int, limit: Int) -> Int? {
        guard i < limit, flags[i] & ScalarClass.decimal != 0 else { return nil }
        return numberEnd(lower, flags, from: i, limit: limit)
    }

    /// The end of the number whose first digit is at `i`.
    @inline(__always)
    private static func numberEnd(_ lower: [UInt32], _ flags: [UInt8], from i: Int, limit: Int) -> Int {
        var j = i + 1
        while j < limit && flags[j] & ScalarClass.decimal != 0 { j += 1 }
        while j + 1 < limit && (lower[j] == 0x2E || lower[j] == 0x2C || lower[j] == 0x3A) && flags[j + 1] & ScalarClass.decimal != 0 {
            j += 2
            while j < limit && flags[j] & ScalarClass.decimal != 0 { j += 1 }
        }
        return j
    }

    /// Every number (`\d+(?:[.,:]\d+)*`, left to right, not overlapping) of `lower[start..<end]`.
    static func numbers(_ lower: [UInt32], _ flags: [UInt8], _ start: Int, _ end: Int) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var i = start
        while i < end {
            if flags[i] & ScalarClass.decimal != 0 {
                let j = numberEnd(lower, flags, from: i, limit: end)
                found.append(i..<j)
                i = j
            } else {
                i += 1
            }
        }
        return found
    }

    /// How many distinct texts the `spans` of `a` hold.
    static func distinctCount(_ a: [UInt32], _ spans: [Range<Int>]) -> Int {
        if spans.count > 16 { return Set(spans.map { a[$0] }).count }
        var count = 0
        for (k, span) in spans.enumerated() where !spans[..<k].contains(where: { a[$0].elementsEqual(a[span]) }) {
            count += 1
        }
        return count
    }

    /// Line spans of `a[start..<end]` (split at newlines).
    static func lines(_ a: [UInt32], _ start: Int, _ end: Int) -> [Range<Int>] {
        a.withUnsafeBufferPointer { a in lines(a, start, end) }
    }

    /// `lines` on a buffer pointer (no bounds check per scalar).
    static func lines(_ a: UnsafeBufferPointer<UInt32>, _ start: Int, _ end: Int) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var s = start
        var i = start
        while i < end {
            if a[i] == 0x0A { result.append(s..<i); s = i + 1 }
            i += 1
        }
        result.append(s..<end)
        return result
    }

    /// `^[ \t]*(?:[-*•·▪–]|\d{1,2}[.)、]|[a-z][)])[ \t]+\S` per line.
    static func bulletCount(_ a: [UInt32], _ flags: [UInt8], _ lines: [Range<Int>]) -> Int {
        var count = 0
        for line in lines {
            var i = line.lowerBound
            let e = line.upperBound
            while i < e && (a[i] == 0x20 || a[i] == 0x09) { i += 1 }
            guard i < e else { continue }
            let c = a[i]
            var j: Int? = nil
            switch c {
            case 0x2D, 0x2A, 0x2022, 0xB7, 0x25AA, 0x2013:
                j = i + 1
            default:
                if flags[i] & ScalarClass.decimal != 0 {
                    var k = i + 1
                    if k < e && flags[k] & ScalarClass.decimal != 0 && k + 1 < e
                        && (a[k + 1] == 0x2E || a[k + 1] == 0x29 || a[k + 1] == 0x3001) {
                        k += 1
                    }
                    if k < e && (a[k] == 0x2E || a[k] == 0x29 || a[k] == 0x3001) { j = k + 1 }
                } else if ScalarClass.isLowerASCII(c) && i + 1 < e && a[i + 1] == 0x29 {
                    j = i + 2
                }
            }
            guard var k = j, k < e, a[k] == 0x20 || a[k] == 0x09 else { continue }
            while k < e && (a[k] == 0x20 || a[k] == 0x09) { k += 1 }
            if k < e && flags[k] & ScalarClass.space == 0 { count += 1 }
        }
        return count
    }

    /// Multiple-choice options: the run of option lines whose labels go a, b, c… (or 1, 2, 3…);
    /// each as the span of its text.
    static func options(_ a: [UInt32], _ flags: [UInt8], _ lines: [Range<Int>]) -> [Range<Int>] {
        var labels: [UInt32] = [], texts: [Range<Int>] = []
        for line in lines {
            var i = line.lowerBound
            let e = line.upperBound
            while i < e && (a[i] == 0x20 || a[i] == 0x09) { i += 1 }
            if i < e && (a[i] == 0x28 || a[i] == 0x5B) { i += 1 }
            guard i < e else { continue }
            let label = a[i]
            let isLetter = (0x61...0x68).contains(label) || (0x41...0x48).contains(label)
            let isDigit = (0x31...0x38).contains(label)
            guard isLetter || isDigit else { continue }
            i += 1
            guard i < e else { continue }
            switch a[i] {
            case 0x29, 0x5D, 0x2E, 0x3A, 0xFF1A: break
            default: continue
            }
            i += 1
            guard i < e, a[i] == 0x20 || a[i] == 0x09 else { continue }
            while i < e && (a[i] == 0x20 || a[i] == 0x09) { i += 1 }
            guard i < e, flags[i] & ScalarClass.space == 0 else { continue }
            let text = i..<e
            let lab = isDigit ? label : ScalarClass.lowercased(label)
            if !isDigit && lab == (labels.last.map { $0 + 1 } ?? 0x61) {
                labels.append(lab); texts.append(text)
            } else if isDigit && (labels.isEmpty ? lab == 0x31 : Int(lab - 0x30) == labels.count + 1) {
                labels.append(0x61 + lab - 0x31); texts.append(text)
            } else if lab == 0x61 || lab == 0x31 {
                labels = [0x61]; texts = [text]
            }
        }
        return texts
    }

    /// The longest paragraph (split at blank lines) in word units.
    static func longestParagraph(_ a: [UInt32], _ flags: [UInt8], _ words: [Range<Int>], _ start: Int, _ end: Int) -> Double {
        // Two passes over the focus: on buffer pointers, without a bounds check per scalar.
        a.withUnsafeBufferPointer { a in
            flags.withUnsafeBufferPointer { flags in longestParagraph(a, flags, words, start, end) }
        }
    }

    /// `longestParagraph` on buffer pointers.
    static func longestParagraph(_ a: UnsafeBufferPointer<UInt32>, _ flags: UnsafeBufferPointer<UInt8>, _ words: [Range<Int>],
                                 _ start: Int, _ end: Int) -> Double {
        var longest = 0.0
        func measure(_ s: Int, _ e: Int) {
            var content = false, cjk = 0
            for k in s..<e {
                let bits = flags[k]
                if bits & ScalarClass.space == 0 { content = true }
                if bits & ScalarClass.cjk != 0 { cjk += 1 }
            }
            guard content else { return }
            longest = max(longest, Double(wordCount(words, s..<e)) + 0.6 * Double(cjk))
        }
        var segment = start
        var i = start
        while i < end {
            if a[i] == 0x0A {
                var j = i + 1
                while j < end && (a[j] == 0x20 || a[j] == 0x09) { j += 1 }
                if j < end && a[j] == 0x0A {
                    measure(segment, i)
                    segment = j + 1
                    i = j + 1
                    continue
                }
            }
            i += 1
        }
        measure(segment, end)
        return longest
    }

    /// The first `_` run with no word scalar on either side.
    static func firstCloze(_ a: [UInt32], _ flags: [UInt8], _ start: Int, _ end: Int) -> Range<Int>? {
        var i = start
        while i < end {
            if a[i] == 0x5F {
                var j = i
                while j < end && a[j] == 0x5F { j += 1 }
                let before = i == start || flags[i - 1] & ScalarClass.regexWord == 0
                let after = j == end || flags[j] & ScalarClass.regexWord == 0
                if before && after { return i..<j }
                i = j
            } else {
                i += 1
            }
        }
        return nil
    }

    /// Algebraic patterns: `x^`, `x =`, `2x`, `f(x)`, `x_1`, `|x|` (left to right, not overlapping).
    static func algebra(_ a: [UInt32], _ flags: [UInt8], _ start: Int, _ end: Int) -> [Range<Int>] {
        // Scanned through buffer pointers: no bounds check per scalar (the scanner keeps every
        // index inside the buffer itself).
        a.withUnsafeBufferPointer { a in flags.withUnsafeBufferPointer { flags in algebra(a, flags, start, end) } }
    }

    /// `algebra` on buffer pointers.
    static func algebra(_ a: UnsafeBufferPointer<UInt32>, _ flags: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> [Range<Int>] {
        @inline(__always) func lowerAt(_ k: Int) -> Bool { k < end && ScalarClass.isLowerASCII(a[k]) }
        @inline(__always) func digitAt(_ k: Int) -> Bool { flags[k] & ScalarClass.decimal != 0 }
        func matchAt(_ i: Int) -> Int? {
            let c = a[i]
            if ScalarClass.isLowerASCII(c) {
                let noLetterBefore = i == start || !ScalarClass.isLowerASCII(a[i - 1])
                if noLetterBefore {
                    var j = i + 1
                    while j < end && flags[j] & ScalarClass.space != 0 { j += 1 }
                    if j < end {
                        switch a[j] {
                        case 0x5E, 0xB2, 0xB3, 0x3D, 0x3C, 0x3E, 0x2264, 0x2265: return j + 1
                        default: break
                        }
                    }
                }
                if noLetterBefore && i + 1 < end && a[i + 1] == 0x28 {
                    var j = i + 2
                    while j < end && j - (i + 2) < 13 && (ScalarClass.isLowerASCII(a[j]) || (0x30...0x39).contains(a[j])
                                                          || a[j] == 0x2C || a[j] == 0x20) { j += 1 }
                    let length = j - (i + 2)
                    if length >= 1 && length <= 12 && j < end && a[j] == 0x29 { return j + 1 }
                }
                if i + 2 < end && a[i + 1] == 0x5F {
                    var j = i + 2
                    if a[j] == 0x7B && j + 1 < end && digitAt(j + 1) { j += 1 }
                    if digitAt(j) { return j + 1 }
                }
            } else if c == 0x7C {
                if lowerAt(i + 1) && i + 2 < end && a[i + 2] == 0x7C { return i + 3 }
            } else if flags[i] & ScalarClass.decimal != 0 {
                if lowerAt(i + 1) && !lowerAt(i + 2) { return i + 2 }
            }
            return nil
        }
        var found: [Range<Int>] = []
        var i = start
        while i < end {
            // Only a letter, a digit or `|` starts a pattern.
            let c = a[i]
            if (c < 0x61 || c > 0x7A) && c != 0x7C && flags[i] & ScalarClass.decimal == 0 {
                i += 1
                continue
            }
            // Inside a word (a letter after a letter) only `x_1` can start: most letters of
            // prose are decided here, without the pattern tests.
            if c >= 0x61 && c <= 0x7A && i > start && ScalarClass.isLowerASCII(a[i - 1])
                && !(i + 1 < end && a[i + 1] == 0x5F) {
                i += 1
                continue
            }
            if let matchEnd = matchAt(i) {
                found.append(i..<matchEnd)
                i = matchEnd
            } else {
                i += 1
            }
        }
        return found
    }

    /// `\d\s*[-+*/×÷=^]\s*\d`.
    static func arithmetic(_ a: [UInt32], _ flags: [UInt8], _ start: Int, _ end: Int) -> [Range<Int>] {
        a.withUnsafeBufferPointer { a in flags.withUnsafeBufferPointer { flags in arithmetic(a, flags, start, end) } }
    }

    /// `arithmetic` on buffer pointers (no bounds check per scalar).
    static func arithmetic(_ a: UnsafeBufferPointer<UInt32>, _ flags: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var i = start
        while i < end {
            if flags[i] & ScalarClass.decimal != 0 {
                var j = i + 1
                while j < end && flags[j] & ScalarClass.space != 0 { j += 1 }
                if j < end {
                    switch a[j] {
                    case 0x2D, 0x2B, 0x2A, 0x2F, 0xD7, 0xF7, 0x3D, 0x5E:
                        j += 1
                        while j < end && flags[j] & ScalarClass.space != 0 { j += 1 }
                        if j < end && flags[j] & ScalarClass.decimal != 0 {
                            found.append(i..<(j + 1))
                            i = j + 1
                            continue
                        }
                    default:
                        break
                    }
                }
            }
            i += 1
        }
        return found
    }

    /// `\\[a-zA-Z]+` or `$…$` (1…80 scalars, one line), on the original text.
    static func latex(_ a: [UInt32], _ start: Int, _ end: Int) -> [Range<Int>] {
        a.withUnsafeBufferPointer { a in latex(a, start, end) }
    }

    /// `latex` on a buffer pointer (no bounds check per scalar).
    static func latex(_ a: UnsafeBufferPointer<UInt32>, _ start: Int, _ end: Int) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var i = start
        while i < end {
            let c = a[i]
            if c == 0x5C {
                var j = i + 1
                while j < end && (ScalarClass.isLowerASCII(a[j]) || ScalarClass.isUpperASCII(a[j])) { j += 1 }
                if j > i + 1 { found.append(i..<j); i = j; continue }
            } else if c == 0x24 {
                var j = i + 1
                while j < end && a[j] != 0x24 && a[j] != 0x0A { j += 1 }
                let length = j - i - 1
                if j < end && a[j] == 0x24 && length >= 1 && length <= 80 { found.append(i..<(j + 1)); i = j + 1; continue }
            }
            i += 1
        }
        return found
    }

    /// Code lines of the original text: a keyword start, or enough code symbols with a code-like
    /// ending or indentation. Returns the count and the first such line. (`flags` are the
    /// lowercased text's: lowercasing keeps the whitespace and `\\w` classes, see the tests.)
    static func codeLines(_ a: [UInt32], _ flags: [UInt8], _ lines: [Range<Int>]) -> (Int, Range<Int>?) {
        var count = 0
        var first: Range<Int>? = nil
        for line in lines {
            var s = line.lowerBound, e = line.upperBound
            while s < e && flags[s] & ScalarClass.space != 0 { s += 1 }
            while e > s && flags[e - 1] & ScalarClass.space != 0 { e -= 1 }
            guard s < e else { continue }
            var symbols = 0
            for k in s..<e where ScalarClass.isCodeScalar(a[k]) { symbols += 1 }
            var dense = false
            if symbols >= 2 && Double(symbols) / Double(e - s) > 0.04 {
                let last = a[e - 1]
                let indented = (line.count >= 4 && a[line.lowerBound..<(line.lowerBound + 4)].allSatisfy { $0 == 0x20 })
                    || (line.count >= 1 && a[line.lowerBound] == 0x09)
                dense = last == 0x7B || last == 0x7D || last == 0x3B || last == 0x3A || last == 0x29 || indented
            }
            if dense || startsCode(a, flags, line, trimmed: s..<e, symbols: symbols) {
                count += 1
                if first == nil { first = line }
            }
        }
        return (count, first)
    }

    /// A code start (`codeStartKind`) that is also read as code. The keyword starts that are
    /// ordinary words ("for a", "while the", "class of", "let me") begin hard-wrapped prose lines
    /// too, so they count only when the line has a code character (`{}()[];=<>`) or ends with `:`;
    /// the statement words (`return`, `import`, `select`, `insert`, `update`) also count on a short
    /// line — at most 6 words, not ending in `.`, `,`, `!` or `?` — such as `import numpy as np`
    /// (the prototype's `code_start`).
    static func startsCode(_ a: [UInt32], _ flags: [UInt8], _ line: Range<Int>, trimmed: Range<Int>,
                           symbols: Int) -> Bool {
        let kind = codeStartKind(a, flags, line)
        switch kind {
        case .none: return false
        case .code: return true
        case .proseWord, .statementWord:
            let last = a[trimmed.upperBound - 1]
            if symbols > 0 || last == 0x3A { return true }
            guard kind == .statementWord, last != 0x2E, last != 0x2C, last != 0x21, last != 0x3F else { return false }
            var words = 0
            var inWord = false
            for k in trimmed {
                let space = flags[k] & ScalarClass.space != 0
                if !space && !inWord { words += 1 }
                inWord = !space
            }
            return words <= 6
        }
    }

    /// Which kind of keyword starts a line: none, one that is only code (`def `, `#include`,
    /// `print(`), an ordinary word (`for `, `while `, `class `, `let `, …) or a statement word
    /// (`return`, `import `, `select `, …).
    enum CodeStartKind { case none, code, proseWord, statementWord }

    private static func scalarsOf(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    private static let codeStarts: [[UInt32]] = ["def ", "class ", "import ", "for ", "while ", "elif ", "else:",
                                                  "#include", "public ", "private ", "const ", "let ", "var ", "fn ",
                                                  "func ", "select ", "insert ", "update ", "print(", "console.", "//",
                                                  "/*", "#!"].map(scalarsOf)
    /// The `codeStarts` entries that are ordinary words, and the statement words among them.
    private static let proseWordStarts: [[UInt32]] = ["class ", "for ", "while ", "public ", "private ", "const ",
                                                      "let ", "var "].map(scalarsOf)
    private static let statementWordStarts: [[UInt32]] = ["import ", "select ", "insert ", "update "].map(scalarsOf)
    /// Which ASCII scalars (lowercased) start a `codeStarts` entry or another code start.
    private static let codeStartFirsts: [Bool] = {
        var table = [Bool](repeating: false, count: 128)
        for word in codeStarts { table[Int(word[0])] = true }
        for c in "rfi@".unicodeScalars { table[Int(c.value)] = true }
        return table
    }()
    private static let returnWord = scalarsOf("return"), functionWord = scalarsOf("function")
    private static let fromWord = scalarsOf("from "), importWord = scalarsOf(" import")

    /// `CODE_START_RE` (case-insensitive) at the start of `line`, and whether its keyword is an
    /// ordinary word (the prototype's `PROSE_START_RE`) or a statement word (`STATEMENT_START_RE`).
    static func codeStartKind(_ a: [UInt32], _ flags: [UInt8], _ line: Range<Int>) -> CodeStartKind {
        var i = line.lowerBound
        let e = line.upperBound
        while i < e && (a[i] == 0x20 || a[i] == 0x09) { i += 1 }
        guard i < e else { return .none }
        let head = a[i]
        let folded = ScalarClass.isUpperASCII(head) ? head + 0x20 : head
        guard folded < 0x80, codeStartFirsts[Int(folded)] else { return .none }
        func at(_ k: Int, _ word: [UInt32]) -> Bool {
            guard k + word.count <= e else { return false }
            for (m, c) in word.enumerated() {
                let x = a[k + m]
                if x != c && !(ScalarClass.isUpperASCII(x) && x + 0x20 == c) { return false }
            }
            return true
        }
        func boundary(_ k: Int) -> Bool { k >= e || flags[k] & ScalarClass.regexWord == 0 }
        for word in proseWordStarts where at(i, word) { return .proseWord }
        for word in statementWordStarts where at(i, word) { return .statementWord }
        for word in codeStarts where at(i, word) { return .code }
        if at(i, returnWord) && boundary(i + 6) { return .statementWord }
        if at(i, functionWord) && boundary(i + 8) { return .proseWord }
        if at(i, [0x69, 0x66]) {
            var j = i + 2
            while j < e && flags[j] & ScalarClass.space != 0 { j += 1 }
            if j < e && a[j] == 0x28 { return .code }
        }
        if at(i, fromWord) {
            var j = i + 5
            let wordStart = j
            while j < e && flags[j] & ScalarClass.regexWord != 0 { j += 1 }
            if j > wordStart && at(j, importWord) { return .code }
        }
        if a[i] == 0x40 && i + 1 < e && flags[i + 1] & ScalarClass.regexWord != 0 { return .code }
        return .none
    }

    /// `\b[a-z][a-z0-9]*_[a-z0-9_]+\b` or `\b[a-z]+[A-Z][a-zA-Z0-9]+\b` on the original text
    /// (left to right, not overlapping).
    static func identifiers(_ a: [UInt32], _ flags: [UInt8], _ start: Int, _ end: Int) -> [Range<Int>] {
        // Scanned through buffer pointers: no bounds check per scalar (the scanner keeps every
        // index inside the buffer itself).
        a.withUnsafeBufferPointer { a in flags.withUnsafeBufferPointer { flags in identifiers(a, flags, start, end) } }
    }

    /// `identifiers` on buffer pointers.
    static func identifiers(_ a: UnsafeBufferPointer<UInt32>, _ flags: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> [Range<Int>] {
        @inline(__always) func boundaryAfter(_ k: Int) -> Bool { k >= end || flags[k] & ScalarClass.regexWord == 0 }
        @inline(__always) func isLowerDigit(_ c: UInt32) -> Bool { ScalarClass.isLowerASCII(c) || (c >= 0x30 && c <= 0x39) }
        var found: [Range<Int>] = []
        var i = start
        // Whether a[i - 1] is a regex word scalar (so no match can start at i).
        var afterWord = false
        while i < end {
            let c = a[i]
            guard ScalarClass.isLowerASCII(c), !afterWord else {
                afterWord = flags[i] & ScalarClass.regexWord != 0
                i += 1
                continue
            }
            var j = i + 1
            while j < end && isLowerDigit(a[j]) { j += 1 }
            var matchEnd: Int? = nil
            if j < end && a[j] == 0x5F {
                var k = j + 1
                while k < end && (isLowerDigit(a[k]) || a[k] == 0x5F) { k += 1 }
                if k > j + 1 && boundaryAfter(k) { matchEnd = k }
            }
            if matchEnd == nil {
                var k = i + 1
                while k < end && ScalarClass.isLowerASCII(a[k]) { k += 1 }
                if k < end && ScalarClass.isUpperASCII(a[k]) {
                    var m = k + 1
                    while m < end && ScalarClass.isAlnumASCII(a[m]) { m += 1 }
                    if m > k + 1 && boundaryAfter(m) { matchEnd = m }
                }
            }
            if let matchEnd {
                found.append(i..<matchEnd)
                afterWord = flags[matchEnd - 1] & ScalarClass.regexWord != 0
                i = matchEnd
            } else {
                afterWord = true
                i += 1
            }
        }
        return found
    }
}
