import Advisor

/// The catalog the server prices with, replaced only by a catalog that loaded completely.
///
/// `load(path:)` decodes into a new value and swaps it in on success; on failure it throws and
/// `current` is untouched, so a typo in a `catalogPath` never leaves the server without prices.
public final class CatalogStore {
    /// The catalog in use, if any has loaded.
    public private(set) var current: Catalog?
    /// How the current catalog was read.
    public private(set) var currentFormat: CatalogFormat?
    /// Where the current catalog came from.
    public private(set) var currentPath: String?

    /// An empty store.
    public init() {}

    /// Loads `path`; on success it becomes `current`.
    @discardableResult
    public func load(path: String) throws(CatalogLoadError) -> CatalogLoadResult {
        let result = try CatalogDecoder.load(path: path)
        install(result, path: path)
        return result
    }

    /// Makes an already decoded catalog `current` (for callers that validate more before
    /// committing, like `initialize` checking `defaultModel` against the new catalog).
    public func install(_ result: CatalogLoadResult, path: String) {
        current = result.catalog
        currentFormat = result.format
        currentPath = path
    }
}
