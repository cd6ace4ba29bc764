/// What an encoding does to the text before splitting it.
///
/// Part of `BPEEncodingDefinition` because counts are counts of the normalised text: Qwen's
/// reference normalises to NFC first, so a decomposed `é` (`e` + U+0301) costs what `é` costs.
public enum TextNormalization: Sendable, Equatable {
    /// The text is split as given (OpenAI's encodings, DeepSeek V4, Tekken).
    case none
    /// Unicode normalisation form C, as Python's `unicodedata.normalize("NFC", …)` (Qwen).
    case nfc
}
