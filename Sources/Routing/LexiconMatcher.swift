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

    /// Category names in feature order.
    let categories: [String]
    private let words: ByteTrie
    // Word entries in flat arrays. Node k's entries whose first token is exactly its path are
    // `exactOffsets[k]..<exactOffsets[k + 1]`; those whose first token is a stem ending there,
    // `stemOffsets[k]..<stemOffsets[k + 1]`. Entry e has category `entryCategory[e]` and later
    // tokens `entryTokens[e]..<entryTokens[e + 1]`; token t is `tokenScalars[tokenStart[t]..<
    // tokenStart[t + 1]]`, a stem (`x*`) when `tokenIsStem[t]`.
    private let exactOffsets: [Int32]
    private let stemOffsets: [Int32]
    private let entryCategory: [Int32]
    private let entryTokens: [Int32]
    private let tokenStart: [Int32]
    private let tokenIsStem: [Bool]
    private let tokenScalars: [UInt32]
    private let substrings: ByteTrie
    /// Per substring-trie node: its categories (`substringCategories[substringOffsets[k]..<
    /// substringOffsets[k + 1]]`, ascending) and the length of the entry ending there.
    private let substringOffsets: [Int32]
    private let substringCategories: [Int32]
    private let substringLengths: [Int32]

    /// Compiles `lexicons` (category → language → entries) for `categories` (the feature order).
    ///
    /// - Throws: `RoutingFileError` when a category of the file is not a feature, or an entry is empty.
    init(lexicons: [(category: String, languages: [(language: String, entries: [String])])],
         categories: [String]) throws(RoutingFileError) {
        precondition(categories.count <= 64, "categories are tracked in a 64-bit mask")
        self.categories = categories
        var wordTrie = ByteTrieBuilder()
        // (node, category, first token index, token count), for exact and stem entries.
        var exact: [(node: Int, category: Int, tokens: Range<Int>)] = []
        var stems: [(node: Int, category: Int, tokens: Range<Int>)] = []
        var tokenStarts: [Int32] = [0], tokenStems: [Bool] = [], tokenText: [UInt32] = []
        var subTrie = ByteTrieBuilder()
        var subCats: [(node: Int, category: Int)] = []
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
                        subCats.append((node, index))
                        subLength[node] = scalars.count
                        continue
                    }
                    let tokens = LexiconMatcher.tokens(of: entry, scalars: scalars)
                    guard var head = tokens.first else {
                        throw RoutingFileError(field: "lexicons.\(category).\(language)", message: "has a blank entry")
                    }
                    let firstToken = tokenStems.count
                    for token in tokens.dropFirst() {
                        let stem = token.last == 0x2A
                        tokenText.append(contentsOf: stem ? token.dropLast() : token[...])
                        tokenStarts.append(Int32(tokenText.count))
                        tokenStems.append(stem)
                    }
                    let range = firstToken..<tokenStems.count
                    if head.last == 0x2A {
                        head.removeLast()
                        stems.append((wordTrie.insert(head), index, range))
                    } else {
                        exact.append((wordTrie.insert(head), index, range))
                    }
                }
            }
        }
        let builtWords = wordTrie.build()
        words = builtWords
        // Lay the entries out node by node, each node's in file order.
        var categoryOf: [Int32] = [], entryTokenOffsets: [Int32] = [0]
        var starts: [Int32] = [0], isStem: [Bool] = [], text: [UInt32] = []
        func layout(_ list: [(node: Int, category: Int, tokens: Range<Int>)]) -> [Int32] {
            var buckets = [[Int]](repeating: [], count: builtWords.nodeCount)
            for (k, item) in list.enumerated() { buckets[item.node].append(k) }
            var offsets: [Int32] = [Int32(categoryOf.count)]
            offsets.reserveCapacity(builtWords.nodeCount + 1)
            for bucket in buckets {
                for k in bucket {
                    categoryOf.append(Int32(list[k].category))
                    for t in list[k].tokens {
                        text.append(contentsOf: tokenText[Int(tokenStarts[t])..<Int(tokenStarts[t + 1])])
                        starts.append(Int32(text.count))
                        isStem.append(tokenStems[t])
                    }
                    entryTokenOffsets.append(Int32(isStem.count))
                }
                offsets.append(Int32(categoryOf.count))
            }
            return offsets
        }
        exactOffsets = layout(exact)
        stemOffsets = layout(stems)
        entryCategory = categoryOf
        entryTokens = entryTokenOffsets
        tokenStart = starts
        tokenIsStem = isStem
        tokenScalars = text
        substrings = subTrie.build()
        var categoriesPerNode = [UInt64](repeating: 0, count: substrings.nodeCount)
        for (node, category) in subCats { categoriesPerNode[node] |= 1 << UInt64(category) }
        var offsets: [Int32] = [0], flat: [Int32] = []
        for mask in categoriesPerNode {
            for c in 0..<64 where mask & (1 << UInt64(c)) != 0 { flat.append(Int32(c)) }
            offsets.append(Int32(flat.count))
        }
        substringOffsets = offsets
        substringCategories = flat
        substringLengths = (0..<substrings.nodeCount).map { Int32(subLength[$0] ?? 0) }
    }

    /// An entry's whitespace-separated tokens as scalars. Splitting on whitespace scalars equals
    /// splitting on whitespace characters unless a whitespace scalar is followed by a combining
    /// one (then the character split is used, as the reference does).
    private static func tokens(of entry: String, scalars: [UInt32]) -> [[UInt32]] {
        var tokens: [[UInt32]] = []
        var current: [UInt32] = []
        for (k, c) in scalars.enumerated() {
            if ScalarClass.isSpace(c) {
                if k + 1 < scalars.count && scalars[k + 1] >= 0x300 && !ScalarClass.isSpace(scalars[k + 1]) {
                    return entry.split(whereSeparator: { $0.unicodeScalars.allSatisfy { ScalarClass.isSpace($0.value) } })
                        .map { $0.unicodeScalars.map(\.value) }
                }
                if !current.isEmpty { tokens.append(current); current = [] }
            } else {
                current.append(c)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    /// The node reached from `node` along the UTF-8 bytes of `c`, or -1.
    @inline(__always)
    private static func step(_ trie: ByteTrie, _ node: Int, _ c: UInt32) -> Int {
        if c < 0x80 { return trie.child(of: node, byte: UInt8(c)) ?? -1 }
        var n = node
        if c < 0x800 {
            guard let a = trie.child(of: n, byte: UInt8(0xC0 | (c >> 6))) else { return -1 }
            n = a
        } else if c < 0x10000 {
            guard let a = trie.child(of: n, byte: UInt8(0xE0 | (c >> 12))),
                  let b = trie.child(of: a, byte: UInt8(0x80 | ((c >> 6) & 0x3F))) else { return -1 }
            n = b
        } else {
            guard let a = trie.child(of: n, byte: UInt8(0xF0 | (c >> 18))),
                  let b = trie.child(of: a, byte: UInt8(0x80 | ((c >> 12) & 0x3F))),
                  let d = trie.child(of: b, byte: UInt8(0x80 | ((c >> 6) & 0x3F))) else { return -1 }
            n = d
        }
        return trie.child(of: n, byte: UInt8(0x80 | (c & 0x3F))) ?? -1
    }

    /// The hits in `lower`: word entries on `words` (ranges into `lower`), substring entries
    /// from `from` on; one hit per (category, start), the first candidate winning as in the
    /// reference (exact first token, then stems shortest first).
    func match(lower: [UInt32], words wordSlice: ArraySlice<Range<Int>>, from: Int) -> [Hit] {
        var hits: [Hit] = []
        let wordRanges = wordSlice.withContiguousStorageIfAvailable { Array($0) } ?? Array(wordSlice)
        // The trie nodes along the current word that end a stem, shortest first.
        var stemNodes: [Int] = []
        lower.withUnsafeBufferPointer { lower in
            for (i, word) in wordRanges.enumerated() {
                stemNodes.removeAll(keepingCapacity: true)
                var node = 0
                for p in word {
                    node = LexiconMatcher.step(self.words, node, lower[p])
                    if node < 0 { break }
                    if stemOffsets[node + 1] > stemOffsets[node] { stemNodes.append(node) }
                }
                if node >= 0 && exactOffsets[node + 1] == exactOffsets[node] && stemNodes.isEmpty { continue }
                if node < 0 && stemNodes.isEmpty { continue }
                var seen: UInt64 = 0
                func consider(_ e: Int) {
                    let category = Int(entryCategory[e])
                    if seen & (1 << UInt64(category)) != 0 { return }
                    let first = Int(entryTokens[e]), last = Int(entryTokens[e + 1])
                    if i + 1 + (last - first) > wordRanges.count { return }
                    for (j, t) in (first..<last).enumerated() {
                        let w = wordRanges[i + 1 + j]
                        let s = Int(tokenStart[t]), length = Int(tokenStart[t + 1]) - s
                        if tokenIsStem[t] ? w.count < length : w.count != length { return }
                        for k in 0..<length where lower[w.lowerBound + k] != tokenScalars[s + k] { return }
                    }
                    seen |= 1 << UInt64(category)
                    hits.append(Hit(category: category, start: word.lowerBound,
                                    end: wordRanges[i + last - first].upperBound))
                }
                if node >= 0 {
                    for e in Int(exactOffsets[node])..<Int(exactOffsets[node + 1]) { consider(e) }
                }
                for stemNode in stemNodes {
                    for e in Int(stemOffsets[stemNode])..<Int(stemOffsets[stemNode + 1]) { consider(e) }
                }
            }
            guard substrings.rootHasChildren else { return }
            let wordHits = hits.count
            var k = 0
            for pos in from..<lower.count {
                var node = LexiconMatcher.step(substrings, 0, lower[pos])
                if node < 0 { continue }
                // Categories already hit at this position (by a word entry or a shorter substring).
                while k < wordHits && hits[k].start < pos { k += 1 }
                var seen: UInt64 = 0
                var m = k
                while m < wordHits && hits[m].start == pos { seen |= 1 << UInt64(hits[m].category); m += 1 }
                var p = pos + 1
                while true {
                    for c in Int(substringOffsets[node])..<Int(substringOffsets[node + 1]) {
                        let category = Int(substringCategories[c])
                        if seen & (1 << UInt64(category)) == 0 {
                            seen |= 1 << UInt64(category)
                            hits.append(Hit(category: category, start: pos, end: pos + Int(substringLengths[node])))
                        }
                    }
                    guard p < lower.count else { break }
                    node = LexiconMatcher.step(substrings, node, lower[p])
                    if node < 0 { break }
                    p += 1
                }
            }
        }
        return hits
    }
}

/// UTF-8 lengths of scalar values.
enum UTF8Bytes {
    /// The number of UTF-8 bytes of `c`.
    @inline(__always)
    static func length(_ c: UInt32) -> Int { c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4 }
}
