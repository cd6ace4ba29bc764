/// Why a test could not read what the server wrote as the shape it expected.
public struct ReadingFailure: Error, CustomStringConvertible {
    /// What was wrong, with the text that was read.
    public let description: String

    /// Creates a failure.
    public init(description: String) {
        self.description = description
    }
}
