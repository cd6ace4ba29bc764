/// The o200k_base pre-tokenizer (tiktoken's pattern, see `O200kStyleScanner`).
struct O200kPreTokenizer: PreTokenizer {
    let scanner: O200kStyleScanner<O200kBasePattern>

    init(classes: ScalarClassLookup = ScalarClassTable.shared.lookup) {
        scanner = O200kStyleScanner(classes: classes)
    }

    @inline(__always)
    func pieceEnd(_ text: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        scanner.pieceEnd(text, from: start, to: end)
    }

    /// After a line feed followed by neither white space nor `/` (see `LineStartSplitRule`).
    func splitPoint(_ text: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int? {
        LineStartSplitRule.splitPoint(text, from: start, to: end, classes: scanner.classes)
    }
}
