#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the o200k_base and cl100k_base patterns let a text be cut so that counting the two
/// halves separately gives the same pieces, hence the same count, as counting it whole: after a
/// line feed that is followed by a scalar that is neither white space nor `/`.
///
/// Why this is safe, for a cut at `p` with `text[p - 1] == "\n"` and `text[p]` neither `\s` nor `/`
/// (patterns in `O200kStyleScanner` and `Cl100kPreTokenizer`):
///
/// 1. A piece ends at `p` in the whole text. The only sub-patterns that can take a line feed are
///    the symbol alternative's tail (`[\r\n/]*` in o200k, `[\r\n]*+` in cl100k) and the white-space
///    alternatives: the optional prefix of the word alternatives is `[^\r\n\p{L}\p{N}]`, and
///    letters, marks, digits, the symbol body `[^\s\p{L}\p{N}]` and the contraction suffixes never
///    match one. The tail stops at `text[p]` (not CR, LF or `/`). A white-space run holding the
///    line feed ends at `p` (`text[p]` is not `\s`), so it holds a line feed and the first
///    white-space alternative that can match it does: o200k's `\s*[\r\n]+` (tried before
///    `\s+(?!\S)` and `\s+`) backs `\s*` off to the last line feed, `p - 1`, and ends at `p`;
///    cl100k's `\s*[\r\n]` likewise ends at `p` (its `\s++$` fails, as `p` is not the end).
/// 2. The pieces before `p` do not change when the haystack ends at `p`. Every attempt that
///    looks at `text[p]` went through the line feed, so it is one of the two cases above, and
///    both end at `p` either way: the tail and `\s*` stop at the end of the haystack just as at
///    `text[p]`, and where cl100k's `\s++$` now matches, it matches the same run, `[q, p)`, that
///    `\s*[\r\n]` matched before. No pattern has a look-behind, `^` or `\b`, so
/// 3. the pieces from `p` on are those of the text from `p` on.
///
/// What would not be safe: cutting after a space (the space is the optional prefix of the next
/// word, ` world`, and a run of spaces before a word gives `\s+(?!\S)` one scalar less than at
/// the end of a haystack), after a line feed followed by white space (`\n  \n` is one piece)
/// or by `/` (o200k's symbol tail takes it: `!\n/`), inside a word (contractions, o200k's case
/// classes), or inside a special token (the caller cuts only ordinary text between them).
/// Other patterns (Qwen's, DeepSeek's, Tekken's) are not covered by this argument and are
/// never cut; `SplitPointTests` checks cut counts against whole counts on adversarial texts.
enum LineStartSplitRule {
    /// The first position `p` with `from < p < to` where `text[from..<to]` may be cut, or `nil`.
    ///
    /// `to` must lie on a scalar boundary (the end of the text or of an ordinary stretch).
    @inline(__always)
    static func splitPoint(_ text: UnsafePointer<UInt8>, from: Int, to: Int, classes: ScalarClassLookup) -> Int? {
        var position = from
        while position < to {
            guard let found = memchr(text + position, Int32(ASCIIByte.lineFeed), to - position) else { return nil }
            let p = UnsafeRawPointer(found) - UnsafeRawPointer(text) + 1
            if p >= to { return nil }
            if p > from, text[p] != ASCIIByte.slash,
               classes.classify(text, p).flags & ScalarClassTable.whitespace == 0 {
                return p
            }
            position = p
        }
        return nil
    }
}
