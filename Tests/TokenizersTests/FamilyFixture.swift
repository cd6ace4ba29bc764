import Foundation
import Tokenizers

/// The committed `Fixtures/family-reference.jsonl`: texts with the official libraries' counts in
/// qwen2, qwen3.5, deepseek-v4 and tekken and, for some, their tokens (made by
/// `Fixtures/make-family-fixture.py`).
struct FamilyFixture: Sendable {
    struct Row: Sendable {
        let source: String
        let text: String
        /// The reference count, special-token text counted as text.
        let counts: [TokenizerID: Int]
        /// The count with every special token allowed (texts with special-token text only).
        let countsWithAllSpecial: [TokenizerID: Int]
        /// Token ids with UTF-8 byte offsets, where every token can be placed exactly.
        let tokens: [TokenizerID: [TokenSpan]]
        /// Token ids alone (Qwen texts that NFC changes).
        let ids: [TokenizerID: [Int]]
    }

    let rows: [Row]

    static let shared: FamilyFixture = {
        guard let url = Bundle.module.url(forResource: "family-reference", withExtension: "jsonl", subdirectory: "Fixtures"),
              let data = try? Data(contentsOf: url)
        else { fatalError("Fixtures/family-reference.jsonl is missing from the test bundle") }
        var rows: [Row] = []
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                  let source = object["source"] as? String, let text = object["text"] as? String
            else { fatalError("malformed fixture line: \(String(decoding: line, as: UTF8.self))") }
            var counts: [TokenizerID: Int] = [:], all: [TokenizerID: Int] = [:]
            var tokens: [TokenizerID: [TokenSpan]] = [:], ids: [TokenizerID: [Int]] = [:]
            for name in TestEnvironment.familyEncodings {
                counts[name] = object[name.name] as? Int
                all[name] = object[name.name + "_all"] as? Int
                if let list = object[name.name + "_tokens"] as? [[Int]] {
                    tokens[name] = list.map { TokenSpan(id: $0[0], start: $0[1], end: $0[2]) }
                }
                ids[name] = object[name.name + "_ids"] as? [Int]
            }
            rows.append(Row(source: source, text: text, counts: counts, countsWithAllSpecial: all, tokens: tokens, ids: ids))
        }
        return FamilyFixture(rows: rows)
    }()
}
