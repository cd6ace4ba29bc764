#if canImport(Glibc)
import Glibc
#endif

/// Finds the `models/` directory (catalog, vocabularies, calibration tables).
///
/// Order, first match wins: `--models-dir`, `$PREFLIGHT_MODELS`, `models/` in the package
/// checkout the executable was built in (found by resolving `/proc/self/exe` — through
/// `.build/debug` and `.build/release` symlinks — and walking up to the folder holding
/// `Package.swift`), then `PREFIX/share/preflight/models` beside an installed `PREFIX/bin`.
public enum ModelsDirectoryLocator {
    /// How the directory was found, for `--log-level info` and error messages.
    public enum Source: String, Sendable {
        case option = "--models-dir"
        case environment = "PREFLIGHT_MODELS"
        case checkout = "package checkout"
        case installation = "installation prefix"
    }

    /// The directory and how it was found, or nil when none exists.
    public static func locate(
        option: String?, environment: [String: String], executablePath: String? = currentExecutablePath()
    ) -> (path: String, source: Source)? {
        if let option { return (option, .option) }
        if let variable = environment["PREFLIGHT_MODELS"], !variable.isEmpty { return (variable, .environment) }
        guard let executablePath else { return nil }
        var directory = parent(of: executablePath)
        while directory != "/" && !directory.isEmpty {
            if isFile("\(directory)/Package.swift") && isDirectory("\(directory)/models") {
                return ("\(directory)/models", .checkout)
            }
            directory = parent(of: directory)
        }
        let prefix = parent(of: parent(of: executablePath))
        let installed = "\(prefix)/share/preflight/models"
        if isDirectory(installed) { return (installed, .installation) }
        return nil
    }

    /// `/proc/self/exe` resolved through every symlink.
    public static func currentExecutablePath() -> String? {
        guard let resolved = realpath("/proc/self/exe", nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        let result = String(path[..<slash])
        return result.isEmpty ? "/" : result
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    static func isFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }
}
