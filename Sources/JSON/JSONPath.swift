/// Renders coding paths the way Preflight's errors name values: `params.messages[2].content`.
///
/// One rendering for the decoder's failures, the unknown-field records and the handlers that
/// name fields themselves, so a client sees the same path for the same value everywhere.
public enum JSONPath {
    /// `root` followed by each key: names as `.name`, array indices as `[i]`.
    public static func render(root: String, codingPath: [any CodingKey]) -> String {
        var path = root
        for key in codingPath {
            if key is JSONIndexKey, let index = key.intValue {
                path += "[\(index)]"
            } else {
                path = appending(key.stringValue, to: path)
            }
        }
        return path
    }

    /// `root` followed by each component: members as `.name`, array indices as `[i]`.
    public static func render(root: String, components: some Sequence<JSONPathComponent>) -> String {
        var path = root
        for component in components {
            switch component {
            case .member(let name): path = appending(name, to: path)
            case .index(let index): path += "[\(index)]"
            }
        }
        return path
    }

    /// `path.name`, or `name` alone when `path` is empty.
    public static func appending(_ name: String, to path: String) -> String {
        path.isEmpty ? name : "\(path).\(name)"
    }
}
