import Foundation

/// One catalog layer indexed for the naming rules: by id, by lower-cased id, and by the reduced
/// ("bare") name of every entry.
///
/// The lower-cased and reduced indexes are built on their first use, not with the layer: an
/// exact id (the common case, and every curated lookup) needs neither, and building them for
/// the 3,346-model reference costs about a quarter of loading it.
public struct ModelNameIndex: Sendable {
    /// The indexed catalog.
    public let catalog: Catalog
    /// Which layer it is.
    public let layer: CatalogLayer
    private let derived: DerivedIndexes

    /// Indexes `catalog` as `layer`.
    public init(catalog: Catalog, layer: CatalogLayer) {
        self.catalog = catalog
        self.layer = layer
        self.derived = DerivedIndexes(catalog.models)
    }

    /// The entry whose id is `name` exactly.
    public func exact(_ name: String) -> CatalogModel? { catalog.model(id: name) }

    /// The (first) entry whose id is `name` in any case.
    public func caseInsensitive(_ name: String) -> CatalogModel? {
        derived.indexes.byLowercasedID[name.lowercased()].map { catalog.models[$0] }
    }

    /// The entries whose reduced name is `bare`, in catalog order.
    public func entries(bareName bare: String) -> [CatalogModel] {
        (derived.indexes.byBareName[bare] ?? []).map { catalog.models[$0] }
    }

    /// The lower-cased and reduced indexes, built once on first use (under a lock: a layer is
    /// shared by the request thread and the editor's worker).
    final class DerivedIndexes: @unchecked Sendable {
        struct Indexes {
            let byLowercasedID: [String: Int]
            let byBareName: [String: [Int]]
        }

        private let models: [CatalogModel]
        private let lock = NSLock()
        private var built: Indexes?

        init(_ models: [CatalogModel]) { self.models = models }

        var indexes: Indexes {
            lock.lock()
            defer { lock.unlock() }
            if let built { return built }
            var lower: [String: Int] = [:]
            var bare: [String: [Int]] = [:]
            for (position, model) in models.enumerated() {
                let lowered = model.id.lowercased()
                if lower[lowered] == nil { lower[lowered] = position }
                bare[ModelNameIndex.bareName(of: model.id), default: []].append(position)
            }
            let indexes = Indexes(byLowercasedID: lower, byBareName: bare)
            built = indexes
            return indexes
        }
    }

    /// Bedrock's region and vendor prefixes (`us.anthropic.claude-…`, `global.amazon.nova-…`).
    static let dottedPrefixes: Set<String> = [
        "us", "eu", "apac", "au", "jp", "ca", "global", "us-gov", "anthropic", "amazon", "meta", "mistral", "cohere",
        "ai21", "deepseek", "openai", "qwen", "writer", "twelvelabs", "google", "moonshot", "minimax",
    ]

    /// A name reduced to the model it names (docs/CATALOG.md, "Names"): lower-cased; the
    /// provider route before the last `/` dropped (`bedrock/us-gov-east-1/`, `vertex_ai/`,
    /// `openrouter/anthropic/`); Bedrock's region and vendor prefixes (`us.anthropic.`) dropped;
    /// a Bedrock version suffix dropped (`-v1:0` always, a bare `-v2` only on a Bedrock-shaped
    /// name: a `bedrock/` route or a dotted vendor prefix); a Vertex `@date` dropped; a trailing
    /// snapshot date (`-20250929`, `-2024-08-06`) dropped; and `.` between digits read as `-`
    /// (`claude-sonnet-4.5` is OpenRouter's spelling of `claude-sonnet-4-5`).
    public static func bareName(of name: String) -> String {
        let lowered = name.lowercased()
        var text = Substring(lowered)
        if let slash = text.lastIndex(of: "/") { text = text[text.index(after: slash)...] }
        var bedrockShaped = lowered.hasPrefix("bedrock/") || lowered.contains("/bedrock/")
        while let dot = text.firstIndex(of: "."), dottedPrefixes.contains(String(text[..<dot])) {
            text = text[text.index(after: dot)...]
            bedrockShaped = true
        }
        if let at = text.firstIndex(of: "@") { text = text[..<at] }
        var result = String(text)
        result = dropSuffix(result) { suffix in
            // Bedrock's -v1:0 anywhere; a bare -v1/-v2 only on a Bedrock-shaped name (route or
            // dotted vendor prefix): elsewhere `deepseek-v2` or `firefunction-v1` is the model's
            // own name, not a version of another.
            guard suffix.hasPrefix("-v") else { return false }
            let rest = suffix.dropFirst(2)
            let parts = rest.split(separator: ":", omittingEmptySubsequences: false)
            guard !rest.isEmpty, parts.count <= 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else {
                return false
            }
            return parts.count == 2 || bedrockShaped
        }
        result = dropDate(result)
        return dottedVersionsAsHyphens(result)
    }

    /// `name` without its last `-…` segment when `isSuffix` accepts that segment.
    private static func dropSuffix(_ name: String, _ isSuffix: (Substring) -> Bool) -> String {
        guard let dash = name.lastIndex(of: "-"), dash != name.startIndex, isSuffix(name[dash...]) else { return name }
        return String(name[..<dash])
    }

    /// `name` without a trailing `-YYYYMMDD` or `-YYYY-MM-DD`.
    private static func dropDate(_ name: String) -> String {
        let scalars = Array(name.utf8)
        func digits(_ range: Range<Int>) -> Bool { range.allSatisfy { scalars[$0] >= 48 && scalars[$0] <= 57 } }
        let n = scalars.count
        if n > 9, scalars[n - 9] == UInt8(ascii: "-"), digits(n - 8..<n), scalars[n - 8] == UInt8(ascii: "2") {
            return String(decoding: scalars[..<(n - 9)], as: UTF8.self)
        }
        if n > 11, scalars[n - 11] == UInt8(ascii: "-"), digits(n - 10..<n - 6), scalars[n - 6] == UInt8(ascii: "-"),
           digits(n - 5..<n - 3), scalars[n - 3] == UInt8(ascii: "-"), digits(n - 2..<n), scalars[n - 10] == UInt8(ascii: "2") {
            return String(decoding: scalars[..<(n - 11)], as: UTF8.self)
        }
        return name
    }

    /// `4.5` → `4-5`: a dot between two digits.
    private static func dottedVersionsAsHyphens(_ name: String) -> String {
        let scalars = Array(name.utf8)
        guard scalars.contains(UInt8(ascii: ".")) else { return name }
        var out = scalars
        for i in 1..<max(1, scalars.count - 1) where scalars[i] == UInt8(ascii: ".") {
            let isDigit = { (b: UInt8) in b >= 48 && b <= 57 }
            if isDigit(scalars[i - 1]) && isDigit(scalars[i + 1]) { out[i] = UInt8(ascii: "-") }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
