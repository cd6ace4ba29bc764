/// The known name a misspelt one was probably meant to be, for messages that say "did you
/// mean …?" about params members, settings and catalog values alike.
public enum JSONNameSuggestion {
    /// The known name `name` most likely meant: the same name in another spelling
    /// (`expected_output_tokens` for `expectedOutputTokens`), one it abbreviates (its letters in
    /// order, as `minBalance` in `minimumBalance`, `max_tokens` in `maxOutputTokens`), else the
    /// closest by edit distance when that is close enough to be a misspelling (at most half the
    /// longer name). Case, `_` and `-` are ignored.
    public static func nearest(to name: String, in known: [String]) -> String? {
        let lowered = normalised(name)
        if let same = known.first(where: { normalised($0) == lowered }) { return same }
        let abbreviated = known.filter { isSubsequence(lowered, of: normalised($0)) }
        if let shortest = abbreviated.min(by: { $0.count < $1.count }) { return shortest }
        var best: (name: String, distance: Int)? = nil
        for candidate in known {
            let distance = editDistance(lowered, normalised(candidate))
            if best == nil || distance < best!.distance { best = (candidate, distance) }
        }
        guard let best else { return nil }
        let limit = max(2, max(name.count, best.name.count) / 2)
        return best.distance <= limit ? best.name : nil
    }

    /// The name's scalars, lower-cased, without `_` and `-` (snake, kebab and camel case alike).
    static func normalised(_ name: String) -> [Unicode.Scalar] {
        name.lowercased().unicodeScalars.filter { $0 != "_" && $0 != "-" }
    }

    /// Whether `a`'s scalars appear in `b` in order (and `a` is not empty).
    static func isSubsequence(_ a: [Unicode.Scalar], of b: [Unicode.Scalar]) -> Bool {
        guard !a.isEmpty, a.count < b.count else { return false }
        var index = b.startIndex
        for scalar in a {
            guard let found = b[index...].firstIndex(of: scalar) else { return false }
            index = found + 1
        }
        return true
    }

    /// Levenshtein distance over Unicode scalars.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
