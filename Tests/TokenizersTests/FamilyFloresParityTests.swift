import Foundation
import Testing
import Tokenizers

/// Every line of every FLORES-200 dev file in qwen2, qwen3.5, deepseek-v4 and tekken, against
/// the official libraries' counts in `../shared/corpora/flores200-dev-family-counts.tsv`
/// (made by `../shared/tools/family-reference --flores`; 203,388 lines × 4).
///
/// Needs `../shared` (skipped, saying so, in a fresh clone).
@Suite("FLORES-200 parity with the families' libraries")
struct FamilyFloresParityTests {
    @Test(
        "All FLORES-200 dev lines count as the official libraries count them",
        .enabled(if: TestEnvironment.familyCountsPath != nil,
                 "../shared/corpora/flores200-dev-family-counts.tsv is absent (a fresh clone): family parity not checked"))
    func allLines() throws {
        let shared = try #require(TestEnvironment.sharedDirectory)
        let tsv = try String(contentsOfFile: try #require(TestEnvironment.familyCountsPath), encoding: .utf8)
        var rows = tsv.split(separator: "\n")
        let header = rows.removeFirst().split(separator: "\t").map(String.init)
        let languageColumn = try #require(header.firstIndex(of: "language"))
        let indexColumn = try #require(header.firstIndex(of: "index"))
        let encodings = try TestEnvironment.familyEncodings.map { name in
            (try TestEnvironment.encoding(name), try #require(header.firstIndex(of: name.name), "no \(name) column"))
        }
        var linesByLanguage: [Substring: [Substring]] = [:]
        var mismatches: [String] = []
        var checked = 0
        for row in rows {
            let fields = row.split(separator: "\t", omittingEmptySubsequences: false)
            let language = fields[languageColumn]
            if linesByLanguage[language] == nil {
                // The reference drops empty lines before numbering them.
                let text = try String(contentsOfFile: shared + "/corpora/flores200-dev/\(language).dev", encoding: .utf8)
                linesByLanguage[language] = text.split(separator: "\n", omittingEmptySubsequences: true)
            }
            let index = try #require(Int(fields[indexColumn]))
            let line = String(linesByLanguage[language]![index])
            for (encoding, column) in encodings {
                let got = encoding.tokenCount(of: line)
                checked += 1
                if got != Int(fields[column]) {
                    mismatches.append("\(encoding.id) \(language) line \(index): \(got) ≠ \(fields[column])")
                }
            }
        }
        #expect(checked == 4 * 203_388)
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches:\n\(mismatches.prefix(50).joined(separator: "\n"))")
    }
}
