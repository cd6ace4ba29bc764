/// Splits text into the pieces that byte-pair encoding then works on, exactly as one of
/// tiktoken's regular expressions would (`regex.find_iter` over the text).
///
/// Implemented as hand-written scanners over UTF-8 rather than Swift `Regex`: the patterns need
/// scalar (not grapheme) semantics, and a scanner runs at hundreds of MB/s where `Regex` managed
/// about 2 MB/s. Every position of the text starts some alternative of both patterns, so the
/// pieces tile the text with no gaps.
protocol PreTokenizer: Sendable {
    /// Returns the end (exclusive byte offset) of the piece that starts at `start`.
    ///
    /// `text[start..<end]` must be valid UTF-8 and `start < end`; `end` is where the haystack
    /// ends for the regex (its `$` and `(?!\S)` see the end there), which is either the end of
    /// the text or the start of an allowed special token.
    func pieceEnd(_ text: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int

    /// The first position `p` with `start < p < end` where `text[start..<end]` may be cut so
    /// that its two halves, pre-tokenized as separate haystacks, give exactly the pieces of the
    /// whole, or `nil` when there is none (or the pattern has not been analysed for cutting:
    /// the default). Large texts are counted on several threads in stretches cut here.
    func splitPoint(_ text: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int?

    /// Counts `length` bytes at `base` with `encoding`, pre-tokenized by this scanner.
    ///
    /// A requirement (implemented once, below) rather than a plain generic call so that
    /// `BPEEncoding`, which holds its scanner as `any PreTokenizer`, pays one dynamic dispatch
    /// per text and then runs a loop specialised for the concrete scanner — never a dispatch
    /// per piece.
    func countTokens(_ encoding: BPEEncoding, _ base: UnsafePointer<UInt8>, _ length: Int,
                     specials: SpecialTokenMatcher, threads: Int) -> Int

    /// Encodes `length` bytes at `base` with `encoding`; specialised like `countTokens`.
    func encodeTokens(_ encoding: BPEEncoding, _ base: UnsafePointer<UInt8>, _ length: Int,
                      specials: SpecialTokenMatcher) -> [TokenSpan]
}

extension PreTokenizer {
    func splitPoint(_ text: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int? { nil }

    func countTokens(_ encoding: BPEEncoding, _ base: UnsafePointer<UInt8>, _ length: Int,
                     specials: SpecialTokenMatcher, threads: Int) -> Int {
        // The parallel path is its own function so that the single-threaded loop compiles (and
        // inlines its merging) exactly as it did before there was one.
        if threads > 1 && length >= BPEEncoding.parallelMinimumLength,
           let total = encoding.countInParallel(base, length, specials: specials, self, threads: threads) {
            return total
        }
        return encoding.count(base, length, specials: specials, self)
    }

    func encodeTokens(_ encoding: BPEEncoding, _ base: UnsafePointer<UInt8>, _ length: Int,
                      specials: SpecialTokenMatcher) -> [TokenSpan] {
        encoding.encode(base, length, specials: specials, self)
    }
}
