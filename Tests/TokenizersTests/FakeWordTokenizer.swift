import Synchronization
import Tokenizers

/// A tokenizer that is not in the package: one token per run of non-space bytes together with
/// the spaces after it. Registered through the protocol by the registry tests, to show that a
/// new tokenizer needs nothing but a conforming type and a registration.
struct FakeWordTokenizer: Tokenizer {
    let id: TokenizerID
    var isExact: Bool { true }
    var specialTokenNames: [String] { ["<|fake|>"] }

    func count(_ text: String, allowedSpecial: SpecialTokenPolicy) -> TokenCount {
        .exact(Self.boundaries(text).count, tokenizer: id)
    }

    func encode(_ text: String, allowedSpecial: SpecialTokenPolicy) -> [TokenSpan]? {
        let starts = Self.boundaries(text)
        let ends = starts.dropFirst() + [text.utf8.count]
        return zip(starts, ends).enumerated().map { TokenSpan(id: $0.offset, start: $0.element.0, end: $0.element.1) }
    }

    /// Byte offsets where a token starts: 0, and every non-space byte that follows a space.
    static func boundaries(_ text: String) -> [Int] {
        var starts: [Int] = []
        var previousWasSpace = true
        for (offset, byte) in text.utf8.enumerated() {
            let isSpace = byte == 0x20
            if starts.isEmpty || (previousWasSpace && !isSpace) { starts.append(offset) }
            previousWasSpace = isSpace
        }
        return starts
    }
}

/// How many times a registration's `makeTokenizer` ran (the registry promises once).
final class MakeCounter: Sendable {
    private let calls = Mutex(0)

    /// Records one call.
    func record() { calls.withLock { $0 += 1 } }

    /// Calls so far.
    var count: Int { calls.withLock { $0 } }
}
