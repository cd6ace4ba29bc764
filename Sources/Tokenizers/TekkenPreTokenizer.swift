/// Mistral's Tekken v3 pre-tokenizer: o200k's pattern without the contraction suffixes and with
/// single digits (`tekken_240911.json`'s `config.pattern`, run by tiktoken; see
/// `O200kStyleScanner`).
struct TekkenPreTokenizer: PreTokenizer {
    let scanner: O200kStyleScanner<TekkenPattern>

    init(classes: ScalarClassLookup = ScalarClassTable.shared.lookup) {
        scanner = O200kStyleScanner(classes: classes)
    }

    @inline(__always)
    func pieceEnd(_ text: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        scanner.pieceEnd(text, from: start, to: end)
    }
}
