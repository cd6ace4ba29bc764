/// One entry of a `TokenizerRegistry`: a tokenizer's name, what is known about it without
/// loading it, and how to make it.
///
/// The registry knows tokenizers only through these, so a new tokenizer — an exact encoding,
/// an estimated family — is one value added to `TokenizerRegistration.builtIn` (or passed to a
/// registry of one's own, as tests do with a fake). Nothing else switches over names.
public struct TokenizerRegistration: Sendable {
    /// The name the tokenizer answers to.
    public let id: TokenizerID
    /// Whether a successfully made tokenizer counts exactly (`initialize` reports it `exact`
    /// while its vocabulary files are present and have not failed to load).
    public let isExact: Bool
    /// Whether `initialize` lists it and `tokenizer` parameters (and `preflight count
    /// --tokenizer`) accept its name; unlisted ones are still used for catalog models that
    /// name them.
    public let isAdvertised: Bool
    /// The special tokens `allowedSpecial` may name, known without loading the vocabulary.
    public let specialTokenNames: [String]
    /// Files in the vocabulary directory it needs; their presence is what `initialize` checks
    /// (without loading them). Empty when it needs none.
    public let vocabularyFiles: [String]
    /// The calibration of the vocabulary-free estimate that stands in for it when it cannot be
    /// made, or when an estimate is asked for.
    public let estimatorCalibration: EstimatorCalibration
    /// Makes the tokenizer; called once per registry (more only when threads race for its
    /// first use, and then the first result is kept). It may ask the
    /// registry for the vocabulary directory or for other tokenizers (a family counted in a
    /// public encoding), and throws a `VocabularyError` naming the file at fault.
    public let makeTokenizer: @Sendable (TokenizerRegistry) throws(VocabularyError) -> any Tokenizer
    /// For a family estimated from a public encoding: its factors and basis (`initialize` lists
    /// them with the family); `nil` for everything else.
    public let familyFactors: FamilyFactorTable?

    /// Creates a registration; see the properties for what each argument means.
    public init(id: TokenizerID, isExact: Bool, isAdvertised: Bool, specialTokenNames: [String] = [],
                vocabularyFiles: [String] = [], estimatorCalibration: EstimatorCalibration = .o200kBase,
                familyFactors: FamilyFactorTable? = nil,
                makeTokenizer: @escaping @Sendable (TokenizerRegistry) throws(VocabularyError) -> any Tokenizer) {
        self.familyFactors = familyFactors
        self.id = id
        self.isExact = isExact
        self.isAdvertised = isAdvertised
        self.specialTokenNames = specialTokenNames
        self.vocabularyFiles = vocabularyFiles
        self.estimatorCalibration = estimatorCalibration
        self.makeTokenizer = makeTokenizer
    }

    /// An exact byte-pair encoding loaded from its `.tiktoken` file in the vocabulary
    /// directory (once per process and file: `LoadedEncodingCache`), advertised to clients.
    public static func bpe(_ definition: BPEEncodingDefinition) -> TokenizerRegistration {
        TokenizerRegistration(
            id: definition.id, isExact: true, isAdvertised: true,
            specialTokenNames: definition.specialTokens.map(\.name),
            vocabularyFiles: [definition.vocabularyFileName],
            estimatorCalibration: definition.estimatorCalibration
        ) { registry throws(VocabularyError) in
            try LoadedEncodingCache.encoding(definition, directory: try registry.vocabularyDirectory(for: definition.vocabularyFileName))
        }
    }

    /// A family without a usable public vocabulary, advertised and never exact: an exact count in
    /// `table.basis` (loaded through the same registry, so it is shared) times the family's
    /// per-script factors. When the basis cannot be loaded, its vocabulary-free estimate stands in.
    public static func family(_ table: FamilyFactorTable) -> TokenizerRegistration {
        TokenizerRegistration(id: table.id, isExact: false, isAdvertised: true, familyFactors: table) { registry in
            FamilyFactorEstimator(table: table, basisTokenizer: registry.tokenizer(for: table.basis))
        }
    }
}
