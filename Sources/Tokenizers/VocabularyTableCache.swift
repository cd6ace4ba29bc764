#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Compiled copies of loaded vocabulary tables, so that a later process maps a vocabulary in
/// place instead of reading, hashing and parsing its `.tiktoken` file and building the table.
///
/// The `.tiktoken` files and `SHA256SUMS` stay the source of truth: a table is compiled only from
/// a file that verified against `SHA256SUMS`, and it is filed under that digest together with the
/// file's size and modification time: a table is used when the file still has that size and
/// time, or else when the file's bytes hash to the digest now (another copy of the same file, as
/// in a second checkout), so a changed or replaced `.tiktoken` file (or checksum list) finds no
/// match and is loaded, verified and compiled afresh. A cache file that is truncated,
/// partly written or damaged fails its header or body checksum and is ignored (and overwritten
/// by the next load), so the worst a bad cache can do is cost the ordinary load. The body is
/// checked with `pread` into a small buffer rather than through the mapping, so only the pages a
/// count touches become part of the process's memory. Files live in `$PREFLIGHT_VOCAB_CACHE`
/// when set (empty or `off`: no cache), else `$XDG_CACHE_HOME/preflight/vocab`, else
/// `$HOME/.cache/preflight/vocab`; writing is best effort (a read-only home just means no cache).
enum VocabularyTableCache {
    /// Bumped whenever the table layout or its hash changes (the header also records a hash
    /// fingerprint, so a forgotten bump still cannot map a table built with another hash).
    static let formatVersion: UInt64 = 1
    private static let magic: UInt64 = 0x3142_4154_5646_5050   // "PPFVTAB1", little-endian

    /// What identifies the `.tiktoken` file a table was compiled from, besides its digest.
    struct SourceStamp: Equatable {
        let size: UInt64
        let modifiedSeconds: UInt64
        let modifiedNanoseconds: UInt64

        /// The stamp of the file at `path`, or `nil` when it cannot be read.
        init?(path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            size = UInt64(info.st_size)
            #if canImport(Darwin)
            modifiedSeconds = UInt64(truncatingIfNeeded: info.st_mtimespec.tv_sec)
            modifiedNanoseconds = UInt64(truncatingIfNeeded: info.st_mtimespec.tv_nsec)
            #else
            modifiedSeconds = UInt64(truncatingIfNeeded: info.st_mtim.tv_sec)
            modifiedNanoseconds = UInt64(truncatingIfNeeded: info.st_mtim.tv_nsec)
            #endif
        }
    }

    /// The cache directory from the environment (see the type's documentation), or `nil`.
    static func defaultDirectory() -> String? {
        func variable(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }
        if let explicit = variable("PREFLIGHT_VOCAB_CACHE") {
            return explicit.isEmpty || explicit == "off" ? nil : explicit
        }
        if let xdg = variable("XDG_CACHE_HOME"), xdg.hasPrefix("/") { return xdg + "/preflight/vocab" }
        if let home = variable("HOME"), !home.isEmpty { return home + "/.cache/preflight/vocab" }
        return nil
    }

    /// The cache file for the vocabulary whose `SHA256SUMS` digest is `digest`.
    static func path(directory: String, digest: String) -> String {
        "\(directory)/\(digest).v\(formatVersion).table"
    }

