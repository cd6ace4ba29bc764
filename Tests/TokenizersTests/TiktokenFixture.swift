import Foundation
import Tokenizers

/// The committed `Fixtures/tiktoken-reference.jsonl`: texts with tiktoken 0.14.0's counts and,
/// for some, its tokens (made by `Fixtures/make-tiktoken-fixture.py`).
struct TiktokenFixture: Sendable {
    struct Row: Sendable {
        let source: String
        let text: String
        let counts: [TokenizerID: Int]
        let tokens: [TokenizerID: [TokenSpan]]
    }

    let rows: [Row]

    static let shared: TiktokenFixture = {
        guard let url = Bundle.module.url(forResource: "tiktoken-reference", withExtension: "jsonl", subdirectory: "Fixtures"),
              let data = try? Data(contentsOf: url)
        else { fatalError("Fixtures/tiktoken-reference.jsonl is missing from the test bundle") }
        var rows: [Row] = []
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                  let source = object["source"] as? String, let text = object["text"] as? String
            else { fatalError("malformed fixture line: \(String(decoding: line, as: UTF8.self))") }
            var counts: [TokenizerID: Int] = [:]
            var tokens: [TokenizerID: [TokenSpan]] = [:]
            for name in TestEnvironment.encodings {
                counts[name] = object[name.name] as? Int
                if let list = object[name.name + "_tokens"] as? [[Int]] {
                    tokens[name] = list.map { TokenSpan(id: $0[0], start: $0[1], end: $0[2]) }
                }
            }
            rows.append(Row(source: source, text: text, counts: counts, tokens: tokens))
        }
        return TiktokenFixture(rows: rows)
    }()
}
