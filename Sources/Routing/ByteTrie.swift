/// A read-only byte trie: node 0 is the root, whose children sit in a 256-entry table; deeper
/// nodes keep their edges sorted in one flat array, searched linearly (they are short).
struct ByteTrie: Sendable {
    private let rootTable: [Int32]
    private let edgeStart: [Int32]
    private let edgeCount: [UInt16]
    private let edgeBytes: [UInt8]
    private let edgeTargets: [Int32]

    /// Number of nodes, root included.
    var nodeCount: Int { edgeStart.count }
    /// Whether any entry exists at all.
    let rootHasChildren: Bool

    fileprivate init(rootTable: [Int32], edgeStart: [Int32], edgeCount: [UInt16], edgeBytes: [UInt8], edgeTargets: [Int32]) {
        self.rootTable = rootTable
        self.edgeStart = edgeStart
        self.edgeCount = edgeCount
        self.edgeBytes = edgeBytes
        self.edgeTargets = edgeTargets
        rootHasChildren = rootTable.contains { $0 >= 0 }
    }

    /// The child of `node` along `byte`, if any.
    @inline(__always)
    func child(of node: Int, byte: UInt8) -> Int? {
        if node == 0 {
            let target = rootTable[Int(byte)]
            return target < 0 ? nil : Int(target)
        }
        let start = Int(edgeStart[node])
        let end = start + Int(edgeCount[node])
        var i = start
        while i < end {
            let b = edgeBytes[i]
            if b == byte { return Int(edgeTargets[i]) }
            if b > byte { return nil }
            i += 1
        }
        return nil
    }
}

/// Builds a `ByteTrie` from UTF-8 byte sequences: nodes in flat arrays (first child, next sibling),
/// so inserting allocates nothing per node beyond the arrays' growth.
struct ByteTrieBuilder {
    private var rootTable = [Int32](repeating: -1, count: 256)
    private var firstChild: [Int32] = [-1]
    private var nextSibling: [Int32] = [-1]
    private var byte: [UInt8] = [0]

    /// The child of `node` along `b`, created when missing.
    private mutating func child(_ node: Int, _ b: UInt8) -> Int {
        if node == 0 {
            if rootTable[Int(b)] >= 0 { return Int(rootTable[Int(b)]) }
            rootTable[Int(b)] = Int32(byte.count)
        } else {
            var k = firstChild[node]
            while k >= 0 {
                if byte[Int(k)] == b { return Int(k) }
                k = nextSibling[Int(k)]
            }
            nextSibling.append(firstChild[node])
            firstChild[node] = Int32(byte.count)
            firstChild.append(-1)
            byte.append(b)
            return byte.count - 1
        }
        nextSibling.append(-1)
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

    /// The finished trie; node numbers are kept.
    func build() -> ByteTrie {
        let count = byte.count
        var starts = [Int32](repeating: 0, count: count)
        var counts = [UInt16](repeating: 0, count: count)
        var bytes: [UInt8] = [], targets: [Int32] = []
        bytes.reserveCapacity(count)
        targets.reserveCapacity(count)
        var edges: [(UInt8, Int32)] = []
        for node in 1..<max(1, count) {
            edges.removeAll(keepingCapacity: true)
            var k = firstChild[node]
            while k >= 0 {
                edges.append((byte[Int(k)], k))
                k = nextSibling[Int(k)]
            }
            if edges.count > 1 { edges.sort { $0.0 < $1.0 } }
            starts[node] = Int32(bytes.count)
            counts[node] = UInt16(edges.count)
            for (b, target) in edges {
                bytes.append(b)
                targets.append(target)
            }
        }
        return ByteTrie(rootTable: rootTable, edgeStart: starts, edgeCount: counts, edgeBytes: bytes, edgeTargets: targets)
    }
}
