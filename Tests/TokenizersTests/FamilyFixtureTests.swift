import Testing
import Tokenizers

/// qwen2, qwen3.5, deepseek-v4 and tekken against their official libraries' counts and tokens
/// on the committed fixture (no `../shared` needed).
@Suite("Committed family fixture")
struct FamilyFixtureTests {
    @Test("The fixture is the expected size")
    func fixtureSize() {
        let rows = FamilyFixture.shared.rows
        #expect(rows.count >= 390)
        #expect(rows.contains { $0.source == "joined" && $0.text.utf8.count > 50_000 })
        for name in TestEnvironment.familyEncodings {
            let missing = rows.filter { $0.counts[name] == nil }
            #expect(missing.isEmpty, "\(name)")
            #expect(rows.filter { $0.tokens[name] != nil || $0.ids[name] != nil }.count >= 100, "\(name)")
        }
        #expect(rows.filter { $0.ids[.qwen2] != nil }.count >= 15)  // texts NFC changes
    }

    @Test("Counts equal the official library's on every fixture text", arguments: TestEnvironment.familyEncodings)
    func counts(_ name: TokenizerID) throws {
        let encoding = try TestEnvironment.encoding(name)
        var mismatches: [String] = []
        for row in FamilyFixture.shared.rows {
            guard let expected = row.counts[name] else { continue }
            let got = encoding.tokenCount(of: row.text)
            if got != expected { mismatches.append("\(row.source) \(row.text.debugDescription): \(got) ≠ \(expected)") }
        }
        #expect(mismatches.isEmpty, "\(name): \(mismatches.count) mismatches\n\(mismatches.joined(separator: "\n"))")
    }

    @Test("Token ids and byte offsets equal the official library's", arguments: TestEnvironment.familyEncodings)
    func tokens(_ name: TokenizerID) throws {
        let encoding = try TestEnvironment.encoding(name)
        var checked = 0
        for row in FamilyFixture.shared.rows {
            if let expected = row.tokens[name] {
                #expect(encoding.spans(of: row.text) == expected, "\(row.text.debugDescription)")
                checked += 1
            }
            if let expected = row.ids[name] {
                #expect(encoding.spans(of: row.text).map(\.id) == expected, "\(row.text.debugDescription)")
                checked += 1
            }
        }
        #expect(checked >= 100)
    }

    @Test("With every special token allowed, counts equal the library's", arguments: [TokenizerID.qwen2, .qwen35, .deepSeekV4])
    func allSpecial(_ name: TokenizerID) throws {
        let encoding = try TestEnvironment.encoding(name)
        var checked = 0
        for row in FamilyFixture.shared.rows {
            guard let expected = row.countsWithAllSpecial[name] else { continue }
            #expect(encoding.tokenCount(of: row.text, allowedSpecial: .all) == expected, "\(row.text.debugDescription)")
            #expect(encoding.spans(of: row.text, allowedSpecial: .all).count == expected, "\(row.text.debugDescription)")
            checked += 1
        }
        #expect(checked >= 10)
    }

    @Test("count equals encode().count; exact spans tile the text, approximate ones cover it", arguments: TestEnvironment.familyEncodings)
    func spansCoverTheText(_ name: TokenizerID) throws {
        let encoding = try TestEnvironment.encoding(name)
        for row in FamilyFixture.shared.rows where row.source != "joined" {
            let spans = encoding.spans(of: row.text)
            #expect(spans.count == encoding.tokenCount(of: row.text), "\(row.source): \(row.text.debugDescription)")
            var covered = 0
            for span in spans {
                #expect(span.end > span.start, "\(row.text.debugDescription)")
                if span.approximate == true {
                    #expect(span.start <= covered, "\(row.text.debugDescription)")
                } else {
                    #expect(span.start == covered, "\(row.text.debugDescription)")
                }
                covered = max(covered, span.end)
            }
            #expect(covered == row.text.utf8.count)
        }
    }
}
