#if canImport(Glibc)
import Glibc
#endif

/// Reads a whole regular file safely for paths that come from a client.
///
/// A path in `initializationOptions.catalogPath` is untrusted: a FIFO would block `open` and
/// stop the single-threaded server, `/dev/zero` would never end, `/dev/stdin` would eat the
/// protocol stream, and a huge file would exhaust memory. So the file is opened non-blocking,
/// must be a regular file no larger than `maxBytes`, and exactly its size is read.
public enum RegularFileReader {
    /// Why a file could not be read, in words for an error message.
    public struct Failure: Error, Sendable, Equatable {
        /// What went wrong ("not a regular file", "larger than 256 MiB", the OS error).
        public let reason: String
    }

    /// Catalog files larger than this are refused (LiteLLM's full price file is ~1.5 MB).
    public static let defaultMaxBytes = 256 << 20

    /// The file's bytes and its modification time (seconds since 1970).
    public static func read(_ path: String, maxBytes: Int = defaultMaxBytes) -> Result<(bytes: [UInt8], modified: Int), Failure> {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .failure(Failure(reason: String(cString: strerror(errno)))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(Failure(reason: String(cString: strerror(errno)))) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .failure(Failure(reason: "not a regular file")) }
        let size = Int(info.st_size)
        guard size <= maxBytes else { return .failure(Failure(reason: "larger than \(maxBytes >> 20) MiB")) }
        var bytes = [UInt8](repeating: 0, count: size)
        var offset = 0
        while offset < size {
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + offset, size - offset) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                if n < 0 { return .failure(Failure(reason: String(cString: strerror(errno)))) }
                break
            }
            offset += n
        }
        if offset < size { bytes.removeLast(size - offset) }
        return .success((bytes, Int(info.st_mtim.tv_sec)))
    }
}
