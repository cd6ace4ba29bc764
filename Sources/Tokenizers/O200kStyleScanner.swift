/// The scanner of the o200k_base pre-tokenizer, equivalent to tiktoken's pattern
///
///     [^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?
///    |[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?
///    |\p{N}{1,3}
///    | ?[^\s\p{L}\p{N}]+[\r\n/]*
///    |\s*[\r\n]+
///    |\s+(?!\S)
///    |\s+
///
/// with backtracking (leftmost-first) semantics. Each alternative is resolved in closed form
/// instead of by backtracking: see the comments on the word and whitespace cases.
///
/// Mistral's Tekken v3 pattern is the same without the contraction suffixes and with `\p{N}`
/// for numbers (single digits): `Variant` says which (see `O200kPatternVariant`). The
/// `PreTokenizer`s are the non-generic `O200kPreTokenizer` and `TekkenPreTokenizer`, which wrap
/// this: a generic type's conformance would be reached through an unspecialised witness, and
/// the variant's constants would then be looked up on every scalar.
struct O200kStyleScanner<Variant: O200kPatternVariant>: Sendable {
    let classes: ScalarClassLookup

    init(classes: ScalarClassLookup = ScalarClassTable.shared.lookup) { self.classes = classes }

    private static var letter: UInt8 { ScalarClassTable.letter }
    private static var number: UInt8 { ScalarClassTable.number }
    private static var whitespace: UInt8 { ScalarClassTable.whitespace }
    private static var upper: UInt8 { ScalarClassTable.upperClass }
    private static var lower: UInt8 { ScalarClassTable.lowerClass }

    @inline(__always)
    func pieceEnd(_ text: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        let (flags, length) = classes.classify(text, start)
        let byte = text[start]
        // [^\r\n\p{L}\p{N}]: the optional one-scalar prefix of the word alternatives.
        let isPrefix = flags & (Self.letter | Self.number) == 0
            && byte != ASCIIByte.lineFeed && byte != ASCIIByte.carriageReturn
        let isWordScalar = flags & (Self.upper | Self.lower) != 0
        if isPrefix || isWordScalar {
            // Alternative 1 is tried with the prefix taken, then without; then alternative 2 likewise.
            if isPrefix, start + length < end {
                let e = casedWordEnd(text, from: start + length, to: end)
                if e >= 0 { return e }
            }
            if isWordScalar {
                let e = casedWordEnd(text, from: start, to: end)
                if e >= 0 { return e }
            }
            if isPrefix, start + length < end {
                let e = upperWordEnd(text, from: start + length, to: end)
                if e >= 0 { return e }
            }
            if flags & Self.upper != 0 {
                let e = upperWordEnd(text, from: start, to: end)
                if e >= 0 { return e }
            }
        }
        // \p{N}{1,3} (\p{N} in Tekken)
        if flags & Self.number != 0 {
            var position = start + length
            var taken = 1
            while taken < Variant.maxDigits, position < end {
                let (f, l) = classes.classify(text, position)
                if f & Self.number == 0 { break }
                position += l
                taken += 1
            }
            return position
        }
        // ` ?[^\s\p{L}\p{N}]+[\r\n/]*`
        let symbolMask = Self.letter | Self.number | Self.whitespace
        var symbolStart = -1
        if byte == ASCIIByte.space, start + 1 < end, classes.classify(text, start + 1).flags & symbolMask == 0 {
            symbolStart = start + 1
        } else if flags & symbolMask == 0 {
            symbolStart = start
        }
        if symbolStart >= 0 {
            var position = symbolStart
            while position < end {
                let (f, l) = classes.classify(text, position)
                if f & symbolMask != 0 { break }
                position += l
            }
            while position < end {
                let b = text[position]
                if b != ASCIIByte.carriageReturn && b != ASCIIByte.lineFeed && b != ASCIIByte.slash { break }
                position += 1
            }
            return position
        }
        // Only white space is left. Over the maximal run [start, runEnd):
        // `\s*[\r\n]+` backs `\s*` off to the last CR/LF in the run, which ends the piece;
        // otherwise `\s+(?!\S)` takes the whole run at the end of the haystack, else the run
        // minus its last scalar when that leaves at least one; otherwise `\s+` takes the run.
        var position = start
        var lastNewline = -1
        var lastScalarStart = start
        var scalars = 0
        while position < end {
            let (f, l) = classes.classify(text, position)
            if f & Self.whitespace == 0 { break }
            let b = text[position]
            if b == ASCIIByte.lineFeed || b == ASCIIByte.carriageReturn { lastNewline = position }
            lastScalarStart = position
            position += l
            scalars += 1
        }
        if lastNewline >= 0 { return lastNewline + 1 }
        if position == end || scalars < 2 { return max(position, start + length) }
        return lastScalarStart
    }

    /// Alternative 1 from `from` (after the optional prefix): `UC* LC+ contraction?`, where
    /// UC = [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}] and LC = [\p{Ll}\p{Lm}\p{Lo}\p{M}]. Returns -1 if it
    /// does not match.
    ///
    /// `UC*` first takes the whole run of UC scalars. If a pure-lower scalar (Ll) follows, `LC+`
    /// runs from there. Otherwise backtracking gives scalars back until `LC+` can start, i.e.
    /// at the last scalar of the run that is also in LC (Lm, Lo, M); `LC+` then takes just that
    /// scalar, since everything after it in the run is pure upper case.
    @inline(__always)
    private func casedWordEnd(_ text: UnsafePointer<UInt8>, from: Int, to end: Int) -> Int {
        var position = from
        var lastLowerEnd = -1
        while position < end {
            let (f, l) = classes.classify(text, position)
            if f & Self.upper != 0 {
                position += l
                if f & Self.lower != 0 { lastLowerEnd = position }
                continue
            }
            if f & Self.lower != 0 {
                position += l
                while position < end {
                    let (f2, l2) = classes.classify(text, position)
                    if f2 & Self.lower == 0 { break }
                    position += l2
                }
                return contractionEnd(text, at: position, limit: end)
            }
            break
        }
        if lastLowerEnd < 0 { return -1 }
        return contractionEnd(text, at: lastLowerEnd, limit: end)
    }

    /// Alternative 2 from `from`: `UC+ LC* contraction?`. Returns -1 if it does not match.
    @inline(__always)
    private func upperWordEnd(_ text: UnsafePointer<UInt8>, from: Int, to end: Int) -> Int {
        var position = from
        while position < end {
            let (f, l) = classes.classify(text, position)
            if f & Self.upper == 0 { break }
            position += l
        }
        if position == from { return -1 }
        while position < end {
            let (f, l) = classes.classify(text, position)
            if f & Self.lower == 0 { break }
            position += l
        }
        return contractionEnd(text, at: position, limit: end)
    }

    /// The end of an optional contraction suffix at `offset` (none in Tekken).
    @inline(__always)
    private func contractionEnd(_ text: UnsafePointer<UInt8>, at offset: Int, limit: Int) -> Int {
        Variant.matchesContractions ? ContractionMatcher.end(text, at: offset, limit: limit) : offset
    }
}
