import Advisor

/// What the editor features take from outside, injectable so tests control time and loads.
public struct EditorConfiguration: Sendable {
    /// The clock debouncing re-estimation.
    public var clock: any DebounceClock
    /// Reads a catalog file for `catalogPath` settings (off the reader thread); the real
    /// decoder unless a test slows it down to see `$/progress`.
    public var catalogLoader: @Sendable (String) throws -> CatalogLoadResult
    /// A load or analysis running longer than this shows work-done progress (LSP's `$/progress`),
    /// when the client supports it. 200 ms: shorter loads would only flicker.
    public var progressThresholdMilliseconds: Int
    /// Debounce when the settings name none.
    public var defaultDebounceMilliseconds: Int

    /// The server's configuration.
    public init(clock: any DebounceClock = SystemDebounceClock(),
                catalogLoader: @escaping @Sendable (String) throws -> CatalogLoadResult = { try CatalogDecoder.load(path: $0) },
                progressThresholdMilliseconds: Int = 200, defaultDebounceMilliseconds: Int = 250) {
        self.clock = clock
        self.catalogLoader = catalogLoader
        self.progressThresholdMilliseconds = progressThresholdMilliseconds
        self.defaultDebounceMilliseconds = defaultDebounceMilliseconds
    }
}
