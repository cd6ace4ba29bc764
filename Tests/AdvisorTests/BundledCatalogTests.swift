import Foundation
import Testing
@testable import Advisor

/// Checks the shipped `models/catalog.json` against the issue's requirements. Reading the file
/// here is test-only; the advisor itself never touches files.
@Suite struct BundledCatalogTests {
    static let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../models/catalog.json").standardizedFileURL

    func load() throws -> (text: String, json: [String: Any]) {
        let data = try Data(contentsOf: BundledCatalogTests.url)
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        return (String(decoding: data, as: UTF8.self), json)
    }

    @Test func coversProvidersAndTiers() throws {
        let (_, json) = try load()
        #expect(json["version"] as? String == "2026-11-20")
        let models = json["models"] as? [[String: Any]] ?? []
        #expect(models.count >= 40)
        var perTier: [String: Int] = [:]
        for m in models { perTier[m["tier"] as? String ?? "none", default: 0] += 1 }
        for tier in Tier.allCases { #expect(perTier[tier.rawValue, default: 0] >= 5, "\(tier)") }
        let providers = Set(models.compactMap { $0["provider"] as? String })
        for p in ["openai", "anthropic", "google", "mistral", "deepseek", "xai"] { #expect(providers.contains(p), "\(p)") }
        #expect(!providers.isDisjoint(with: ["together_ai", "groq", "fireworks_ai"]))
        let ids = models.compactMap { $0["id"] as? String }
        #expect(Set(ids).count == ids.count)
        for m in models where (m["provider"] as? String) == "openai" {
            #expect(["o200k_base", "cl100k_base"].contains(m["tokenizer"] as? String ?? ""), "\(m["id"] ?? "")")
        }
    }

    @Test func pricesAreExactDecimalLiterals() throws {
        let (text, _) = try load()
        // Every number after a price key: plain decimal, at most 8 fractional digits, no exponent.
        let pattern = try NSRegularExpression(pattern: #""[A-Za-z]*PerMillion": (-?[0-9][0-9.eE+-]*)"#)
        let matches = pattern.matches(in: text, range: NSRange(text.startIndex..., in: text))
        #expect(matches.count > 100)
        for match in matches {
            let literal = String(text[Range(match.range(at: 1), in: text)!])
            #expect(literal.range(of: #"^[0-9]+(\.[0-9]{1,8})?$"#, options: .regularExpression) != nil, "\(literal)")
        }
    }
}
