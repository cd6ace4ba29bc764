import Testing
import Tokenizers

@Suite("Committed tiktoken fixture")
struct TiktokenFixtureTests {
    @Test("The fixture is the expected size")
    func fixtureSize() {
        #expect(TiktokenFixture.shared.rows.count >= 300)
        // The joined row is long enough for the per-call piece cache and rank memo.
        #expect(TiktokenFixture.shared.rows.contains { $0.source == "joined" && $0.text.utf8.count > 50_000 })
        #expect(TiktokenFixture.shared.rows.filter { !$0.tokens.isEmpty }.count >= 40)
    }

    @Test("Counts equal tiktoken's on every fixture text", arguments: TestEnvironment.encodings)
    func counts(_ name: TokenizerID) throws {
        let encoding = try TestEnvironment.encoding(name)
        var mismatches: [String] = []
        for row in TiktokenFixture.shared.rows {
            guard let expected = row.counts[name] else { continue }
            let got = encoding.tokenCount(of: row.text)
            if got != expected { mismatches.append("\(row.source) \(row.text.debugDescription): \(got) ≠ \(expected)") }
        }
        #expect(mismatches.isEmpty, "\(name): \(mismatches.joined(separator: "\n"))")
    }

    @Test("Token ids and byte offsets equal tiktoken's", arguments: TestEnvironment.encodings)
    func tokens(_ name: TokenizerID) throws {
        let encoding = try TestEnvironment.encoding(name)
        var checked = 0
        for row in TiktokenFixture.shared.rows {
            guard let expected = row.tokens[name] else { continue }
            #expect(encoding.spans(of: row.text) == expected, "\(row.text.debugDescription)")
            checked += 1
        }
        #expect(checked >= 40)
    }
}
