/// The multilingual cue lexicons compiled into two UTF-8 byte tries, matched in one pass.
///
/// Word entries (`word`, `stem*`, phrases) are found by walking the first trie from every word
/// start; substring entries (CJK, Hangul, `~infix`) by walking the second from every scalar. A
/// category counts each start position once, as the reference does (`features.Lexicon.match`).
/// Matching costs a few nanoseconds per byte and allocates nothing but the hit list.
struct LexiconMatcher: Sendable {
    /// One lexicon hit, in scalar offsets of the lowercased text.
    struct Hit: Sendable {
        /// Category index (order of `categories`).
        let category: Int
        /// First scalar of the match.
        let start: Int
        /// Scalar after the match.
        let end: Int
    }

    /// A word entry: its category and the tokens after the first one.
    struct WordEntry: Sendable {
        let category: Int
        /// Later phrase tokens: scalars, and whether the token is a stem (`x*`).
        let rest: [(scalars: [UInt32], stem: Bool)]
    }

    /// Category names in feature order.
    let categories: [String]
    private let words: ByteTrie
    /// Per trie node: entries whose first token is exactly the node's path.
    private let exactEntries: [[WordEntry]]
    /// Per trie node: entries whose first token is a stem ending at the node.
    private let stemEntries: [[WordEntry]]
    private let substrings: ByteTrie
    /// Per substring-trie node: the sorted categories of the entries ending there, with length.
    private let substringCategories: [[Int]]
    private let substringLengths: [Int]

    /// Compiles `lexicons` (category → language → entries) for `categories` (the feature order).
    ///
    /// - Throws: `RoutingFileError` when a category of the file is not a feature, or an entry is empty.
    init(lexicons: [(category: String, languages: [(language: String, entries: [String])])],
         categories: [String]) throws(RoutingFileError) {
        self.categories = categories
        var wordTrie = ByteTrieBuilder()
        var exact: [Int: [WordEntry]] = [:]
        var stems: [Int: [WordEntry]] = [:]
        var subTrie = ByteTrieBuilder()
        var subCats: [Int: Set<Int>] = [:]
        var subLength: [Int: Int] = [:]
        for (category, languages) in lexicons {
            guard let index = categories.firstIndex(of: category) else {
                throw RoutingFileError(field: "lexicons.\(category)", message: "is not a lexicon feature of this build "
                                       + "(known: \(categories.joined(separator: ", ")))")
            }
            for (language, entries) in languages {
                for entry in entries {
                    var scalars = entry.unicodeScalars.map(\.value)
                    guard let first = scalars.first else {
                        throw RoutingFileError(field: "lexicons.\(category).\(language)", message: "has an empty entry")
                    }
                    if first == 0x7E || ScalarClass.isCJK(first) || ScalarClass.isHangul(first) {
                        if first == 0x7E { scalars.removeFirst() }
                        guard !scalars.isEmpty else {
                            throw RoutingFileError(field: "lexicons.\(category).\(language)", message: "has an empty \"~\" entry")
                        }
                        let node = subTrie.insert(scalars)
                        subCats[node, default: []].insert(index)
                        subLength[node] = scalars.count
                        continue
                    }
                    let tokens = entry.split(whereSeparator: { $0.unicodeScalars.allSatisfy { ScalarClass.isSpace($0.value) } })
                        .map { $0.unicodeScalars.map(\.value) }
                    guard var head = tokens.first else {
                        throw RoutingFileError(field: "lexicons.\(category).\(language)", message: "has a blank entry")
                    }
                    let rest = tokens.dropFirst().map { token -> ([UInt32], Bool) in
                        token.last == 0x2A ? (Array(token.dropLast()), true) : (token, false)
                    }
                    let item = WordEntry(category: index, rest: rest.map { (scalars: $0.0, stem: $0.1) })
                    if head.last == 0x2A {
                        head.removeLast()
                        stems[wordTrie.insert(head), default: []].append(item)
                    } else {
                        exact[wordTrie.insert(head), default: []].append(item)
                    }
                }
            }
        }
        words = wordTrie.build()
        exactEntries = (0..<words.nodeCount).map { exact[$0] ?? [] }
        stemEntries = (0..<words.nodeCount).map { stems[$0] ?? [] }
        substrings = subTrie.build()
        substringCategories = (0..<substrings.nodeCount).map { (subCats[$0] ?? []).sorted() }
        substringLengths = (0..<substrings.nodeCount).map { subLength[$0] ?? 0 }
    }

