/// One labelled outcome, as `route-eval` and `preflight calibrate` read it: a prompt, where it
/// came from, and how well the weak (standard), strong (premium) and optionally economy models
/// answered it (booleans, or numbers in 0…1).
public struct LabelledRow: Sendable, Equatable {
    /// The prompt text.
    public let prompt: String
    /// The benchmark or team source (the row's `source`, else the file's name).
    public let source: String
    /// The standard-tier model's correctness, 0…1.
    public let weak: Double
    /// The premium-tier model's correctness, 0…1.
    public let strong: Double
    /// The economy-tier model's correctness, when known.
    public let economy: Double?

    /// Creates a row.
    public init(prompt: String, source: String, weak: Double, strong: Double, economy: Double? = nil) {
        self.prompt = prompt
        self.source = source
        self.weak = weak
        self.strong = strong
        self.economy = economy
    }
}

/// A bad line in a `--data` file: where (path and 1-based line), which field, and what is wrong.
public struct LabelledRowError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file.
    public let path: String
    /// The line, 1-based (0 when the file itself cannot be read).
    public let line: Int
    /// The field at fault (`prompt`, `weak_correct`, …), or empty for the line as a whole.
    public let field: String
    /// What is wrong.
    public let message: String

    /// Creates an error.
    public init(path: String, line: Int, field: String, message: String) {
        self.path = path
        self.line = line
        self.field = field
        self.message = message
    }

    /// `path:line: field: message`.
    public var description: String {
        (line > 0 ? "\(path):\(line)" : path) + (field.isEmpty ? "" : ": \(field)") + ": \(message)"
    }
}
