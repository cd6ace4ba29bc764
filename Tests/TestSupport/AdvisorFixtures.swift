import Foundation

/// Catalog files for the advisor's in-process and end-to-end tests, written to a fresh temporary directory.
///
/// Prices are chosen so costs can be computed by hand whatever the tokenizer counts: `flat`
/// charges nothing for input (an explicit 0 is a price), so its cost is the output alone.
public enum AdvisorFixtures {
    /// Today's UTC date as `YYYY-MM-DD`, so the "fresh" fixture never goes stale.
    public static var today: String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }

    /// Five models, one or two per tier, with simple prices.
    public static func catalogText(version: String) -> String {
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
    public static func write(_ text: String, name: String = "catalog.json") throws -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("preflight-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// A valid catalog dated today.
    public static func freshCatalog() throws -> String { try write(catalogText(version: today)) }

    /// A valid catalog whose prices are years old.
    public static func staleCatalog() throws -> String { try write(catalogText(version: "2020-01-15")) }

    /// A well-formed catalog with a negative price for `cheap`.
    public static func negativePriceCatalog() throws -> String {
        try write(catalogText(version: today).replacingOccurrences(
            of: #""inputPerMillion": 1, "outputPerMillion": 2"#, with: #""inputPerMillion": -1, "outputPerMillion": 2"#))
    }

    /// A catalog cut off in the middle (a syntax error with a line and column).
    public static func truncatedCatalog() throws -> String {
        let text = catalogText(version: today)
        return try write(String(text.prefix(text.count / 2)))
    }

    /// A JSON-RPC request line.
    public static func request(_ id: Int, _ method: String, _ params: String) -> String {
        #"{"jsonrpc":"2.0","id":\#(id),"method":"\#(method)","params":\#(params)}"#
    }

    /// `initialize` loading `catalog` through `initializationOptions.catalogPath`, with any
    /// `extraOptions` (members as JSON text, `"defaultModel":"top"`).
    public static func initialize(catalog: String, extraOptions: String? = nil) -> String {
        initializeLine(options: #"{"catalogPath":"\#(catalog)""# + (extraOptions.map { "," + $0 } ?? "") + "}")
    }

    /// `params` encoded as JSON text (for building requests from Swift values).
    public static func json(_ object: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }
}
