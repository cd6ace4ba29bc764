import Foundation

/// Catalog files for the advisor's end-to-end tests, written to a fresh temporary directory.
///
/// Prices are chosen so costs can be computed by hand whatever the tokenizer counts: `flat`
/// charges nothing for input (an explicit 0 is a price), so its cost is the output alone.
enum AdvisorFixtures {
    /// Today's UTC date as `YYYY-MM-DD`, so the "fresh" fixture never goes stale.
    static var today: String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }

    /// Five models, one or two per tier, with simple prices.
    static func catalogText(version: String) -> String {
        """
        {"version": "\(version)", "currency": "USD", "source": "end-to-end fixture",
         "tiers": [{"name": "economy", "maxPer1K": 0.001}, {"name": "standard", "maxPer1K": 0.01},
                   {"name": "premium", "maxPer1K": 0.15}, {"name": "frontier"}],
         "models": [
          {"id": "flat", "provider": "acme", "tier": "economy", "tokenizer": "o200k_base",
           "contextWindow": 100000, "maxOutputTokens": 8000, "inputPerMillion": 0, "outputPerMillion": 2},
          {"id": "cheap", "provider": "acme", "tier": "economy", "tokenizer": "o200k_base",
           "contextWindow": 100000, "maxOutputTokens": 8000, "inputPerMillion": 1, "outputPerMillion": 2},
          {"id": "mid", "provider": "acme", "tier": "standard", "tokenizer": "claude",
           "contextWindow": 100000, "maxOutputTokens": 8000, "inputPerMillion": 3, "outputPerMillion": 15,
           "cachedInputPerMillion": 0.3},
          {"id": "big", "provider": "other", "tier": "premium", "tokenizer": "o200k_base",
           "contextWindow": 200000, "maxOutputTokens": 32000, "inputPerMillion": 10, "outputPerMillion": 40,
           "reasoning": true},
          {"id": "top", "provider": "other", "tier": "frontier", "tokenizer": "gemini",
           "contextWindow": 1000000, "maxOutputTokens": 64000, "inputPerMillion": 20, "outputPerMillion": 80}
         ]}
        """
    }

    /// Writes `text` as `name` in a new temporary directory; returns the path.
    static func write(_ text: String, name: String = "catalog.json") throws -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("preflight-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// A valid catalog dated today.
    static func freshCatalog() throws -> String { try write(catalogText(version: today)) }

    /// A valid catalog whose prices are years old.
    static func staleCatalog() throws -> String { try write(catalogText(version: "2020-01-15")) }

    /// A well-formed catalog with a negative price for `cheap`.
    static func negativePriceCatalog() throws -> String {
        try write(catalogText(version: today).replacingOccurrences(
            of: #""inputPerMillion": 1, "outputPerMillion": 2"#, with: #""inputPerMillion": -1, "outputPerMillion": 2"#))
    }

    /// A catalog cut off in the middle (a syntax error with a line and column).
    static func truncatedCatalog() throws -> String {
        let text = catalogText(version: today)
        return try write(String(text.prefix(text.count / 2)))
    }

    /// A JSON-RPC request line.
    static func request(_ id: Int, _ method: String, _ params: String) -> String {
        #"{"jsonrpc":"2.0","id":\#(id),"method":"\#(method)","params":\#(params)}"#
    }

    /// `params` encoded as JSON text (for building requests from Swift values).
    static func json(_ object: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }
}

extension Dictionary where Key == String, Value == Any {
    /// The value at a dotted path of object keys (`cost.range.low`).
    func at(_ path: String) -> Any? {
        var current: Any? = self
        for key in path.split(separator: ".") {
            current = (current as? [String: Any])?[String(key)]
        }
        return current
    }

    func double(_ path: String) -> Double? { (at(path) as? NSNumber)?.doubleValue }
    func int(_ path: String) -> Int? { (at(path) as? NSNumber)?.intValue }
    func string(_ path: String) -> String? { at(path) as? String }
    var errorMessage: String? { (self["error"] as? [String: Any])?["message"] as? String }
    var errorData: [String: Any]? { (self["error"] as? [String: Any])?["data"] as? [String: Any] }
}
