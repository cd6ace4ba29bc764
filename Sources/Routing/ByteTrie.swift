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

    fileprivate init(children: [[UInt8: Int]]) {
        var table = [Int32](repeating: -1, count: 256)
        for (byte, child) in children[0] { table[Int(byte)] = Int32(child) }
        rootTable = table
        var starts: [Int32] = [], counts: [UInt16] = [], bytes: [UInt8] = [], targets: [Int32] = []
        for node in children {
            starts.append(Int32(bytes.count))
            counts.append(UInt16(node.count))
            for (byte, child) in node.sorted(by: { $0.key < $1.key }) {
                bytes.append(byte)
                targets.append(Int32(child))
            }
        }
        edgeStart = starts
        edgeCount = counts
        edgeBytes = bytes
        edgeTargets = targets
        rootHasChildren = !children[0].isEmpty
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

/// Builds a `ByteTrie` from scalar sequences.
struct ByteTrieBuilder {
    private var children: [[UInt8: Int]] = [[:]]

    /// Inserts `scalars` (as UTF-8) and returns the node where it ends.
    mutating func insert(_ scalars: [UInt32]) -> Int {
        var node = 0
        var buffer = [UInt8](repeating: 0, count: 4)
        for c in scalars {
            let n = UTF8Bytes.encode(c, into: &buffer)
            for b in buffer[0..<n] {
                if let next = children[node][b] {
                    node = next
                } else {
                    children.append([:])
                    children[node][b] = children.count - 1
                    node = children.count - 1
                }
            }
        }
        return node
    }

    /// The finished trie; node numbers are kept.
    func build() -> ByteTrie { ByteTrie(children: children) }
}
