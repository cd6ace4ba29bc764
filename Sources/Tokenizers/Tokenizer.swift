/// Something that turns text into a token count: an exact encoding (`BPEEncoding`), the
/// vocabulary-free estimator, or any future family (SentencePiece, a public encoding scaled by
/// per-script factors).
///
/// The one shape every tokenizer has, so the registry, the count service and the advisor treat
/// them as peers and adding one never means editing a `switch` over names elsewhere: write a
/// type that conforms, and register it in `TokenizerRegistration.builtIn`. Implementations are
/// immutable after creation and safe to share between threads. Calls go through the protocol
/// once per text, never per token, so an implementation keeps its own hot loop specialised.
public protocol Tokenizer: Sendable {
    /// The name this tokenizer answers to (and reports in every `TokenCount`).
    var id: TokenizerID { get }

    /// Whether `count` is the model's real token count (and `encode` gives its tokens); `false`
    /// for estimators, whose counts carry a range.
    var isExact: Bool { get }

    /// The special tokens (`<|endoftext|>` …) `allowedSpecial` may name; empty when the
    /// tokenizer has none it can recognise.
    var specialTokenNames: [String] { get }

    /// Counts `text`: exact when `isExact`, otherwise an estimate with its range and a note.
    ///
    /// With `.none`, special-token text counts as ordinary text (what a provider bills for a
    /// prompt that merely contains it); tokenizers without special tokens ignore the policy.
    func count(_ text: String, allowedSpecial: SpecialTokenPolicy) -> TokenCount

    /// Counts `text` as `count(_:allowedSpecial:)` does, a large text on up to `threads`
    /// threads where the tokenizer can split it without changing the count (the command line
    /// counting a big file); the default counts on one thread.
    func count(_ text: String, allowedSpecial: SpecialTokenPolicy, threads: Int) -> TokenCount

    /// The tokens of `text` with their UTF-8 byte ranges (tiling the text), or `nil` when this
    /// tokenizer cannot say where tokens fall (estimators).
    func encode(_ text: String, allowedSpecial: SpecialTokenPolicy) -> [TokenSpan]?
}

extension Tokenizer {
    /// One thread: tokenizers that cannot split a text keep their single-threaded count.
    public func count(_ text: String, allowedSpecial: SpecialTokenPolicy, threads: Int) -> TokenCount {
        count(text, allowedSpecial: allowedSpecial)
    }

    /// Counts `text` as ordinary text (no special tokens), as prices are computed.
    public func count(_ text: String) -> TokenCount {
        count(text, allowedSpecial: .none)
    }
}
