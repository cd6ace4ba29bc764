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
    }

    /// The scalar values of `text`, decoded from its UTF-8 in one pass.
    static func scalars(_ text: String) -> [UInt32] {
        var out: [UInt32] = []
        var copy = text
        copy.withUTF8 { bytes in
            out.reserveCapacity(bytes.count)
            var i = 0
            let n = bytes.count
            while i < n {
                let b0 = UInt32(bytes[i])
                if b0 < 0x80 {
                    out.append(b0); i += 1
                } else if b0 < 0xE0 {
                    out.append((b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)); i += 2
                } else if b0 < 0xF0 {
                    out.append((b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)); i += 3
                } else {
                    out.append((b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                               | UInt32(bytes[i + 3] & 0x3F)); i += 4
                }
            }
        }
        return out
    }

    /// The lowercased scalars of `text`, one for one.
    static func lowered(_ scalars: [UInt32]) -> [UInt32] { scalars.map(ScalarClass.lowercased) }

    // MARK: - Extraction

    /// The features and evidence of `scalars` (the prompt's Unicode scalar values).
    func extract(_ text: [UInt32]) -> Result {
        let lower = FeatureExtractor.lowered(text)
        let n = lower.count
        let (shots, fstart) = splitFewShot(lower)
        var evidence: [Evidence] = []
        var f = [Double](repeating: 0, count: FeatureLayout.scannedCount)
        let (words, cjk) = FeatureExtractor.tokenize(lower, fstart, n)
        let units = Double(words.count) + 0.6 * Double(cjk)
        let unitsTotal: Double
        if fstart == 0 {
            unitsTotal = units
        } else {
            let (all, allCJK) = FeatureExtractor.tokenize(lower, 0, n)
            unitsTotal = Double(all.count) + 0.6 * Double(allCJK)
        }
        f[FeatureLayout.lenFocus] = logscale(units, 1000)
        f[FeatureLayout.lenTotal] = logscale(unitsTotal, 20000)
        f[FeatureLayout.fewshot] = sat(Double(shots), 2)
        let sents = FeatureExtractor.sentences(lower, fstart, n)
        f[FeatureLayout.nSent] = logscale(Double(sents.count), 40)

        // One pass over the focus for the simple counters.
        var questionMarks = 0, money = 0, mathSymbols = 0, codeSymbols = 0, nonBlankLines = 0
        var lineHasContent = false
        var fence: Int? = nil
        var i = fstart
        while i < n {
            let c = lower[i]
            if ScalarClass.isQuestionMark(c) { questionMarks += 1 }
            if ScalarClass.isMoney(c) { money += 1 }
            if ScalarClass.isMathSymbol(c) { mathSymbols += 1 }
            if c == 0x7B || c == 0x7D || c == 0x3B { codeSymbols += 1 }
            if c == 0x0A {
                if lineHasContent { nonBlankLines += 1 }
                lineHasContent = false
            } else if !ScalarClass.isSpace(c) {
                lineHasContent = true
            }
            if fence == nil && c == 0x60 && i + 2 < n && lower[i + 1] == 0x60 && lower[i + 2] == 0x60 { fence = i }
            i += 1
        }
        if lineHasContent { nonBlankLines += 1 }
        for pair: (UInt32, UInt32) in [(0x3D, 0x3D), (0x3D, 0x3E), (0x2D, 0x3E), (0x3A, 0x3A)] {
            codeSymbols += FeatureExtractor.countPairs(lower, fstart, n, pair)
        }
        f[FeatureLayout.qmarks] = sat(Double(questionMarks), 1)
        f[FeatureLayout.nLines] = logscale(Double(nonBlankLines), 100)

        let bullets = FeatureExtractor.bulletCount(lower, fstart, n)
        let options = FeatureExtractor.options(lower, fstart, n)
        let isMC = options.count >= 2
        f[FeatureLayout.listItems] = sat(Double(max(0, bullets - (isMC ? options.count : 0))), 4)
        f[FeatureLayout.longestPara] = sat(max(0, FeatureExtractor.longestParagraph(lower, fstart, n) - 60), 120)
        f[FeatureLayout.mc] = isMC ? 1 : 0
        if isMC {
            var words = 0.0, numeric = 0.0
            for option in options {
                words += Double(FeatureExtractor.tokenize(lower, option.lowerBound, option.upperBound).words.count)
                if lower[option].contains(where: ScalarClass.isDecimalDigit) { numeric += 1 }
            }
            f[FeatureLayout.mcOptLen] = logscale(words / Double(options.count), 40)
            f[FeatureLayout.mcNumeric] = numeric / Double(options.count)
        }
        let cloze = FeatureExtractor.firstCloze(lower, fstart, n)
        f[FeatureLayout.cloze] = cloze == nil ? 0 : 1
        f[FeatureLayout.shortPrompt] = 1 - sat(units, 12)
        if let cloze { evidence.append(Evidence(dimension: 0, span: cloze, label: "fill-in-the-blank", weight: 0.25)) }

        // Numbers and math structure.
        let numbers = FeatureExtractor.matches(fstart, n) { FeatureExtractor.number(lower, at: $0, limit: n) }
        f[FeatureLayout.numbers] = sat(Double(numbers.count), 4)
        var numberSentences = 0
        for s in sents where lower[s].contains(where: ScalarClass.isDecimalDigit) { numberSentences += 1 }
        f[FeatureLayout.numSentences] = sat(Double(numberSentences), 3)
        var distinct = Set<ArraySlice<UInt32>>()
        var decimals = 0
        for r in numbers {
            distinct.insert(lower[r])
            if lower[r].contains(where: { $0 == 0x2E || $0 == 0x2C }) { decimals += 1 }
        }
        f[FeatureLayout.distinctNumbers] = sat(Double(distinct.count), 4)
        f[FeatureLayout.moneyPct] = sat(Double(money), 2)
        f[FeatureLayout.decimals] = sat(Double(decimals), 2)
        f[FeatureLayout.mathSym] = sat(Double(mathSymbols), 3)
        let algebra = FeatureExtractor.algebra(lower, fstart, n)
        f[FeatureLayout.algebra] = sat(Double(algebra.count), 2)
        let arithmetic = FeatureExtractor.arithmetic(lower, fstart, n)
        f[FeatureLayout.arith] = sat(Double(arithmetic.count), 2)
        let latex = FeatureExtractor.latex(text, fstart, n)
        f[FeatureLayout.latex] = sat(Double(latex.count), 2)
        let mathDimension = 2, multiStepDimension = 1, codeDimension = 3
        for span in algebra.prefix(3) + arithmetic.prefix(2) + latex.prefix(2) {
            evidence.append(Evidence(dimension: mathDimension, span: span, label: "expression", weight: 0.2))
        }
        if numberSentences >= 2 {
            for s in sents {
                guard let first = lower[s].firstIndex(where: ScalarClass.isDecimalDigit),
                      let end = FeatureExtractor.number(lower, at: first, limit: s.upperBound) else { continue }
                evidence.append(Evidence(dimension: multiStepDimension, span: first..<end,
                                         label: "quantity in a separate sentence", weight: 0.1))
            }
        }

        // Code structure.
        f[FeatureLayout.codeFence] = fence == nil ? 0 : 1
        let (codeLines, firstCode) = FeatureExtractor.codeLines(text, fstart, n)
        f[FeatureLayout.codeLines] = sat(Double(codeLines), 3)
        f[FeatureLayout.codeSym] = sat(Double(codeSymbols), 6)
        let identifiers = FeatureExtractor.identifiers(text, fstart, n)
        f[FeatureLayout.identifiers] = sat(Double(identifiers.count), 2)
        if let fence { evidence.append(Evidence(dimension: codeDimension, span: fence..<(fence + 3), label: "code block", weight: 0.5)) }
        if let firstCode { evidence.append(Evidence(dimension: codeDimension, span: firstCode, label: "code line", weight: 0.3)) }
        for span in identifiers.prefix(2) {
            evidence.append(Evidence(dimension: codeDimension, span: span, label: "identifier", weight: 0.15))
        }

        // Lexicons.
        let hits = lower.withUnsafeBufferPointer { lexicon.match(lower: $0, words: words, from: fstart) }
        var counts = [Int](repeating: 0, count: FeatureLayout.categories.count)
        for hit in hits { counts[hit.category] += 1 }
        for (c, count) in counts.enumerated() { f[FeatureLayout.lexBase + c] = sat(Double(count), saturation[c]) }

        // Writing-kind task (summarise, reply, translate, extract, write, role-play) with no math,
        // proof, code or reasoning wording: the size and step features then measure the pasted
        // payload, not the difficulty, so they are gated off (reference: features.WRITING_GATED).
        func lex(_ name: String) -> Double { f[FeatureLayout.lex(name)] }
        let writingTask = min(1, 2 * max(lex("writing"), lex("extraction"), lex("creative"), lex("roleplay")))
        let hardCue = max(min(1, 3 * lex("math")), lex("proof"), min(1, 3 * lex("code")), f[FeatureLayout.codeLines],
                          f[FeatureLayout.codeFence], f[FeatureLayout.algebra], f[FeatureLayout.latex])
        let writingOnly = writingTask * (1 - hardCue) * (1 - lex("reasoning")) * (1 - f[FeatureLayout.mc])
            * (1 - f[FeatureLayout.cloze])
        f[FeatureLayout.writingOnly] = writingOnly
        let keep = 1 - writingOnly
        for index in [FeatureLayout.lenFocus, FeatureLayout.lenTotal, FeatureLayout.nSent, FeatureLayout.listItems,
                      FeatureLayout.longestPara, FeatureLayout.numbers, FeatureLayout.numSentences,
                      FeatureLayout.distinctNumbers, FeatureLayout.lex("stepwise")] {
            f[index] *= keep
        }

        // Task-kind interactions.
        let mc = f[FeatureLayout.mc]
        f[FeatureLayout.wordproblem] = f[FeatureLayout.numSentences] * lex("quantity") * (1 - mc) * (1 - f[FeatureLayout.codeLines])
        f[FeatureLayout.mcMath] = mc * max(lex("math"), f[FeatureLayout.mathSym], f[FeatureLayout.algebra], f[FeatureLayout.mcNumeric])
        f[FeatureLayout.mcDomain] = mc * max(lex("law"), lex("medicine"), lex("science"), lex("econ"))
        f[FeatureLayout.openMath] = (1 - mc) * max(lex("math"), f[FeatureLayout.algebra], f[FeatureLayout.arith],
                                                   f[FeatureLayout.latex], lex("proof"))
        f[FeatureLayout.openReasoning] = (1 - mc) * max(lex("reasoning"), lex("proof")) * (1 - lex("creative"))
        let hard = max(lex("math"), lex("proof"), lex("reasoning"), lex("code"), f[FeatureLayout.numbers],
                       lex("constraint"), f[FeatureLayout.codeLines])
        f[FeatureLayout.simpleOnly] = lex("simple") * (1 - hard)
        f[FeatureLayout.creativeOnly] = max(lex("creative"), lex("roleplay"))
            * (1 - max(lex("math"), lex("code"), lex("proof"), f[FeatureLayout.codeLines]))
        f[FeatureLayout.explainBasic] = lex("simple") * f[FeatureLayout.shortPrompt] * (1 - f[FeatureLayout.numbers])
            * (1 - f[FeatureLayout.codeLines])
        let contextTokens = unitsTotal * 1.3
        let ctx = contextTokens <= 500 ? 0 : min(1, log(contextTokens / 500) / log(100))
        f[FeatureLayout.ctx] = ctx

        var dims = [Double](repeating: 0, count: FeatureLayout.dimensions.count)
        for (d, weights) in dimensionWeights.enumerated() {
            var sum = 0.0
            for (index, weight) in weights { sum += weight * f[index] }
            dims[d] = min(1, sum)
        }

        for hit in hits {
            let category = FeatureLayout.categories[hit.category]
            guard let dimensionName = FeatureLayout.categoryDimension[category],
                  let d = FeatureLayout.dimensions.firstIndex(of: dimensionName) else { continue }
            let base = dimensionWeights[d].first { $0.0 == FeatureLayout.lexBase + hit.category }?.1 ?? 0.1
            let weight = ((base / Double(max(1, counts[hit.category]))) * 1000).rounded() / 1000
            evidence.append(Evidence(dimension: d, span: hit.start..<hit.end, label: category, weight: weight))
        }
        let contextDimension = FeatureLayout.dimensions.firstIndex(of: "contextLength")!
        if ctx > 0.02 {
            evidence.append(Evidence(dimension: contextDimension, span: nil,
                                     label: "\(Int(contextTokens)) estimated tokens", weight: ctx))
        }
        if shots > 0 {
            evidence.append(Evidence(dimension: contextDimension, span: 0..<fstart,
                                     label: "\(shots) worked examples before the question", weight: 0))
        }
        let vector = Array(f[0..<FeatureLayout.featureNames.count]) + dims
        let gate = mc > 0 || f[FeatureLayout.cloze] > 0 || f[FeatureLayout.fewshot] > 0
        return Result(vector: vector, evidence: evidence, gate: gate, focusStart: fstart, lower: lower)
    }

    // MARK: - Hashed exam vocabulary

    /// The hashed vocabulary of the focus: slot → value, `1/√(distinct tokens)` per token, over
    /// distinct words of two or more scalars and distinct CJK bigrams.
    static func hashed(_ lower: [UInt32], focusStart: Int, size: Int) -> [(slot: Int, value: Double)] {
        let n = lower.count
        var tokens = Set<ArraySlice<UInt32>>()
        for word in tokenize(lower, focusStart, n).words where word.count >= 2 { tokens.insert(lower[word]) }
        var i = focusStart
        while i + 1 < n {
            if ScalarClass.isCJK(lower[i]) && ScalarClass.isCJK(lower[i + 1]) { tokens.insert(lower[i..<(i + 2)]) }
            i += 1
        }
        guard !tokens.isEmpty else { return [] }
        let value = 1 / Double(tokens.count).squareRoot()
        var buffer = [UInt8](repeating: 0, count: 4)
        var slots: [Int: Double] = [:]
        for token in tokens {
            var h: UInt32 = 0x811C_9DC5
            for c in token {
                let length = UTF8Bytes.encode(c, into: &buffer)
                for b in buffer[0..<length] {
                    h ^= UInt32(b)
                    h = h &* 0x0100_0193
                }
            }
            slots[Int(h) % size, default: 0] += value
        }
        return slots.map { (slot: $0.key, value: $0.value) }
    }

    // MARK: - Scanners

    /// `c / (c + k)`, 0 for no count.
    @inline(__always)
    func sat(_ c: Double, _ k: Double) -> Double { c > 0 ? c / (c + k) : 0 }

    /// `log(1 + c) / log(1 + top)`, at most 1.
    @inline(__always)
    func logscale(_ c: Double, _ top: Double) -> Double { min(1, log1p(max(0, c)) / log1p(top)) }

    /// Worked examples: (how many, where the focus starts).
    func splitFewShot(_ lower: [UInt32]) -> (Int, Int) {
        var count = 0, last = 0, pos = 0
        let n = lower.count
        while pos < n {
            if let end = fewShotMatch(lower, at: pos) {
                count += 1
                last = end
                pos = end
            } else {
                pos += 1
            }
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
    static func tokenize(_ lower: [UInt32], _ start: Int, _ end: Int) -> (words: [Range<Int>], cjk: Int) {
        var words: [Range<Int>] = []
        var cjk = 0
        var i = start
        while i < end {
            let c = lower[i]
            if ScalarClass.isWordScalar(c) {
                var j = i + 1
                while j < end {
                    let d = lower[j]
                    if ScalarClass.isWordScalar(d) {
                        j += 1
                    } else if (d == 0x27 || d == 0x2019 || d == 0x2D) && j + 1 < end && ScalarClass.isWordScalar(lower[j + 1]) {
                        j += 2
                    } else {
                        break
                    }
                }
                words.append(i..<j)
                i = j
            } else {
                if ScalarClass.isCJK(c) { cjk += 1 }
                i += 1
            }
        }
        return (words, cjk)
    }

    /// Sentence spans: split after `.!?。！？؟।` or a newline, except a `.` between digits.
    static func sentences(_ lower: [UInt32], _ start: Int, _ end: Int) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var s = start
        func hasContent(_ from: Int, _ to: Int) -> Bool {
            for k in from..<to where !ScalarClass.isSpace(lower[k]) { return true }
            return false
        }
        var i = start
        while i < end {
            let c = lower[i]
            if ScalarClass.endsSentence(c) {
                if c == 0x2E && i > 0 && i < end - 1 && ScalarClass.isDigitLike(lower[i - 1])
                    && ScalarClass.isDigitLike(lower[i + 1]) {
                    i += 1
                    continue
                }
                if i + 1 > s && hasContent(s, i + 1) { spans.append(s..<(i + 1)) }
                s = i + 1
            }
            i += 1
        }
        if s < end && hasContent(s, end) { spans.append(s..<end) }
        return spans
    }

    /// `\d+(?:[.,:]\d+)*` at `i` (not beyond `limit`): the end, or nil.
    @inline(__always)
    static func number(_ a: [UInt32], at i: Int, limit: Int) -> Int? {
        guard i < limit, ScalarClass.isDecimalDigit(a[i]) else { return nil }
        var j = i + 1
        while j < limit && ScalarClass.isDecimalDigit(a[j]) { j += 1 }
        while j + 1 < limit && (a[j] == 0x2E || a[j] == 0x2C || a[j] == 0x3A) && ScalarClass.isDecimalDigit(a[j + 1]) {
            j += 2
            while j < limit && ScalarClass.isDecimalDigit(a[j]) { j += 1 }
        }
        return j
    }

    /// Non-overlapping occurrences of a two-scalar sequence.
    static func countPairs(_ a: [UInt32], _ start: Int, _ end: Int, _ pair: (UInt32, UInt32)) -> Int {
        var count = 0, i = start
        while i + 1 < end {
            if a[i] == pair.0 && a[i + 1] == pair.1 { count += 1; i += 2 } else { i += 1 }
        }
        return count
    }

    /// Line starts of `a[start..<end]` (the first, and after each newline).
    static func lines(_ a: [UInt32], _ start: Int, _ end: Int) -> [Range<Int>] {
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
    static func bulletCount(_ a: [UInt32], _ start: Int, _ end: Int) -> Int {
        var count = 0
        for line in lines(a, start, end) {
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
                if ScalarClass.isDecimalDigit(c) {
                    var k = i + 1
                    if k < e && ScalarClass.isDecimalDigit(a[k]) && k + 1 < e && (a[k + 1] == 0x2E || a[k + 1] == 0x29 || a[k + 1] == 0x3001) {
                        k += 1
                    }
                    if k < e && (a[k] == 0x2E || a[k] == 0x29 || a[k] == 0x3001) { j = k + 1 }
                } else if ScalarClass.isLowerASCII(c) && i + 1 < e && a[i + 1] == 0x29 {
                    j = i + 2
                }
            }
            guard var k = j, k < e, a[k] == 0x20 || a[k] == 0x09 else { continue }
            while k < e && (a[k] == 0x20 || a[k] == 0x09) { k += 1 }
            if k < e && !ScalarClass.isSpace(a[k]) { count += 1 }
        }
        return count
    }

    /// Multiple-choice options: the run of option lines whose labels go a, b, c… (or 1, 2, 3…);
    /// each as the span of its text.
    static func options(_ a: [UInt32], _ start: Int, _ end: Int) -> [Range<Int>] {
        var opts: [(label: UInt32, text: Range<Int>)] = []
        for line in lines(a, start, end) {
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
            guard i < e, [0x29, 0x5D, 0x2E, 0x3A, 0xFF1A].contains(a[i]) else { continue }
            i += 1
            guard i < e, a[i] == 0x20 || a[i] == 0x09 else { continue }
            while i < e && (a[i] == 0x20 || a[i] == 0x09) { i += 1 }
            guard i < e, !ScalarClass.isSpace(a[i]) else { continue }
            let text = i..<e
            let lab = isDigit ? label : ScalarClass.lowercased(label)
            if !isDigit && lab == (opts.last.map { $0.label + 1 } ?? 0x61) {
                opts.append((lab, text))
            } else if isDigit && (opts.isEmpty ? lab == 0x31 : Int(lab - 0x30) == opts.count + 1) {
                opts.append((0x61 + lab - 0x31, text))
            } else if lab == 0x61 || lab == 0x31 {
                opts = [(0x61, text)]
            }
        }
        return opts.map(\.text)
    }

    /// The longest paragraph (split at blank lines) in word units.
    static func longestParagraph(_ a: [UInt32], _ start: Int, _ end: Int) -> Double {
        var longest = 0.0
        func measure(_ s: Int, _ e: Int) {
            var content = false
            for k in s..<e where !ScalarClass.isSpace(a[k]) { content = true; break }
            guard content else { return }
            let (words, cjk) = tokenize(a, s, e)
            longest = max(longest, Double(words.count) + 0.6 * Double(cjk))
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
    static func firstCloze(_ a: [UInt32], _ start: Int, _ end: Int) -> Range<Int>? {
        var i = start
        while i < end {
            if a[i] == 0x5F {
                var j = i
                while j < end && a[j] == 0x5F { j += 1 }
                let before = i == start || !ScalarClass.isRegexWord(a[i - 1])
                let after = j == end || !ScalarClass.isRegexWord(a[j])
                if before && after { return i..<j }
                i = j
            } else {
                i += 1
            }
        }
        return nil
    }

    /// Non-overlapping matches left to right, as a regex `finditer` finds them: `matchAt(i)`
    /// returns the end of a match starting at `i`, or nil; scanning resumes after each match.
    static func matches(_ start: Int, _ end: Int, _ matchAt: (Int) -> Int?) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var i = start
        while i < end {
            if let matchEnd = matchAt(i) {
                found.append(i..<matchEnd)
                i = matchEnd
            } else {
                i += 1
            }
        }
        return found
    }

    /// Algebraic patterns: `x^`, `x =`, `2x`, `f(x)`, `x_1`, `|x|`.
    static func algebra(_ a: [UInt32], _ start: Int, _ end: Int) -> [Range<Int>] {
        func lowerAt(_ k: Int) -> Bool { k < end && ScalarClass.isLowerASCII(a[k]) }
        return matches(start, end) { i in
            let c = a[i]
            let noLetterBefore = i == start || !ScalarClass.isLowerASCII(a[i - 1])
            if ScalarClass.isLowerASCII(c) {
                if noLetterBefore {
                    var j = i + 1
                    while j < end && ScalarClass.isSpace(a[j]) { j += 1 }
                    if j < end && [0x5E, 0xB2, 0xB3, 0x3D, 0x3C, 0x3E, 0x2264, 0x2265].contains(a[j]) { return j + 1 }
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
                    if a[j] == 0x7B && j + 1 < end && ScalarClass.isDecimalDigit(a[j + 1]) { j += 1 }
                    if ScalarClass.isDecimalDigit(a[j]) { return j + 1 }
                }
            } else if ScalarClass.isDecimalDigit(c) {
                if lowerAt(i + 1) && !lowerAt(i + 2) { return i + 2 }
            } else if c == 0x7C {
                if lowerAt(i + 1) && i + 2 < end && a[i + 2] == 0x7C { return i + 3 }
            }
            return nil
        }
    }

    /// `\d\s*[-+*/×÷=^]\s*\d`.
    static func arithmetic(_ a: [UInt32], _ start: Int, _ end: Int) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var i = start
        while i < end {
            if ScalarClass.isDecimalDigit(a[i]) {
                var j = i + 1
                while j < end && ScalarClass.isSpace(a[j]) { j += 1 }
                if j < end && [0x2D, 0x2B, 0x2A, 0x2F, 0xD7, 0xF7, 0x3D, 0x5E].contains(a[j]) {
                    j += 1
                    while j < end && ScalarClass.isSpace(a[j]) { j += 1 }
                    if j < end && ScalarClass.isDecimalDigit(a[j]) {
                        found.append(i..<(j + 1))
                        i = j + 1
                        continue
                    }
                }
            }
            i += 1
        }
        return found
    }

    /// `\\[a-zA-Z]+` or `$…$` (1…80 scalars, one line), on the original text.
    static func latex(_ a: [UInt32], _ start: Int, _ end: Int) -> [Range<Int>] {
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
    /// ending or indentation. Returns the count and the first such line.
    static func codeLines(_ a: [UInt32], _ start: Int, _ end: Int) -> (Int, Range<Int>?) {
        var count = 0
        var first: Range<Int>? = nil
        for line in lines(a, start, end) {
            var s = line.lowerBound, e = line.upperBound
            while s < e && ScalarClass.isSpace(a[s]) { s += 1 }
            while e > s && ScalarClass.isSpace(a[e - 1]) { e -= 1 }
            guard s < e else { continue }
            var symbols = 0
            for k in s..<e where ScalarClass.isCodeScalar(a[k]) { symbols += 1 }
            let last = a[e - 1]
            let indented = (line.count >= 4 && a[line.lowerBound..<(line.lowerBound + 4)].allSatisfy { $0 == 0x20 })
                || (line.count >= 1 && a[line.lowerBound] == 0x09)
            let dense = symbols >= 2 && Double(symbols) / Double(e - s) > 0.04
                && ([0x7B, 0x7D, 0x3B, 0x3A, 0x29].contains(last) || indented)
            if dense || codeStart(a, line) {
                count += 1
                if first == nil { first = line }
            }
        }
        return (count, first)
    }

    private static let codeStarts: [[UInt32]] = ["def ", "class ", "import ", "for ", "while ", "elif ", "else:",
                                                  "#include", "public ", "private ", "const ", "let ", "var ", "fn ",
                                                  "func ", "select ", "insert ", "update ", "print(", "console.", "//",
                                                  "/*", "#!"].map { $0.unicodeScalars.map(\.value) }

    /// `CODE_START_RE` (case-insensitive) at the start of `line`.
    static func codeStart(_ a: [UInt32], _ line: Range<Int>) -> Bool {
        var i = line.lowerBound
        let e = line.upperBound
        while i < e && (a[i] == 0x20 || a[i] == 0x09) { i += 1 }
        func at(_ k: Int, _ word: [UInt32]) -> Bool {
            guard k + word.count <= e else { return false }
            for (m, c) in word.enumerated() {
                let x = a[k + m]
                if x != c && !(ScalarClass.isUpperASCII(x) && x + 0x20 == c) { return false }
            }
            return true
        }
        func boundary(_ k: Int) -> Bool { k >= e || !ScalarClass.isRegexWord(a[k]) }
        for word in codeStarts where at(i, word) { return true }
        if at(i, Array("return".unicodeScalars.map(\.value))) && boundary(i + 6) { return true }
        if at(i, Array("function".unicodeScalars.map(\.value))) && boundary(i + 8) { return true }
        if at(i, [0x69, 0x66]) {
            var j = i + 2
            while j < e && ScalarClass.isSpace(a[j]) { j += 1 }
            if j < e && a[j] == 0x28 { return true }
        }
        if at(i, Array("from ".unicodeScalars.map(\.value))) {
            var j = i + 5
            let wordStart = j
            while j < e && ScalarClass.isRegexWord(a[j]) { j += 1 }
            if j > wordStart && at(j, Array(" import".unicodeScalars.map(\.value))) { return true }
        }
        if i < e && a[i] == 0x40 && i + 1 < e && ScalarClass.isRegexWord(a[i + 1]) { return true }
        return false
    }

    /// `\b[a-z][a-z0-9]*_[a-z0-9_]+\b` or `\b[a-z]+[A-Z][a-zA-Z0-9]+\b` on the original text.
    static func identifiers(_ a: [UInt32], _ start: Int, _ end: Int) -> [Range<Int>] {
        func boundaryAfter(_ k: Int) -> Bool { k >= end || !ScalarClass.isRegexWord(a[k]) }
        func isLowerDigit(_ c: UInt32) -> Bool { ScalarClass.isLowerASCII(c) || (0x30...0x39).contains(c) }
        return matches(start, end) { i in
            guard ScalarClass.isLowerASCII(a[i]), i == start || !ScalarClass.isRegexWord(a[i - 1]) else { return nil }
            var j = i + 1
            while j < end && isLowerDigit(a[j]) { j += 1 }
            if j < end && a[j] == 0x5F {
                var k = j + 1
                while k < end && (isLowerDigit(a[k]) || a[k] == 0x5F) { k += 1 }
                if k > j + 1 && boundaryAfter(k) { return k }
            }
            var k = i + 1
            while k < end && ScalarClass.isLowerASCII(a[k]) { k += 1 }
            if k < end && ScalarClass.isUpperASCII(a[k]) {
                var m = k + 1
                while m < end && ScalarClass.isAlnumASCII(a[m]) { m += 1 }
                if m > k + 1 && boundaryAfter(m) { return m }
            }
            return nil
        }
    }
}
