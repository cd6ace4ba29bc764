/// The cl100k_base pre-tokenizer: a scanner equivalent to tiktoken's pattern
///
///     '(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}+| ?[^\s\p{L}\p{N}]++[\r\n]*+
///    |\s++$|\s*[\r\n]|\s+(?!\S)|\s
///
/// with leftmost-first semantics. The possessive quantifiers matter: a prefix scalar is never
/// given back, so `!x` is one piece but `!1` is not a word at all. Marks (`\p{M}`) are not
/// letters here, so they are symbols, unlike in o200k.
struct Cl100kPreTokenizer: PreTokenizer {
    let classes: ScalarClassLookup

    init(classes: ScalarClassLookup = ScalarClassTable.shared.lookup) { self.classes = classes }

    private static let letter = ScalarClassTable.letter
    private static let number = ScalarClassTable.number
    private static let whitespace = ScalarClassTable.whitespace

    /// After a line feed followed by neither white space nor `/` (see `LineStartSplitRule`).
    func splitPoint(_ text: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int? {
        LineStartSplitRule.splitPoint(text, from: start, to: end, classes: classes)
    }

    @inline(__always)
    func pieceEnd(_ text: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        let byte = text[start]
        // '(?i:[sdmt]|ll|ve|re)
        if byte == ASCIIByte.apostrophe {
            let e = ContractionMatcher.end(text, at: start, limit: end)
            if e != start { return e }
        }
        let (flags, length) = classes.classify(text, start)
        // [^\r\n\p{L}\p{N}]?+\p{L}++
        var letterStart = -1
        if flags & Self.letter != 0 {
            letterStart = start
        } else if flags & Self.number == 0, byte != ASCIIByte.lineFeed, byte != ASCIIByte.carriageReturn,
                  start + length < end, classes.classify(text, start + length).flags & Self.letter != 0 {
            letterStart = start + length
        }
        if letterStart >= 0 {
            var position = letterStart
            while position < end {
                let (f, l) = classes.classify(text, position)
                if f & Self.letter == 0 { break }
                position += l
            }
            return position
        }
        // \p{N}{1,3}+
        if flags & Self.number != 0 {
            var position = start + length
            var taken = 1
            while taken < 3, position < end {
                let (f, l) = classes.classify(text, position)
                if f & Self.number == 0 { break }
                position += l
                taken += 1
            }
            return position
        }
        // ` ?[^\s\p{L}\p{N}]++[\r\n]*+`
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
                if b != ASCIIByte.carriageReturn && b != ASCIIByte.lineFeed { break }
                position += 1
            }
            return position
        }
        // White space. Over the maximal run [start, runEnd): `\s++$` takes it all at the end of
        // the haystack; `\s*[\r\n]` ends after the run's last CR/LF; `\s+(?!\S)` takes the run
        // minus its last scalar when that leaves at least one; `\s` takes one scalar.
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
        if position == end { return max(position, start + length) }
        if lastNewline >= 0 { return lastNewline + 1 }
        if scalars < 2 { return max(position, start + length) }
        return lastScalarStart
    }
}
