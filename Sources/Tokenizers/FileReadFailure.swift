#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An `errno` from reading a file, with the C library's wording.
struct FileReadFailure: Error {
    let errno: Int32
    /// "No such file or directory" and the like.
    var reason: String { String(cString: strerror(errno)) }
    /// Whether the file simply is not there (the common case: vocabulary not fetched).
    var isMissing: Bool { errno == ENOENT }
}
