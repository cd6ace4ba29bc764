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
    /// One bit per BMP scalar that starts a substring entry (`0x10000 / 64` words): most
    /// positions of a prompt start none and are passed over without a trie step. Scalars
    /// beyond the BMP are always stepped.
    private let substringFirsts: [UInt64]
    /// Word-trie node tags: a stem (`x*`) first token ends here; an exact first token ends here.
    private static let endsStem: UInt16 = 1, endsExact: UInt16 = 2

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
        var subLengths: [(node: Int, length: Int)] = []
        var subFirsts: [UInt32] = []
        for (category, languages) in lexicons {
            guard let index = categories.firstIndex(of: category) else {
                throw RoutingFileError(field: "lexicons.\(category)", message: "is not a lexicon feature of this build "
                                       + "(known: \(categories.joined(separator: ", ")))")
            }
            for (language, entries) in languages {
                for entry in entries {
                    let bytes = Array(entry.utf8)
                    guard let first = LexiconMatcher.scalar(in: bytes, at: 0)?.value else {
                        throw RoutingFileError(field: "lexicons.\(category).\(language)", message: "has an empty entry")
                    }
                    if first == 0x7E || ScalarClass.isCJK(first) || ScalarClass.isHangul(first) {
                        let body = first == 0x7E ? bytes[1...] : bytes[...]
                        guard !body.isEmpty else {
                            throw RoutingFileError(field: "lexicons.\(category).\(language)", message: "has an empty \"~\" entry")
                        }
                        let node = subTrie.insert(bytes: body)
                        subFirsts.append(LexiconMatcher.scalar(in: Array(body), at: 0)!.value)
                        subCats.append((node, index))
                        subLengths.append((node, body.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }))
                        continue
                    }
                    // Most entries are one word: no byte that can start a whitespace scalar.
                    let oneWord = !bytes.contains { $0 <= 0x20 || $0 == 0xC2 || $0 == 0xE1 || $0 == 0xE2 || $0 == 0xE3 }
                    let tokens = oneWord ? [0..<bytes.count] : LexiconMatcher.tokens(of: entry, bytes: bytes)
                    guard var head = tokens.first else {
                        throw RoutingFileError(field: "lexicons.\(category).\(language)", message: "has a blank entry")
                    }
                    let firstToken = tokenStems.count
                    for token in tokens.dropFirst() {
                        var k = token.lowerBound
                        while let (c, next) = LexiconMatcher.scalar(in: bytes, at: k), next <= token.upperBound {
                            tokenText.append(c)
                            k = next
                        }
                        let stem = tokenText.last == 0x2A
                        if stem { tokenText.removeLast() }
                        tokenStarts.append(Int32(tokenText.count))
                        tokenStems.append(stem)
                    }
                    let range = firstToken..<tokenStems.count
                    let stem = bytes[head.upperBound - 1] == 0x2A
                    if stem { head = head.lowerBound..<(head.upperBound - 1) }
                    let node = wordTrie.insert(bytes: bytes[head])
                    if stem { stems.append((node, index, range)) } else { exact.append((node, index, range)) }
                }
            }
        }
        // Tag the nodes that end a stem or an exact first token, so the walk asks one word.
        let builtWords = wordTrie.build(tags: stems.map { ($0.node, LexiconMatcher.endsStem) }
                                            + exact.map { ($0.node, LexiconMatcher.endsExact) })
        words = builtWords
        // Lay the entries out node by node, each node's in file order.
        var categoryOf: [Int32] = [], entryTokenOffsets: [Int32] = [0]
        var starts: [Int32] = [0], isStem: [Bool] = [], text: [UInt32] = []
        func layout(_ list: [(node: Int, category: Int, tokens: Range<Int>)]) -> [Int32] {
            // A counting sort by node keeps each node's entries in file order.
            let nodeCount = builtWords.nodeCount
            var offsets = [Int32](repeating: 0, count: nodeCount + 1)
            for item in list { offsets[item.node + 1] += 1 }
            for k in 0..<nodeCount { offsets[k + 1] += offsets[k] }
            var order = [Int](repeating: 0, count: list.count)
            var next = offsets
            for (k, item) in list.enumerated() {
                order[Int(next[item.node])] = k
                next[item.node] += 1
            }
            let base = Int32(categoryOf.count)
            for k in order {
                categoryOf.append(Int32(list[k].category))
                for t in list[k].tokens {
                    text.append(contentsOf: tokenText[Int(tokenStarts[t])..<Int(tokenStarts[t + 1])])
                    starts.append(Int32(text.count))
                    isStem.append(tokenStems[t])
                }
                entryTokenOffsets.append(Int32(isStem.count))
            }
            return offsets.map { $0 + base }
        }
        exactOffsets = layout(exact)
        stemOffsets = layout(stems)
        entryCategory = categoryOf
        entryTokens = entryTokenOffsets
        tokenStart = starts
        tokenIsStem = isStem
        tokenScalars = text
        substrings = subTrie.build()
        var firsts = [UInt64](repeating: 0, count: 0x10000 / 64)
        for first in subFirsts where first < 0x10000 { firsts[Int(first >> 6)] |= 1 << UInt64(first & 63) }
        substringFirsts = firsts
        var categoriesPerNode = [UInt64](repeating: 0, count: substrings.nodeCount)
        for (node, category) in subCats { categoriesPerNode[node] |= 1 << UInt64(category) }
        var offsets: [Int32] = [0], flat: [Int32] = []
        offsets.reserveCapacity(categoriesPerNode.count + 1)
        for mask in categoriesPerNode {
            // Set bits only, lowest first: most nodes have none, and testing all 64 bits of
            // every node of the substring trie was wasted work at every load.
            var rest = mask
            while rest != 0 {
                flat.append(Int32(rest.trailingZeroBitCount))
                rest &= rest - 1
            }
            offsets.append(Int32(flat.count))
        }
        substringOffsets = offsets
        substringCategories = flat
        var lengths = [Int32](repeating: 0, count: substrings.nodeCount)
        for (node, length) in subLengths { lengths[node] = Int32(length) }
        substringLengths = lengths
    }

    /// The scalar starting at byte `k` of well-formed UTF-8 and the offset after it.
    private static func scalar(in bytes: [UInt8], at k: Int) -> (value: UInt32, next: Int)? {
        guard k < bytes.count else { return nil }
        let b0 = UInt32(bytes[k])
        if b0 < 0x80 { return (b0, k + 1) }
        if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(bytes[k + 1] & 0x3F), k + 2) }
        if b0 < 0xF0 {
            return ((b0 & 0x0F) << 12 | UInt32(bytes[k + 1] & 0x3F) << 6 | UInt32(bytes[k + 2] & 0x3F), k + 3)
        }
        return ((b0 & 0x07) << 18 | UInt32(bytes[k + 1] & 0x3F) << 12 | UInt32(bytes[k + 2] & 0x3F) << 6
                | UInt32(bytes[k + 3] & 0x3F), k + 4)
    }

    /// An entry's whitespace-separated tokens, as byte ranges of its UTF-8. Splitting at
    /// whitespace scalars equals the reference's split at whitespace characters unless a
    /// whitespace scalar is followed by a combining one; such an entry is split by characters.
    private static func tokens(of entry: String, bytes: [UInt8]) -> [Range<Int>] {
        var tokens: [Range<Int>] = []
        var start = 0, k = 0
        while let (c, next) = scalar(in: bytes, at: k) {
            if ScalarClass.isSpace(c) {
                if let (d, _) = scalar(in: bytes, at: next), d >= 0x300, !ScalarClass.isSpace(d) {
                    return characterTokens(of: entry)
                }
                if k > start { tokens.append(start..<k) }
                start = next
            }
            k = next
        }
        if k > start { tokens.append(start..<k) }
        return tokens
    }

    /// `tokens(of:bytes:)` by characters (`String.split` at all-whitespace characters).
    private static func characterTokens(of entry: String) -> [Range<Int>] {
        let utf8 = entry.utf8
        return entry.split(whereSeparator: { $0.unicodeScalars.allSatisfy { ScalarClass.isSpace($0.value) } }).map {
            utf8.distance(from: utf8.startIndex, to: $0.startIndex)..<utf8.distance(from: utf8.startIndex, to: $0.endIndex)
        }
    }

    /// The node reached from `node` along the UTF-8 bytes of `c`, or -1.
    @inline(__always)
    static func step(_ trie: ByteTrie, _ node: Int, _ c: UInt32) -> Int {
        if c < 0x80 { return trie.child(of: node, byte: UInt8(c)) }
        var n = node
        if c < 0x800 {
            n = trie.child(of: n, byte: UInt8(0xC0 | (c >> 6)))
        } else if c < 0x10000 {
            n = trie.child(of: n, byte: UInt8(0xE0 | (c >> 12)))
            if n >= 0 { n = trie.child(of: n, byte: UInt8(0x80 | ((c >> 6) & 0x3F))) }
        } else {
            n = trie.child(of: n, byte: UInt8(0xF0 | (c >> 18)))
            if n >= 0 { n = trie.child(of: n, byte: UInt8(0x80 | ((c >> 12) & 0x3F))) }
            if n >= 0 { n = trie.child(of: n, byte: UInt8(0x80 | ((c >> 6) & 0x3F))) }
        }
        return n < 0 ? -1 : trie.child(of: n, byte: UInt8(0x80 | (c & 0x3F)))
    }

    /// The hits in `lower`: word entries on `words` (ranges into `lower`), substring entries
    /// from `from` on; one hit per (category, start), the first candidate winning as in the
    /// reference (exact first token, then stems shortest first).
    func match(lower: [UInt32], words wordRanges: [Range<Int>], firstWord: Int, from: Int) -> [Hit] {
        // Walked through buffer pointers (no bounds check per scalar): the word ranges index
        // `lower`, and `consider` checks an entry's later tokens against `words.count`.
        lower.withUnsafeBufferPointer { lower in
            wordRanges.withUnsafeBufferPointer { wordRanges in
                match(lower: lower, words: wordRanges, firstWord: firstWord, from: from)
            }
        }
    }

    /// `match` on buffer pointers.
    private func match(lower: UnsafeBufferPointer<UInt32>, words wordRanges: UnsafeBufferPointer<Range<Int>>,
                       firstWord: Int, from: Int) -> [Hit] {
        var hits: [Hit] = []
        hits.reserveCapacity(16)
        // The trie nodes along the current word that end a stem, shortest first (emptied only
        // when used: most words end no stem, and clearing an array costs a call).
        var stemNodes: [Int] = []
        stemNodes.reserveCapacity(8)
        for i in firstWord..<wordRanges.count {
            let word = wordRanges[i]
            if !stemNodes.isEmpty { stemNodes.removeAll(keepingCapacity: true) }
            var node = 0
            for p in word {
                let c = lower[p]
                // ASCII inline; the multi-byte step is a call.
                node = c < 0x80 ? words.child(of: node, byte: UInt8(truncatingIfNeeded: c)) : LexiconMatcher.step(words, node, c)
                if node < 0 { break }
                if words.tag(node) & LexiconMatcher.endsStem != 0 { stemNodes.append(node) }
            }
            if stemNodes.isEmpty && (node < 0 || words.tag(node) & LexiconMatcher.endsExact == 0) { continue }
            var seen: UInt64 = 0
            if node >= 0 {
                for e in Int(exactOffsets[node])..<Int(exactOffsets[node + 1]) {
                    consider(e, word: i, lower: lower, words: wordRanges, seen: &seen, hits: &hits)
                }
            }
            for stemNode in stemNodes {
                for e in Int(stemOffsets[stemNode])..<Int(stemOffsets[stemNode + 1]) {
                    consider(e, word: i, lower: lower, words: wordRanges, seen: &seen, hits: &hits)
                }
            }
        }
        guard substrings.rootHasChildren else { return hits }
        let wordHits = hits.count
        var k = 0
        for pos in from..<lower.count {
            let c = lower[pos]
            if c < 0x10000 && substringFirsts[Int(c >> 6)] & (1 << UInt64(c & 63)) == 0 { continue }
            var node = LexiconMatcher.step(substrings, 0, c)
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
        return hits
    }

    /// Word entry `e` at word `i`: when its later tokens follow and its category has no hit
    /// at this word yet (`seen`), a hit.
    @inline(__always)
    private func consider(_ e: Int, word i: Int, lower: UnsafeBufferPointer<UInt32>, words: UnsafeBufferPointer<Range<Int>>,
                          seen: inout UInt64, hits: inout [Hit]) {
        let category = Int(entryCategory[e])
        if seen & (1 << UInt64(category)) != 0 { return }
        let first = Int(entryTokens[e]), last = Int(entryTokens[e + 1])
        if i + 1 + (last - first) > words.count { return }
        var j = i + 1
        for t in first..<last {
            let w = words[j]
            let s = Int(tokenStart[t]), length = Int(tokenStart[t + 1]) - s
            if tokenIsStem[t] ? w.count < length : w.count != length { return }
            for k in 0..<length where lower[w.lowerBound + k] != tokenScalars[s + k] { return }
            j += 1
        }
        seen |= 1 << UInt64(category)
        hits.append(Hit(category: category, start: words[i].lowerBound, end: words[i + last - first].upperBound))
    }
}

/// UTF-8 lengths of scalar values.
enum UTF8Bytes {
    /// The number of UTF-8 bytes of `c`.
    @inline(__always)
    static func length(_ c: UInt32) -> Int { c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4 }
}
