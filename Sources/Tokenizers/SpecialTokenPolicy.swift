/// Which special tokens (`<|endoftext|>` and the like) count as one token each.
///
/// By default (`.none`) special-token text is ordinary text, as tiktoken's `encode_ordinary`
/// treats it: a prompt that merely mentions `<|endoftext|>` is charged for its characters, which
/// is what a provider bills. Callers that build raw prompts with real special tokens opt in.
public enum SpecialTokenPolicy: Sendable, Equatable {
    /// No special tokens: their text is encoded like any other text.
    case none
    /// Every special token of the encoding is recognised.
    case all
    /// Only the named special tokens are recognised; other names in the set are ignored.
    case only(Set<String>)
}
