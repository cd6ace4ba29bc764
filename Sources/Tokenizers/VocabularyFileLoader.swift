import Crypto
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Loads a `.tiktoken` vocabulary file into a `TokenRankTable`, verifying its SHA-256 first.
///
/// The file format is tiktoken's: one `<base64 of the token bytes> <rank>` per line. The
/// expected digest comes from `SHA256SUMS` in the same directory (`sha256sum` format), so a
/// truncated download or a hand-edited file is refused with an error naming the file instead
/// of silently producing wrong counts. Parsing is by hand (base64 decoded straight into the
/// table's arena) because the load sits on the path from process start to the first count.
enum VocabularyFileLoader {
    /// Name of the checksum file beside the vocabularies.
    static let checksumFileName = "SHA256SUMS"

    /// Loads and verifies the vocabulary file `fileName` from `directory` — or maps the table
    /// compiled from it when `cacheDirectory` holds one for the digest `SHA256SUMS` lists and the
    /// file's size and modification time (`VocabularyTableCache`), compiling one there after an
    /// ordinary load.
    static func load(_ fileName: String, directory: String,
                     cacheDirectory: String? = VocabularyTableCache.defaultDirectory()) throws(VocabularyError) -> TokenRankTable {
        let path = joinPath(directory, fileName)
        let expected = try expectedDigest(of: fileName, directory: directory)
        let stamp = cacheDirectory == nil ? nil : VocabularyTableCache.SourceStamp(path: path)
        if let cacheDirectory, let stamp,
           let table = VocabularyTableCache.load(directory: cacheDirectory, digest: expected, source: stamp,
                                                 sourceMatchesDigest: { streamedDigest(of: path) == expected }) {
            return table
        }
        let file: FileBytes
        switch FileBytes.read(path) {
        case .success(let bytes): file = bytes
        case .failure(let failure):
            let hint = failure.isMissing ? " (fetch it with scripts/fetch-vocab.sh)" : ""
            throw VocabularyError(path: path, description: "vocabulary file \(path) cannot be read: \(failure.reason)\(hint)")
        }
        var hasher = SHA256()
        hasher.update(bufferPointer: UnsafeRawBufferPointer(start: file.base, count: file.count))
        let digest = hasher.finalize()
        let actual = hexString(digest)
        if actual != expected {
            throw VocabularyError(
                path: path,
                description: "vocabulary file \(path) has SHA-256 \(actual) but \(checksumFileName) expects \(expected); "
                    + "the file is corrupt or not the canonical one (fetch it again with scripts/fetch-vocab.sh)")
        }
        let table = try parse(file, path: path)
        if let cacheDirectory, let stamp, stamp == VocabularyTableCache.SourceStamp(path: path) {
            VocabularyTableCache.store(table, directory: cacheDirectory, digest: expected, source: stamp)
        }
        return table
    }

    /// The hex digest `SHA256SUMS` lists for `fileName`.
    static func expectedDigest(of fileName: String, directory: String) throws(VocabularyError) -> String {
        let path = joinPath(directory, checksumFileName)
        let file: FileBytes
        switch FileBytes.read(path) {
        case .success(let bytes): file = bytes
        case .failure(let failure):
            throw VocabularyError(path: path, description: "checksum file \(path) cannot be read: \(failure.reason)")
        }
        let text = String(decoding: UnsafeBufferPointer(start: file.base, count: file.count), as: UTF8.self)
        for line in text.split(separator: "\n") {
            // `sha256sum` lines: "<64 hex>  <name>" (binary mode marks the name with '*').
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count == 2 else { continue }
            var listed = fields[1]
            if listed.hasPrefix("*") { listed = listed.dropFirst() }
            if listed == fileName || listed.hasSuffix("/" + fileName) {
                let digest = fields[0].lowercased()
                guard digest.count == 64, digest.allSatisfy(\.isHexDigit) else {
                    throw VocabularyError(path: path, description: "checksum file \(path) has a malformed digest for \(fileName)")
                }
                return digest
            }
        }
        throw VocabularyError(path: path, description: "checksum file \(path) has no line for \(fileName)")
    }

