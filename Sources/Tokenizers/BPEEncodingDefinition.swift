/// Everything that makes one byte-pair encoding what it is, apart from its vocabulary: its
/// name, its vocabulary file, its special tokens, its pre-tokenizer and the calibration its
/// vocabulary-free fallback uses.
///
/// A value rather than an enum with a `switch` per property, so another BPE encoding (another
/// pre-tokenizer, other special tokens) is one more definition plus its `PreTokenizer` type,
/// registered with `TokenizerRegistration.bpe(_:)`; `BPEEncoding` itself does not change.
public struct BPEEncodingDefinition: Sendable {
    /// The name callers use (and the vocabulary file's stem).
    public let id: TokenizerID
    /// The vocabulary file in `models/vocab/` (tiktoken's `<base64> <rank>` format), verified
    /// against `SHA256SUMS` when loaded.
    public let vocabularyFileName: String
    /// The special tokens and their ids. They are not in the vocabulary file, so they are part
    /// of the definition, as in tiktoken.
    public let specialTokens: [(name: String, id: Int)]
    /// The vocabulary-free estimator's calibration used when the vocabulary cannot be loaded.
    public let estimatorCalibration: EstimatorCalibration
    /// Splits text into pieces exactly as the encoding's regular expression does.
    let preTokenizer: any PreTokenizer

    /// Defines an encoding; the pre-tokenizer is internal to this module, so new encodings are
    /// defined here.
    init(id: TokenizerID, specialTokens: [(name: String, id: Int)], estimatorCalibration: EstimatorCalibration,
         preTokenizer: any PreTokenizer) {
        self.id = id
        self.vocabularyFileName = id.name + ".tiktoken"
        self.specialTokens = specialTokens
        self.estimatorCalibration = estimatorCalibration
        self.preTokenizer = preTokenizer
    }

    /// GPT-4o, GPT-4.1, GPT-5 and the o-series models; special tokens as in tiktoken 0.14.
    public static let o200kBase = BPEEncodingDefinition(
        id: .o200kBase, specialTokens: [("<|endoftext|>", 199_999), ("<|endofprompt|>", 200_018)],
        estimatorCalibration: .o200kBase, preTokenizer: O200kPreTokenizer())

    /// GPT-4 and GPT-3.5-turbo; special tokens as in tiktoken 0.14.
    public static let cl100kBase = BPEEncodingDefinition(
        id: .cl100kBase,
        specialTokens: [
            ("<|endoftext|>", 100_257), ("<|fim_prefix|>", 100_258), ("<|fim_middle|>", 100_259),
            ("<|fim_suffix|>", 100_260), ("<|endofprompt|>", 100_276),
        ],
        estimatorCalibration: .cl100kBase, preTokenizer: Cl100kPreTokenizer())
}
