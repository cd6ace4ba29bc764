/// The token categories of one request, as providers bill them.
///
/// `cachedInput` and `cacheWrite` are parts of `input`; `reasoning` is part of `output`
/// (hidden chain-of-thought is output the caller never sees). The cost model enforces this.
public struct TokenUsage: Sendable, Equatable {
    /// All input tokens, cached and cache-written ones included.
    public var input: Int
    /// Input tokens read from the provider's prompt cache.
    public var cachedInput: Int
    /// Input tokens written to the provider's prompt cache.
    public var cacheWrite: Int
    /// All output tokens, reasoning included.
    public var output: Int
    /// Output tokens spent on hidden reasoning.
    public var reasoning: Int

    /// Creates a usage record.
    public init(input: Int, cachedInput: Int = 0, cacheWrite: Int = 0, output: Int, reasoning: Int = 0) {
        self.input = input
        self.cachedInput = cachedInput
        self.cacheWrite = cacheWrite
        self.output = output
        self.reasoning = reasoning
    }
}