    /// Parses the verified file contents.
    ///
    /// Two passes: the first decodes every line into the arena and notes each token's home
    /// slot; the second inserts the tokens bucketed by home slot, so the table is filled
    /// window by window instead of with one cache miss per token (that alone was most of the
    /// load time for o200k's 200,000 tokens).
    static func parse(_ file: FileBytes, path: String) throws(VocabularyError) -> TokenRankTable {
        let bytes = file.base
        let size = file.count
        var lineCount = 0
        var scan = 0
        while scan < size, let found = memchr(bytes + scan, Int32(ASCIIByte.lineFeed), size - scan) {
            lineCount += 1
            scan = bytes.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
        }
        let capacity = lineCount + 1
        let table = TokenRankTable(capacity: capacity, arenaBytes: size)

        let offsets = UnsafeMutablePointer<UInt32>.allocate(capacity: capacity)
        let lengths = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        let ranks = UnsafeMutablePointer<UInt32>.allocate(capacity: capacity)
        let homes = UnsafeMutablePointer<UInt32>.allocate(capacity: capacity)
        let lineNumbers = UnsafeMutablePointer<UInt32>.allocate(capacity: capacity)
        defer {
            offsets.deallocate(); lengths.deallocate(); ranks.deallocate()
            homes.deallocate(); lineNumbers.deallocate()
        }
        var tokens = 0
        try Base64Decoder.sextets.withUnsafeBufferPointer { (table64: UnsafeBufferPointer<UInt8>) throws(VocabularyError) in
            var position = 0
            var lineNumber = 0
            while position < size {
                lineNumber += 1
                if bytes[position] == ASCIIByte.lineFeed { position += 1; continue }  // blank line
                var space = position
                while space < size, bytes[space] != ASCIIByte.space, bytes[space] != ASCIIByte.lineFeed { space += 1 }
                func malformed(_ why: String) -> VocabularyError {
                    VocabularyError(path: path, description: "vocabulary file \(path) is malformed at line \(lineNumber): \(why)")
                }
                guard space < size, bytes[space] == ASCIIByte.space else { throw malformed("expected '<base64> <rank>'") }
                let length = Base64Decoder.decode(
                    bytes + position, length: space - position, into: table.arenaCursor, sextets: table64.baseAddress!)
                guard length > 0 else { throw malformed("invalid base64 token") }
                var cursor = space + 1
                var rank = 0
                let digitsStart = cursor
                while cursor < size, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39, cursor - digitsStart < 10 {
                    rank = rank * 10 + Int(bytes[cursor] - 0x30)
                    cursor += 1
                }
                guard cursor > digitsStart, rank < Int(UInt32.max) else { throw malformed("invalid rank") }
                guard cursor == size || bytes[cursor] == ASCIIByte.lineFeed else { throw malformed("unexpected text after the rank") }
                let offset = table.commitArenaBytes(length: length)
                guard offset >= 0 else { throw malformed("a token longer than 255 bytes") }
                offsets[tokens] = UInt32(offset)
                lengths[tokens] = UInt8(length)
                ranks[tokens] = UInt32(rank)
                homes[tokens] = UInt32(table.registerToken(arenaOffset: offset, length: length))
                lineNumbers[tokens] = UInt32(lineNumber)
                tokens += 1
                position = cursor + 1
            }
        }

        // Counting sort of the tokens into 1,024 buckets of consecutive home slots (stable, so
        // of two equal tokens the later line is the one reported as the duplicate).
        let bucketShift = max(0, table.slotBits - 10)
        var bucketStarts = [Int](repeating: 0, count: 1025)
        for t in 0..<tokens { bucketStarts[Int(homes[t]) >> bucketShift + 1] += 1 }
        for b in 0..<1024 { bucketStarts[b + 1] += bucketStarts[b] }
        let order = UnsafeMutablePointer<UInt32>.allocate(capacity: max(tokens, 1))
        defer { order.deallocate() }
        for t in 0..<tokens {
            let b = Int(homes[t]) >> bucketShift
            order[bucketStarts[b]] = UInt32(t)
            bucketStarts[b] += 1
        }
        for i in 0..<tokens {
            let t = Int(order[i])
            if !table.insert(arenaOffset: Int(offsets[t]), length: Int(lengths[t]), rank: ranks[t], homeSlot: Int(homes[t])) {
                throw VocabularyError(
                    path: path, description: "vocabulary file \(path) is malformed at line \(lineNumbers[t]): duplicate token")
            }
        }
        for byte in 0..<256 where table.byteRanks[byte] == TokenRankTable.absent {
            throw VocabularyError(
                path: path, description: "vocabulary file \(path) lacks the single-byte token 0x\(String(byte, radix: 16))")
        }
        return table
    }

    /// The hex SHA-256 of the file at `path`, read in 256 KiB pieces (nothing the size of the
    /// file is held), or `nil` when it cannot be read.
    static func streamedDigest(of path: String) -> String? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        let chunk = 1 << 18
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        var hasher = SHA256()
        while true {
            let n = read(fd, buffer, chunk)
            if n < 0 && errno == EINTR { continue }
            if n < 0 { return nil }
            if n == 0 { break }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(start: buffer, count: n))
        }
        return hexString(hasher.finalize())
    }

    private static func joinPath(_ directory: String, _ file: String) -> String {
        directory.hasSuffix("/") ? directory + file : directory + "/" + file
    }

    private static func hexString(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
