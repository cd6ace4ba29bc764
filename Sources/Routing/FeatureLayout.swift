/// The feature vector's layout: names and positions, fixed by the scanners in
/// `FeatureExtractor` (the reference's `features.FEATURE_NAMES` and `DIMENSIONS`). A routing
/// file must list exactly these names in this order.
enum FeatureLayout {
    /// The lexicon categories, in feature order.
    static let categories = ["math", "quantity", "proof", "reasoning", "code", "creative", "roleplay", "writing",
                             "extraction", "simple", "constraint", "stepwise", "law", "medicine", "science", "ethics",
                             "econ"]

    /// The nine dimensions, in feature order (they follow the 52 features).
    static let dimensions = ["reasoning", "multiStep", "math", "code", "constraints", "creativity", "domainKnowledge",
                             "contextLength", "extraction"]

    /// The 51 scanned features.
    static let featureNames: [String] = [
        "len_focus", "len_total", "fewshot", "n_sent", "qmarks", "n_lines", "list_items", "longest_para",
        "mc", "mc_opt_len", "mc_numeric", "cloze", "short_prompt",
        "numbers", "num_sentences", "distinct_numbers", "money_pct", "decimals", "math_sym", "algebra",
        "arith", "latex",
        "code_fence", "code_lines", "code_sym", "identifiers",
    ] + categories.map { "lex_" + $0 } + [
        "wordproblem", "mc_math", "mc_domain", "open_math", "open_reasoning", "simple_only", "creative_only",
        "explain_basic", "writing_only",
    ]

    /// Every model input: the features, then `dim_<dimension>`.
    static let allNames: [String] = featureNames + dimensions.map { "dim_" + $0 }

    /// Which dimension a lexicon category's evidence raises (`simple` raises none).
    static let categoryDimension: [String: String] = [
        "math": "math", "quantity": "multiStep", "proof": "reasoning", "reasoning": "reasoning", "code": "code",
        "creative": "creativity", "roleplay": "creativity", "writing": "creativity", "extraction": "extraction",
        "constraint": "constraints", "stepwise": "multiStep", "law": "domainKnowledge",
        "medicine": "domainKnowledge", "science": "domainKnowledge", "ethics": "domainKnowledge",
        "econ": "domainKnowledge",
    ]

    // Positions in the scanned-feature array (`featureNames`; `ctx` follows them).
    static let lenFocus = 0, lenTotal = 1, fewshot = 2, nSent = 3, qmarks = 4, nLines = 5, listItems = 6
    static let longestPara = 7, mc = 8, mcOptLen = 9, mcNumeric = 10, cloze = 11, shortPrompt = 12
    static let numbers = 13, numSentences = 14, distinctNumbers = 15, moneyPct = 16, decimals = 17
    static let mathSym = 18, algebra = 19, arith = 20, latex = 21
    static let codeFence = 22, codeLines = 23, codeSym = 24, identifiers = 25
    static let lexBase = 26
    static let wordproblem = 43, mcMath = 44, mcDomain = 45, openMath = 46, openReasoning = 47
    static let simpleOnly = 48, creativeOnly = 49, explainBasic = 50, writingOnly = 51
    // Lexicon features by name (`lexBase` + the category's index), for the interactions.
    static let lexMath = 26, lexQuantity = 27, lexProof = 28, lexReasoning = 29, lexCode = 30, lexCreative = 31
    static let lexRoleplay = 32, lexWriting = 33, lexExtraction = 34, lexSimple = 35, lexConstraint = 36, lexLaw = 38, lexMedicine = 39
    static let lexStepwise = 37, lexScience = 40, lexEcon = 42
    /// Index of the `contextLength` dimension.
    static let contextLengthDimension = 7
    /// The context-length measure, an input of `contextLength` only.
    static let ctx = 52
    /// Size of the scanned array (features + `ctx`).
    static let scannedCount = 53

    /// Position of lexicon category `name`'s feature.
    static func lex(_ name: String) -> Int { lexBase + categories.firstIndex(of: name)! }
}
