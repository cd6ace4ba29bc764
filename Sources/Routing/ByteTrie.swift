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

    /// The finished trie; node numbers are kept.
    func build() -> ByteTrie {
        let count = byte.count
        var starts = [Int32](repeating: 0, count: count)
        var counts = [UInt16](repeating: 0, count: count)
        var bytes: [UInt8] = [], targets: [Int32] = []
        bytes.reserveCapacity(count)
        targets.reserveCapacity(count)
        for node in 1..<max(1, count) {
            starts[node] = Int32(bytes.count)
            var k = firstChild[node]
            while k >= 0 {
                bytes.append(byte[Int(k)])
                targets.append(k)
                k = nextSibling[Int(k)]
            }
            counts[node] = UInt16(bytes.count - Int(starts[node]))
        }
        return ByteTrie(rootTable: rootTable, edgeStart: starts, edgeCount: counts, edgeBytes: bytes, edgeTargets: targets)
    }
}
