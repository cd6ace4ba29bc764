import Foundation

/// What the tests that drive a real client program (Neovim, Emacs, Node) share: finding it on
/// PATH, a private environment so no user configuration takes part, and running it with a
/// deadline so a hung client fails the test instead of hanging the suite.
enum ClientProcess {
    /// The first executable `name` on PATH, or nil.
    static func find(_ name: String) -> String? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// A new directory under the temporary directory (the caller removes it).
    static func makeTemporaryDirectory(named prefix: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// The XDG base directories an editor reads its configuration, data and state from.
    static let xdgDirectories = ["XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"]

    /// This process's environment with each of `names` pointing at a fresh directory inside
    /// `temporary`.
    static func isolatedEnvironment(in temporary: URL, names: [String] = xdgDirectories) throws -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for name in names {
            let directory = temporary.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            environment[name] = directory.path
        }
        environment["PREFLIGHT_VOCAB_CACHE"] = PreflightBinary.vocabularyCache
        return environment
    }

    /// Runs `path` with `arguments` and no standard input; its output goes to `output` (or
    /// nowhere). Returns the exit status, or nil when it did not finish within `seconds` (it is
    /// then terminated).
    static func run(_ path: String, arguments: [String], environment: [String: String],
                    currentDirectory: URL? = nil, output: FileHandle? = nil, seconds: TimeInterval) throws -> Int32? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = environment
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output ?? FileHandle.nullDevice
        process.standardError = output ?? FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning {
            process.terminate()
            return nil
        }
        return process.terminationStatus
    }
}
