/// A read-only byte trie: node 0 is the root, whose children sit in a 256-entry table; deeper
/// nodes keep their edges sorted in one flat array, searched linearly (they are short).
///
/// A node is one 64-bit word (first edge, edge count and a 16-bit tag its owner chose) and an
/// edge one 32-bit word (target and byte), so a step reads two arrays, not five: the lexicon
/// walks this trie at every scalar of every word, and it was a fifth of scoring. A node with
/// `wideFanout` or more children (the letters after a word's first letter) has a 256-entry
/// row of targets instead, read in one step rather than searched.
struct ByteTrie: Sendable {
    private let rootTable: [Int32]
    /// Per node: first edge or row start (bits 0–31), edge count or `wideMark` (32–47), tag (48–63).
    private let nodes: [UInt64]
    /// Per edge: target node (bits 8–31) and byte (0–7), each node's edges ascending by byte.
    private let edges: [UInt32]
    /// The wide nodes' rows: 256 targets each (-1: no child).
    private let rows: [Int32]
    /// The edge-count value that marks a wide node.
    fileprivate static let wideMark: UInt64 = 0xFFFF
    /// Children from which a node gets a row.
    fileprivate static let wideFanout = 8

    /// Number of nodes, root included.
    var nodeCount: Int { nodes.count }
    /// Whether any entry exists at all.
    let rootHasChildren: Bool

    fileprivate init(rootTable: [Int32], nodes: [UInt64], edges: [UInt32], rows: [Int32]) {
        self.rootTable = rootTable
        self.nodes = nodes
        self.edges = edges
        self.rows = rows
        rootHasChildren = rootTable.contains { $0 >= 0 }
    }

    /// The child of `node` along `byte`, or -1.
    @inline(__always)
    func child(of node: Int, byte: UInt8) -> Int {
        if node == 0 { return Int(rootTable[Int(byte)]) }
        let info = nodes[node]
        var i = Int(truncatingIfNeeded: info & 0xFFFF_FFFF)
        let count = (info >> 32) & 0xFFFF
        if count == ByteTrie.wideMark { return Int(rows[i &+ Int(byte)]) }
        let end = i &+ Int(truncatingIfNeeded: count)
        while i < end {
            let edge = edges[i]
            let b = UInt8(truncatingIfNeeded: edge)
            if b == byte { return Int(edge >> 8) }
            if b > byte { return -1 }
            i &+= 1
        }
        return -1
    }

    /// The tag given to `node` when the trie was built (0 when none).
    @inline(__always)
    func tag(_ node: Int) -> UInt16 { UInt16(truncatingIfNeeded: nodes[node] >> 48) }
}

/// Builds a `ByteTrie` from UTF-8 byte sequences: nodes in flat arrays (first child, next sibling
/// in byte order), so inserting allocates nothing per node beyond the arrays' growth.
struct ByteTrieBuilder {
    private var rootTable = [Int32](repeating: -1, count: 256)
    private var firstChild: [Int32] = [-1]
    private var nextSibling: [Int32] = [-1]
    private var byte: [UInt8] = [0]

    /// The child of `node` along `b`, created when missing. Siblings stay sorted by byte.
    @inline(__always)
    private mutating func child(_ node: Int, _ b: UInt8) -> Int {
        if node == 0 {
            let existing = rootTable[Int(b)]
            if existing >= 0 { return Int(existing) }
            rootTable[Int(b)] = Int32(byte.count)
            nextSibling.append(-1)
        } else {
            var previous: Int32 = -1
            var k = firstChild[node]
            while k >= 0 && byte[Int(k)] < b {
                previous = k
                k = nextSibling[Int(k)]
            }
            if k >= 0 && byte[Int(k)] == b { return Int(k) }
            nextSibling.append(k)
            if previous < 0 { firstChild[node] = Int32(byte.count) } else { nextSibling[Int(previous)] = Int32(byte.count) }
        }
        firstChild.append(-1)
        byte.append(b)
        return byte.count - 1
    }

    /// Inserts UTF-8 `bytes` and returns the node where they end.
    mutating func insert(bytes: ArraySlice<UInt8>) -> Int {
        var node = 0
        for b in bytes { node = child(node, b) }
        return node
    }

    /// The finished trie; node numbers are kept. `tags` (node, bits) are OR-ed into each
    /// node's tag, for the owner's per-node facts (which nodes end an entry).
    func build(tags: [(node: Int, bits: UInt16)] = []) -> ByteTrie {
        let count = byte.count
        precondition(count < 1 << 24, "a byte trie holds fewer than 16,777,216 nodes")
        var nodes = [UInt64](repeating: 0, count: max(1, count))
        var edges: [UInt32] = []
        edges.reserveCapacity(count)
        var rows: [Int32] = []
        for node in 1..<max(1, count) {
            let start = edges.count
            var k = firstChild[node]
            while k >= 0 {
                edges.append(UInt32(k) << 8 | UInt32(byte[Int(k)]))
                k = nextSibling[Int(k)]
            }
            let fanout = edges.count - start
            if fanout >= ByteTrie.wideFanout {
                // A row instead of the edges.
                let row = rows.count
                rows.append(contentsOf: repeatElement(-1, count: 256))
                for edge in edges[start...] { rows[row + Int(edge & 0xFF)] = Int32(edge >> 8) }
                edges.removeSubrange(start...)
                nodes[node] = UInt64(row) | ByteTrie.wideMark << 32
            } else {
                nodes[node] = UInt64(start) | UInt64(fanout) << 32
            }
        }
        for (node, bits) in tags { nodes[node] |= UInt64(bits) << 48 }
        return ByteTrie(rootTable: rootTable, nodes: nodes, edges: edges, rows: rows)
    }
}
