/// One entry of `didChange`'s `contentChanges`: the whole new text (`range == nil`, full sync)
/// or the text that replaces `range` (incremental sync).
public struct TextChange: Sendable, Equatable {
    /// The replaced range, or `nil` for a full replacement.
    public var range: TextRange?
    /// The new text.
    public var text: String

    /// A change.
    public init(range: TextRange?, text: String) {
        self.range = range
        self.text = text
    }
}
