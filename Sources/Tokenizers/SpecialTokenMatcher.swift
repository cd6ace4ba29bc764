#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the tokens a text is cut at before pre-tokenizing: the special tokens a count allows,
/// plus the added tokens an encoding always recognises (DeepSeek V4's `<think>`, `<｜User｜>`…).
///
/// Each match is one token and ends the haystack before it, as in tiktoken (and Hugging Face's
/// added vocabulary). The leftmost match wins. No token may be a prefix of another (checked
/// when built), so at most one matches at a position: the greatest token, in byte order, not
/// above the text there, found by binary search. Candidates are found with `memchr` on the
/// tokens' first bytes, so text without them costs one pass per distinct first byte.
struct SpecialTokenMatcher: Sendable {
    /// The tokens, sorted by their bytes.
    let tokens: [BPEEncoding.SpecialToken]
    /// The distinct first bytes of the tokens.
    let firstBytes: [UInt8]

    /// Matches `tokens`; traps if one is a prefix of another (the definitions are constants,
    /// and a subset of them keeps the property).
    init(_ tokens: [BPEEncoding.SpecialToken]) {
        let sorted = tokens.sorted { $0.bytes.lexicographicallyPrecedes($1.bytes) }
        for (a, b) in zip(sorted, sorted.dropFirst()) {
            precondition(!b.bytes.starts(with: a.bytes), "special token \(a.name) is a prefix of \(b.name)")
        }
        self.tokens = sorted
        var seen = Set<UInt8>()
        firstBytes = sorted.compactMap { seen.insert($0.bytes[0]).inserted ? $0.bytes[0] : nil }
    }

    /// Whether nothing is matched (the text is one haystack).
    var isEmpty: Bool { tokens.isEmpty }

    /// The first occurrence at or after `from` of any token ending by `end`, or `(end, nil)`.
    func next(_ base: UnsafePointer<UInt8>, from: Int, to end: Int) -> (Int, BPEEncoding.SpecialToken?) {
        if tokens.isEmpty { return (end, nil) }
        var position = from
        while position < end {
            var candidate = end
            for byte in firstBytes {
                if let found = memchr(base + position, Int32(byte), candidate - position) {
                    candidate = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                }
            }
            if candidate == end { break }
            if let token = match(base, at: candidate, end: end) { return (candidate, token) }
            position = candidate + 1
        }
        return (end, nil)
    }

    /// The token the text starts with at `at`, if any.
    private func match(_ base: UnsafePointer<UInt8>, at: Int, end: Int) -> BPEEncoding.SpecialToken? {
        let available = end - at
        // Binary search for the last token not greater than the text at `at`.
        var low = 0, high = tokens.count
        while low < high {
            let middle = (low + high) / 2
            if compare(tokens[middle].bytes, base + at, available) <= 0 { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return nil }
        let token = tokens[low - 1]
        guard token.bytes.count <= available,
              token.bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress!, base + at, $0.count) == 0 })
        else { return nil }
        return token
    }

    /// `token` against the `available` bytes at `text`, in byte order (a prefix sorts first).
    private func compare(_ token: [UInt8], _ text: UnsafePointer<UInt8>, _ available: Int) -> Int {
        let common = min(token.count, available)
        let c = token.withUnsafeBufferPointer { memcmp($0.baseAddress!, text, common) }
        if c != 0 { return Int(c) }
        return token.count <= available ? (token.count == available ? 0 : -1) : 1
    }
}
