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
}