    /// A fingerprint of the table hash, so a table hashed differently is never mapped.
    private static var hashFingerprint: UInt64 {
        let probe: [UInt8] = Array("preflight vocabulary table".utf8) + [UInt8](repeating: 0, count: 8)
        return probe.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!
            let length = buffer.count - 8
            return TokenRankLookup.hash(base, length, key: TokenRankLookup.loadKey(base, length, limit: base + buffer.count),
                                        limit: base + buffer.count)
        }
    }

    // Header words (little-endian UInt64), then the digest's 64 hex digits.
    private enum Field: Int, CaseIterable {
        case magic, formatVersion, slotStride, filterBits, hashFingerprint, sourceSize, sourceSeconds, sourceNanoseconds
        case slotCount, arenaUsed, count, maxTokenLength, bodyChecksum, headerChecksum
    }
    private static let digestOffset = Field.allCases.count * 8

    /// The compiled table for `digest` and `source`, mapped in place, or `nil` when there is none
    /// that matches and checks out. A table compiled from another copy of the same file (same
    /// digest, another size or modification time: a second checkout) is used when
    /// `sourceMatchesDigest` confirms the file's bytes hash to `digest`, which is asked only then.
    static func load(directory: String, digest: String, source: SourceStamp,
                     sourceMatchesDigest: () -> Bool) -> TokenRankTable? {
        let path = path(directory: directory, digest: digest)
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        let fileSize = Int(info.st_size)
        guard fileSize > VocabularyTableLayout.headerBytes else { return nil }
        let chunk = 1 << 18
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 8)
        defer { buffer.deallocate() }
        guard readFully(fd, buffer, count: VocabularyTableLayout.headerBytes, at: 0) else { return nil }
        let words = buffer.assumingMemoryBound(to: UInt64.self)
        func field(_ f: Field) -> UInt64 { UInt64(littleEndian: words[f.rawValue]) }
        var headerSum = TableChecksum()
        headerSum.update(buffer, count: Field.headerChecksum.rawValue * 8)
        let storedDigest = String(decoding: UnsafeRawBufferPointer(start: buffer + digestOffset, count: 64), as: UTF8.self)
        guard field(.magic) == magic, field(.formatVersion) == formatVersion,
              field(.headerChecksum) == headerSum.value, storedDigest == digest,
              field(.slotStride) == UInt64(MemoryLayout<TokenRankTable.Slot>.stride),
              field(.filterBits) == UInt64(TokenRankTable.filterBits), field(.hashFingerprint) == hashFingerprint
        else { return nil }
        let sameStamp = field(.sourceSize) == source.size && field(.sourceSeconds) == source.modifiedSeconds
            && field(.sourceNanoseconds) == source.modifiedNanoseconds
        guard sameStamp || sourceMatchesDigest() else { return nil }
        // The buffer is reused for the body: keep what the header says first.
        let slotCount = Int(field(.slotCount)), arenaUsed = Int(field(.arenaUsed))
        let count = Int(field(.count)), maxTokenLength = Int(field(.maxTokenLength))
        let bodyChecksum = field(.bodyChecksum)
        guard slotCount > 0, slotCount & (slotCount - 1) == 0, slotCount <= 1 << 26, arenaUsed < 1 << 24 else { return nil }
        let layout = VocabularyTableLayout(slotCount: slotCount, arenaUsed: arenaUsed)
        guard layout.fileLength == fileSize else { return nil }
        var bodySum = TableChecksum()
        var offset = VocabularyTableLayout.headerBytes
        while offset < fileSize {
            let n = min(chunk, fileSize - offset)
            guard readFully(fd, buffer, count: n, at: offset) else { return nil }
            bodySum.update(buffer, count: n)
            offset += n
        }
        guard bodySum.value == bodyChecksum else { return nil }
        guard let base = mmap(nil, fileSize, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else { return nil }
        return TokenRankTable(mappedFile: base, length: fileSize, layout: layout, count: count,
                              maxTokenLength: maxTokenLength)
    }

    /// Compiles `table` (loaded from the file with `digest` and `source`) into the cache, best
    /// effort: written to a temporary file and renamed into place, so a reader never sees half a
    /// file under the final name; failures are ignored.
    static func store(_ table: TokenRankTable, directory: String, digest: String, source: SourceStamp) {
        guard makeDirectories(directory) else { return }
        let final = path(directory: directory, digest: digest)
        let temporary = final + ".tmp-\(getpid())"
        let fd = open(temporary, O_CREAT | O_WRONLY | O_TRUNC, 0o644)
        guard fd >= 0 else { return }
        let layout = VocabularyTableLayout(slotCount: table.slotCount, arenaUsed: table.arenaUsed)
        // The body first (its checksum goes into the header), the header last.
        var writer = SectionWriter(fd: fd, offset: VocabularyTableLayout.headerBytes)
        writer.append(UnsafeRawPointer(table.slots), count: layout.slotCount * MemoryLayout<TokenRankTable.Slot>.stride)
        writer.pad(to: layout.arenaOffset)
        writer.append(UnsafeRawPointer(table.arena), count: layout.arenaUsed + 8)
        writer.pad(to: layout.byteRanksOffset)
        writer.append(UnsafeRawPointer(table.byteRanks), count: 256 * 4)
        writer.pad(to: layout.pairRanksOffset)
        writer.append(UnsafeRawPointer(table.pairRanks), count: 65536 * 4)
        writer.pad(to: layout.presenceOffset)
        writer.append(UnsafeRawPointer(table.presence), count: TokenRankTable.filterBits / 8)
        writer.pad(to: layout.fileLength)
        var ok = writer.flush()

        var header = [UInt64](repeating: 0, count: VocabularyTableLayout.headerBytes / 8)
        let values: [Field: UInt64] = [
            .magic: magic, .formatVersion: formatVersion, .slotStride: UInt64(MemoryLayout<TokenRankTable.Slot>.stride),
            .filterBits: UInt64(TokenRankTable.filterBits), .hashFingerprint: hashFingerprint,
            .sourceSize: source.size, .sourceSeconds: source.modifiedSeconds, .sourceNanoseconds: source.modifiedNanoseconds,
            .slotCount: UInt64(layout.slotCount), .arenaUsed: UInt64(layout.arenaUsed), .count: UInt64(table.count),
            .maxTokenLength: UInt64(table.maxTokenLength), .bodyChecksum: writer.checksum.value,
        ]
        for (field, value) in values { header[field.rawValue] = value.littleEndian }
        header.withUnsafeMutableBytes { bytes in
            let digestBytes = Array(digest.utf8.prefix(64))
            for (i, byte) in digestBytes.enumerated() { bytes[digestOffset + i] = byte }
            var sum = TableChecksum()
            sum.update(bytes.baseAddress!, count: Field.headerChecksum.rawValue * 8)
            bytes.storeBytes(of: sum.value.littleEndian, toByteOffset: Field.headerChecksum.rawValue * 8, as: UInt64.self)
            ok = ok && pwrite(fd, bytes.baseAddress!, bytes.count, 0) == bytes.count
        }
        ok = close(fd) == 0 && ok
        if !ok || rename(temporary, final) != 0 { unlink(temporary) }
    }

    /// Writes the file in order through a 1 MiB buffer, checksumming what it writes.
    private struct SectionWriter {
        let fd: Int32
        var written: Int
        var checksum = TableChecksum()
        private var buffer = [UInt8]()
        private var failed = false

        init(fd: Int32, offset: Int) {
            self.fd = fd
            written = offset
            failed = lseek(fd, off_t(offset), SEEK_SET) != off_t(offset)
            buffer.reserveCapacity(1 << 20)
        }

        /// Appends `count` bytes in pieces of at most 1 MiB, so the buffer never holds a whole
        /// section (the slots are up to 16 MiB).
        mutating func append(_ bytes: UnsafeRawPointer, count: Int) {
            var done = 0
            while done < count {
                let n = min(count - done, 1 << 20)
                buffer.append(contentsOf: UnsafeRawBufferPointer(start: bytes + done, count: n))
                done += n
                if buffer.count >= 1 << 20 { _ = drain(keepingTail: true) }
            }
            written += count
        }

        mutating func pad(to offset: Int) {
            if offset > written {
                buffer.append(contentsOf: repeatElement(0, count: offset - written))
                written = offset
            }
        }

        /// Writes whole 32-byte blocks (all of it at the end: the file length is 4 KiB-aligned).
        private mutating func drain(keepingTail: Bool) -> Bool {
            let n = keepingTail ? buffer.count / 32 * 32 : buffer.count
            buffer.withUnsafeBytes { bytes in
                checksum.update(bytes.baseAddress!, count: n / 32 * 32)
                var done = 0
                while done < n {
                    let w = write(fd, bytes.baseAddress! + done, n - done)
                    if w <= 0 { failed = true; return }
                    done += w
                }
            }
            buffer.removeFirst(n)
            return !failed
        }

        mutating func flush() -> Bool { drain(keepingTail: false) && buffer.isEmpty }
    }

    private static func readFully(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, count: Int, at offset: Int) -> Bool {
        var done = 0
        while done < count {
            let n = pread(fd, buffer + done, count - done, off_t(offset + done))
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            done += n
        }
        return true
    }

    private static func makeDirectories(_ path: String) -> Bool {
        var current = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o755) != 0 && errno != EEXIST { return false }
        }
        return true
    }
}
