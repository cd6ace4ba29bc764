#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The whole contents of a file in one heap buffer, read with plain POSIX calls.
///
/// The vocabulary loader reads 3.6 MB on the way to the first token count; reading straight
/// into one buffer avoids Foundation's `Data` copies and keeps the load inside its 30 ms budget.
final class FileBytes {
    /// The bytes, followed by 8 readable zero bytes so word-sized loads never overrun.
    let base: UnsafeMutablePointer<UInt8>
    /// Number of bytes in the file.
    let count: Int

    /// Reads the whole of `path`, or fails with the `errno` of the open, stat or read that failed.
    static func read(_ path: String) -> Result<FileBytes, FileReadFailure> {
        let fd = open(path, O_RDONLY)
        if fd < 0 { return .failure(FileReadFailure(errno: errno)) }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) != 0 { return .failure(FileReadFailure(errno: errno)) }
        if (info.st_mode & S_IFMT) == S_IFDIR { return .failure(FileReadFailure(errno: EISDIR)) }
        let size = Int(info.st_size)
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: size + 8)
        (buffer + size).initialize(repeating: 0, count: 8)
        var done = 0
        while done < size {
            let n = systemRead(fd, buffer + done, size - done)
            if n < 0 {
                if errno == EINTR { continue }
                let failure = FileReadFailure(errno: errno)
                buffer.deallocate()
                return .failure(failure)
            }
            if n == 0 { break }
            done += n
        }
        return .success(FileBytes(base: buffer, count: done))
    }

    private init(base: UnsafeMutablePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
    }

    deinit { base.deallocate() }
}

/// `read(2)`, named apart from `FileBytes.read` so the call is unambiguous on every libc.
@inline(__always)
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
    read(fd, buffer, count)
}
