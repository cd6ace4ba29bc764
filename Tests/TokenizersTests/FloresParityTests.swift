import Foundation
import Testing
import Tokenizers

/// Every line of every FLORES-200 dev file, in both encodings, against tiktoken 0.14.0's counts
/// in `../shared/corpora/flores200-dev-counts.tsv` (203,388 lines × 2).
///
/// Needs `../shared` (skipped, saying so, in a fresh clone).
@Suite("FLORES-200 parity with tiktoken")
struct FloresParityTests {
    @Test(
        "All FLORES-200 dev lines count as tiktoken counts them",
        .enabled(if: TestEnvironment.sharedDirectory != nil,
                 "../shared/corpora is absent (a fresh clone): FLORES parity not checked"))
    func allLines() throws {
        let shared = try #require(TestEnvironment.sharedDirectory)
        let o200k = try TestEnvironment.encoding(.o200kBase)
        let cl100k = try TestEnvironment.encoding(.cl100kBase)
        let tsv = try String(contentsOfFile: shared + "/corpora/flores200-dev-counts.tsv", encoding: .utf8)
        var rows = tsv.split(separator: "\n")
        let header = rows.removeFirst().split(separator: "\t")
        let languageColumn = try #require(header.firstIndex(of: "language"))
        let indexColumn = try #require(header.firstIndex(of: "index"))
        let cl100kColumn = try #require(header.firstIndex(of: "cl100k_base"))
        let o200kColumn = try #require(header.firstIndex(of: "o200k_base"))

        var linesByLanguage: [Substring: [Substring]] = [:]
        var mismatches: [String] = []
        var checked = 0
        for row in rows {
            let fields = row.split(separator: "\t", omittingEmptySubsequences: false)
            let language = fields[languageColumn]
            if linesByLanguage[language] == nil {
                let text = try String(contentsOfFile: shared + "/corpora/flores200-dev/\(language).dev", encoding: .utf8)
                linesByLanguage[language] = text.split(separator: "\n", omittingEmptySubsequences: false)
            }
            let index = try #require(Int(fields[indexColumn]))
            let line = String(linesByLanguage[language]![index])
            let expected = [(cl100k, Int(fields[cl100kColumn])), (o200k, Int(fields[o200kColumn]))]
            for (encoding, want) in expected {
                let got = encoding.tokenCount(of: line)
                checked += 1
                if got != want {
                    mismatches.append("\(encoding.id) \(language) line \(index): \(got) ≠ tiktoken's \(want ?? -1)")
                }
            }
        }
        #expect(checked == 2 * 203_388)
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches:\n\(mismatches.prefix(50).joined(separator: "\n"))")
    }
}