    /// The hits in `lower`: word entries on `words` (ranges into `lower`), substring entries
    /// from `from` on; one hit per (category, start), the first candidate winning as in the
    /// reference (exact first token, then stems shortest first).
    func match(lower: UnsafeBufferPointer<UInt32>, words wordRanges: [Range<Int>], from: Int) -> [Hit] {
        var hits: [Hit] = []
        var candidates: [WordEntry] = []
        var encoded = [UInt8](repeating: 0, count: 4)
        for (i, word) in wordRanges.enumerated() {
            candidates.removeAll(keepingCapacity: true)
            var stemsFound: [WordEntry] = []
            var node = 0
            var alive = true
            for p in word {
                let length = UTF8Bytes.encode(lower[p], into: &encoded)
                for b in 0..<length {
                    guard let next = self.words.child(of: node, byte: encoded[b]) else { alive = false; break }
                    node = next
                }
                if !alive { break }
                stemsFound.append(contentsOf: stemEntries[node])
            }
            if alive { candidates.append(contentsOf: exactEntries[node]) }
            candidates.append(contentsOf: stemsFound)
            if candidates.isEmpty { continue }
            for entry in candidates {
                if i + 1 + entry.rest.count > wordRanges.count { continue }
                var ok = true
                for (j, token) in entry.rest.enumerated() {
                    let w = wordRanges[i + 1 + j]
                    if token.stem {
                        if w.count < token.scalars.count { ok = false; break }
                    } else if w.count != token.scalars.count {
                        ok = false; break
                    }
                    for (k, s) in token.scalars.enumerated() where lower[w.lowerBound + k] != s {
                        ok = false; break
                    }
                    if !ok { break }
                }
                guard ok else { continue }
                if hits.contains(where: { $0.category == entry.category && $0.start == word.lowerBound }) { continue }
                hits.append(Hit(category: entry.category, start: word.lowerBound,
                                end: wordRanges[i + entry.rest.count].upperBound))
            }
        }
        if substrings.rootHasChildren {
            for pos in from..<lower.count {
                var node = 0
                var p = pos
                walk: while p < lower.count {
                    let length = UTF8Bytes.encode(lower[p], into: &encoded)
                    for b in 0..<length {
                        guard let next = substrings.child(of: node, byte: encoded[b]) else { break walk }
                        node = next
                    }
                    p += 1
                    for category in substringCategories[node] {
                        if !hits.contains(where: { $0.category == category && $0.start == pos }) {
                            hits.append(Hit(category: category, start: pos, end: pos + substringLengths[node]))
                        }
                    }
                }
            }
        }
        return hits
    }
}

/// UTF-8 encoding of one scalar value into a 4-byte buffer.
enum UTF8Bytes {
    /// Writes `c`'s UTF-8 bytes to `buffer` and returns how many.
    @inline(__always)
    static func encode(_ c: UInt32, into buffer: inout [UInt8]) -> Int {
        if c < 0x80 { buffer[0] = UInt8(c); return 1 }
        if c < 0x800 {
            buffer[0] = UInt8(0xC0 | (c >> 6)); buffer[1] = UInt8(0x80 | (c & 0x3F)); return 2
        }
        if c < 0x10000 {
            buffer[0] = UInt8(0xE0 | (c >> 12)); buffer[1] = UInt8(0x80 | ((c >> 6) & 0x3F))
            buffer[2] = UInt8(0x80 | (c & 0x3F)); return 3
        }
        buffer[0] = UInt8(0xF0 | (c >> 18)); buffer[1] = UInt8(0x80 | ((c >> 12) & 0x3F))
        buffer[2] = UInt8(0x80 | ((c >> 6) & 0x3F)); buffer[3] = UInt8(0x80 | (c & 0x3F)); return 4
    }

    /// The number of UTF-8 bytes of `c`.
    @inline(__always)
    static func length(_ c: UInt32) -> Int { c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4 }
}
