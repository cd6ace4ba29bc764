import Foundation
import Testing
import Tokenizers

/// Families estimated from a public encoding: the count is the basis count times the script's
/// factor, never exact, with its range and basis; the generated table matches the JSON with its
/// sources; the Llama 3 bound holds on the committed measurement.
@Suite struct FamilyFactorEstimatorTests {
    let registry = TestEnvironment.registry

    func table(_ id: TokenizerID) throws -> FamilyFactorTable {
        try #require(FamilyFactorTable.builtIn.first { $0.id == id })
    }

    @Test func claudeIsO200kTimesTheLatinFactor() throws {
        let text = "The quick brown fox jumps over the lazy dog, twice, before breakfast."
        let base = registry.tokenizer(for: .o200kBase).count(text).tokens
        let latin = try table("claude").factor(for: .latin)
        let count = registry.tokenizer(for: "claude").count(text)
        #expect(!count.isExact)
        #expect(count.tokens == Int((Double(base) * latin.factor).rounded()))
        #expect(count.range == Int((Double(base) * latin.low).rounded(.down))...Int((Double(base) * latin.high).rounded(.up)))
        let basis = try #require(count.basis)
        #expect(basis.encoding == .o200kBase && basis.encodingTokens == base)
        #expect(abs(basis.factor - latin.factor) < 0.02)
        #expect(basis.source == "models/calibration/family-factors.json: claude")
        #expect(count.note?.contains("o200k_base") == true)
    }

    @Test func eachScriptRunTakesItsOwnFactor() throws {
        let latin = "Please translate the following sentence into Japanese for me. "
        let japanese = "これは日本語の文章です。"
        let claude = try table("claude")
        let latinBase = registry.tokenizer(for: .o200kBase).count(latin).tokens
        let kanaBase = registry.tokenizer(for: .o200kBase).count(japanese).tokens
        let runs = FamilyFactorEstimator.basisRuns(of: latin + japanese, in: registry.tokenizer(for: .o200kBase))
        #expect(runs.count >= 2)
        let count = registry.tokenizer(for: "claude").count(latin + japanese)
        let basis = try #require(count.basis)
        #expect(basis.encodingTokens == runs.map(\.count.tokens).reduce(0, +))
        // Between the two scripts' factors, weighted by their counts.
        let low = min(claude.factor(for: .latin).factor, claude.factor(for: .hiragana).factor, claude.factor(for: .han).factor)
        let high = max(claude.factor(for: .latin).factor, claude.factor(for: .hiragana).factor, claude.factor(for: .han).factor)
        #expect(basis.factor >= low - 0.01 && basis.factor <= high + 0.01)
        #expect(abs(basis.encodingTokens! - (latinBase + kanaBase)) <= 2)
    }

    @Test func unsourcedGenerationsCountInTheClosestVocabulary() throws {
        let text = "Le renard brun saute par-dessus le chien paresseux."
        let tekken = registry.tokenizer(for: .tekken).count(text)
        let mistral = registry.tokenizer(for: "mistral").count(text)
        #expect(tekken.isExact && !mistral.isExact)
        #expect(mistral.tokens == tekken.tokens)  // factor 1: the closest public vocabulary
        let range = try #require(mistral.range)
        #expect(range.lowerBound < tekken.tokens && range.upperBound > tekken.tokens)
        #expect(mistral.basis?.encoding == .tekken)
        #expect(registry.tokenizer(for: "qwen").count(text).basis?.encoding == .qwen35)
        #expect(registry.tokenizer(for: "deepseek").count(text).basis?.encoding == .deepSeekV4)
    }

