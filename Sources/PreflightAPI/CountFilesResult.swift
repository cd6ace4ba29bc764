/// `preflight count --json` with several files: `{tokenizer, exact, files: [{path, tokens}], total}`.
public struct CountFilesResult: Codable, Sendable, Equatable {
    /// One file's count.
    public struct File: Codable, Sendable, Equatable {
        /// The path as given (`stdin` for `-`).
        public let path: String
        /// Its tokens.
        public let tokens: Int

        /// Creates an entry.
        public init(path: String, tokens: Int) {
            self.path = path
            self.tokens = tokens
        }
    }

    /// The tokenizer used.
    public let tokenizer: String
    /// Whether every count is exact.
    public let exact: Bool
    /// Each file's count, in argument order.
    public let files: [File]
    /// The sum.
    public let total: Int

    /// Creates a result.
    public init(tokenizer: String, exact: Bool, files: [File], total: Int) {
        self.tokenizer = tokenizer
        self.exact = exact
        self.files = files
        self.total = total
    }
}
