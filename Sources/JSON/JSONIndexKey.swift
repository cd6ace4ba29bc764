/// An array index as a coding key, written `[3]` in paths, so decoders and encoders can name
/// array elements in `codingPath` the way error messages show them.
public struct JSONIndexKey: CodingKey {
    /// The index as text.
    public let stringValue: String
    /// The index.
    public let intValue: Int?

    /// The key of element `index`.
    public init(_ index: Int) {
        stringValue = "\(index)"
        intValue = index
    }

    /// A key from text (`"3"`).
    public init?(stringValue: String) {
        self.stringValue = stringValue
        intValue = Int(stringValue)
    }

    /// A key from an index.
    public init?(intValue: Int) { self.init(intValue) }
}