    @Test func llamaThreeIsBoundedByItsCl100kPrefix() throws {
        // The point estimate is cl100k_base's count (the bound), the high end covers the bound's
        // excess over cl100k_base, the low end allows for Llama 3's 28,000 extra tokens.
        let text = "Llama 3 shares cl100k_base's first 100,000 tokens, and its pre-tokenizer too."
        let cl100k = registry.tokenizer(for: .cl100kBase).count(text).tokens
        let llama = registry.tokenizer(for: "llama").count(text)
        #expect(llama.tokens == cl100k)
        #expect(llama.high >= cl100k && llama.low < cl100k)
        #expect(llama.basis?.encoding == .cl100kBase)
        // The committed measurement: the bound (ranks < 100,000 only) is never below cl100k_base,
        // and each script's high factor covers its largest excess.
        let llamaTable = try table("llama")
        let tsv = try String(contentsOfFile: TestEnvironment.repositoryRoot + "/models/calibration/llama3-bound-flores-dev.tsv",
                             encoding: .utf8)
        var rows = 0
        for line in tsv.split(separator: "\n").dropFirst() where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t")
            let (language, full, bound) = (String(fields[0]), Double(fields[1])!, Double(fields[2])!)
            #expect(bound >= full, "\(language)")
            let script = Self.floresScripts[String(language.split(separator: "_")[1])] ?? []
            for name in script {
                let factor = llamaTable.factor(for: try #require(UnicodeScript(rawValue: name)))
                #expect(factor.high >= bound / full, "\(language)")
            }
            rows += 1
        }
        #expect(rows == 204)
    }

    /// FLORES-200 script codes → `UnicodeScript` names (as scripts/fit-family-factors.py maps them).
    static let floresScripts: [String: [String]] = [
        "Arab": ["Arabic"], "Armn": ["Armenian"], "Beng": ["Bengali"], "Cyrl": ["Cyrillic"], "Deva": ["Devanagari"],
        "Ethi": ["Ethiopic"], "Geor": ["Georgian"], "Grek": ["Greek"], "Gujr": ["Gujarati"], "Guru": ["Gurmukhi"],
        "Hang": ["Hangul"], "Hans": ["Han"], "Hant": ["Han"], "Hebr": ["Hebrew"], "Jpan": ["Hiragana", "Katakana"],
        "Khmr": ["Khmer"], "Knda": ["Kannada"], "Laoo": ["Lao"], "Latn": ["Latin"], "Mlym": ["Malayalam"],
        "Mymr": ["Myanmar"], "Olck": ["OlChiki"], "Orya": ["Oriya"], "Sinh": ["Sinhala"], "Taml": ["Tamil"],
        "Telu": ["Telugu"], "Tfng": ["Tifinagh"], "Thai": ["Thai"], "Tibt": ["Tibetan"],
    ]

    @Test func factorsAreOrderedAndBasesAreExactEncodings() {
        let exact = Set(TokenizerRegistration.builtIn.filter(\.isExact).map(\.id))
        for table in FamilyFactorTable.builtIn {
            #expect(exact.contains(table.basis), "\(table.id)")
            for factor in [table.defaultFactor] + Array(table.byScript.values) {
                #expect(factor.low <= factor.factor && factor.factor <= factor.high && factor.low > 0, "\(table.id)")
            }
        }
    }

    /// models/calibration/family-factors.json is the record (with sources); the Swift table is
    /// generated from the same run: they must agree, and every family must cite a source.
    @Test func generatedTableMatchesTheSourcedJSON() throws {
        struct Factor: Decodable { let factor: Double, low: Double, high: Double }
        struct Source: Decodable { let title: String, url: String?, date: String, what: String }
        struct Family: Decodable {
            let tokenizer: String, models: String, basis: String, measured: String
            let `default`: Factor
            let byScript: [String: Factor]
            let sources: [Source]
        }
        struct Document: Decodable { let families: [Family] }
        let data = try Data(contentsOf: URL(fileURLWithPath: TestEnvironment.repositoryRoot + "/models/calibration/family-factors.json"))
        let document = try JSONDecoder().decode(Document.self, from: data)
        #expect(document.families.map(\.tokenizer) == FamilyFactorTable.builtIn.map(\.id.name))
        for (family, table) in zip(document.families, FamilyFactorTable.builtIn) {
            #expect(family.basis == table.basis.name && family.models == table.models)
            #expect(FamilyFactor(family.default.factor, low: family.default.low, high: family.default.high) == table.defaultFactor)
            #expect(family.byScript.count == table.byScript.count, "\(family.tokenizer)")
            for (name, factor) in family.byScript {
                let script = try #require(UnicodeScript(rawValue: name))
                #expect(table.byScript[script] == FamilyFactor(factor.factor, low: factor.low, high: factor.high), "\(family.tokenizer) \(name)")
            }
            #expect(!family.sources.isEmpty && family.sources.allSatisfy { !$0.what.isEmpty }, "\(family.tokenizer)")
            #expect(!family.measured.isEmpty)
        }
    }
}
