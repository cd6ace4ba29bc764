/// A whole sentence about one field, thrown from a type's own `init(from:)` when the decoder's
/// "path must be …" form does not fit ("give either params.prompt or params.messages, not both").
///
/// The decoder keeps the sentence as the message and renders `codingPath` as the failure's path,
/// so the reply still names the exact field.
public struct JSONFieldProblem: Error, Sendable {
    /// The field's coding path (the container's path plus the key).
    public let codingPathDescription: [String]
    /// Whether each element of the path is an array index.
    let indices: [Int?]
    /// The message, as the client will read it.
    public let sentence: String

    /// A problem with `key` of the container at `codingPath`.
    public init(codingPath: [any CodingKey], key: any CodingKey, sentence: String) {
        let path = codingPath + [key]
        codingPathDescription = path.map(\.stringValue)
        indices = path.map { $0 is JSONIndexKey ? $0.intValue : nil }
        self.sentence = sentence
    }

    /// The path under `root`.
    func path(root: String) -> String {
        var path = root
        for (name, index) in zip(codingPathDescription, indices) {
            if let index { path += "[\(index)]" } else { path = JSONPath.appending(name, to: path) }
        }
        return path
    }
}
