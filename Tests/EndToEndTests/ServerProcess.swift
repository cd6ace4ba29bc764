import Foundation
import Testing
import TestSupport

/// The built `preflight` binary: `$PREFLIGHT_BIN`, else `.build/debug/preflight` in this checkout.
enum PreflightBinary {
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var path: String {
        if let path = ProcessInfo.processInfo.environment["PREFLIGHT_BIN"], !path.isEmpty { return path }
        return repositoryRoot.appendingPathComponent(".build/debug/preflight").path
    }

    /// How long a test waits for the server: `PREFLIGHT_TEST_TIMEOUT` seconds, default 120, so
    /// a loaded CI machine running suites in parallel is slow, not failing.
    static var timeout: TimeInterval {
        ProcessInfo.processInfo.environment["PREFLIGHT_TEST_TIMEOUT"].flatMap(TimeInterval.init) ?? 120
    }

    /// Why the binary cannot be trusted to be this checkout's code, or nil when it can, so a
    /// plain `swift test` never passes or fails against a stale build. Checked once per run,
    /// for this checkout's `.build/debug/preflight` (a `PREFLIGHT_BIN` elsewhere, such as an
    /// installed binary, is the caller's to keep current). Fresh means: every Swift file under
    /// `Sources/` has been compiled since it last changed (its `.d` file in
    /// `.build/debug/<Module>.build/` is not older), and no object file is newer than the
    /// binary. Source times alone are not enough: a change to comments only is recompiled to an
    /// identical object, which is not rewritten, and the binary is rightly not relinked.
    static let staleness: String? = {
        let manager = FileManager.default
        func modified(_ path: String) -> Date? {
            (try? manager.attributesOfItem(atPath: path))?[.modificationDate] as? Date
        }
        let debug = repositoryRoot.appendingPathComponent(".build/debug")
        guard path == debug.appendingPathComponent("preflight").path else { return nil }
        let advice = "run `swift build` first (or `make test`)"
        guard let built = modified(path) else { return "no preflight binary at \(path): \(advice)" }
        let sources = repositoryRoot.appendingPathComponent("Sources")
        for module in (try? manager.contentsOfDirectory(atPath: sources.path)) ?? [] {
            let buildDirectory = debug.appendingPathComponent("\(module).build")
            for case let relative as String in manager.enumerator(atPath: sources.appendingPathComponent(module).path) ?? NSEnumerator()
            where relative.hasSuffix(".swift") {
                let source = sources.appendingPathComponent(module).appendingPathComponent(relative)
                let stem = source.deletingPathExtension().lastPathComponent
                let compiled = modified(buildDirectory.appendingPathComponent("\(stem).d").path) ?? .distantPast
                if let changed = modified(source.path), changed > compiled {
                    return "\(source.path) changed after the last build: \(advice)"
                }
                if let object = modified(buildDirectory.appendingPathComponent("\(stem).swift.o").path), object > built {
                    return "the preflight binary at \(path) is older than \(module)'s \(stem).swift.o: \(advice)"
                }
            }
        }
        return nil
    }()

    /// Throws when `staleness` says the binary is missing or stale.
    static func requireFresh() throws {
        if let staleness { throw StaleBinary(description: staleness) }
    }

    struct StaleBinary: Error, CustomStringConvertible { let description: String }

    /// One compiled-vocabulary cache for every process the tests spawn (their HOME and XDG
    /// directories are private and fresh, so without this each would compile and write its own
    /// tables, tens of MB each). The tables are checked against their source's digest on every
    /// load, so sharing the directory across runs is safe.
    static let vocabularyCache = FileManager.default.temporaryDirectory
        .appendingPathComponent("preflight-e2e-vocabulary-cache").path

    static var modelsDirectory: String {
        if let path = ProcessInfo.processInfo.environment["PREFLIGHT_MODELS"], !path.isEmpty { return path }
        return repositoryRoot.appendingPathComponent("models").path
    }
}

/// A running `preflight` process with its stdin, stdout and stderr on pipes.
///
/// Output is collected on background threads so a test can write everything first without
/// deadlocking on full pipes. Every wait has a deadline: a hung server fails the test instead of
/// hanging the suite.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    private let stdinPipe = Pipe()
    private let stdoutPipe = Pipe()
    private let stderrPipe = Pipe()
    /// The temporary HOME of `isolatedEnvironment`, removed when this object goes.
    private let home: URL
    private let lock = NSCondition()
    private var stdoutBytes: [UInt8] = []
    private var stderrBytes: [UInt8] = []
    private var stdoutClosed = false
    private var stderrClosed = false

    /// Starts the binary. With `readsStdout: false` the test keeps no reader on the server's
    /// stdout at all (its read end is closed at once), as when a client dies: every write the
    /// server makes then fails with EPIPE.
    init(arguments: [String] = ["serve"], environment extra: [String: String] = [:], readsStdout: Bool = true) throws {
        try PreflightBinary.requireFresh()
        process.executableURL = URL(fileURLWithPath: PreflightBinary.path)
        process.arguments = arguments
        var environment = try Self.isolatedEnvironment()
        home = URL(fileURLWithPath: environment["HOME"]!)
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        process.standardInput = stdinPipe
        process.standardOutput = stdoutPipe
        process.standardError = stderrPipe
        try process.run()
        if readsStdout {
            startCollecting(stdoutPipe.fileHandleForReading, isStdout: true)
        } else {
            try stdoutPipe.fileHandleForReading.close()
            stdoutClosed = true
        }
        startCollecting(stderrPipe.fileHandleForReading, isStdout: false)
    }

    deinit {
        try? FileManager.default.removeItem(at: home)
    }

    /// This process's environment with the bundled models, and with the user's own files out of
    /// reach: HOME and the XDG base directories point into a fresh temporary directory, and the
    /// variables naming a reference catalog or a price-overrides file are dropped. Without this a
    /// developer's `~/.config/preflight/price-overrides.json` or `catalog update` output would
    /// change the prices these tests check; a test that wants such a file passes it explicitly.
    static func isolatedEnvironment() throws -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["PREFLIGHT_MODELS"] = PreflightBinary.modelsDirectory
        environment["PREFLIGHT_REFERENCE"] = nil
        environment["PREFLIGHT_PRICE_OVERRIDES"] = nil
        environment["PREFLIGHT_VOCAB_CACHE"] = PreflightBinary.vocabularyCache
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-e2e-home-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        environment["HOME"] = home.path
        for name in ClientProcess.xdgDirectories where name != "XDG_RUNTIME_DIR" {
            environment[name] = home.appendingPathComponent(name.lowercased()).path
        }
        return environment
    }

    private func startCollecting(_ handle: FileHandle, isStdout: Bool) {
        let thread = Thread { [self] in
            while true {
                let data = handle.availableData
                lock.lock()
                if data.isEmpty {
                    if isStdout { stdoutClosed = true } else { stderrClosed = true }
                    lock.broadcast(); lock.unlock()
                    return
                }
                if isStdout { stdoutBytes += data } else { stderrBytes += data }
                lock.broadcast(); lock.unlock()
            }
        }
        thread.start()
    }

    func send(_ bytes: [UInt8]) {
        stdinPipe.fileHandleForWriting.write(Data(bytes))
    }

    func send(_ text: String) { send(Array(text.utf8)) }

    /// Sends one message with LSP framing.
    func sendFramed(_ json: String) {
        send("Content-Length: \(json.utf8.count)\r\n\r\n\(json)")
    }

    /// Sends one message as a line.
    func sendLine(_ json: String) { send(json + "\n") }

    func closeInput() {
        try? stdinPipe.fileHandleForWriting.close()
    }

    /// Waits for the process to exit (deadline `timeout` seconds) and returns its status.
    @discardableResult
    func waitForExit(timeout: TimeInterval = PreflightBinary.timeout) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(2_000) }
        if process.isRunning {
            process.terminate()
            Issue.record("preflight did not exit within \(timeout) s")
            return nil
        }
        // Let the collectors drain.
        lock.lock()
        while !(stdoutClosed && stderrClosed) && Date() < deadline { _ = lock.wait(until: Date().addingTimeInterval(0.05)) }
        lock.unlock()
        return process.terminationStatus
    }

    var stdout: [UInt8] { lock.lock(); defer { lock.unlock() }; return stdoutBytes }
    var stderr: String { lock.lock(); defer { lock.unlock() }; return String(decoding: stderrBytes, as: UTF8.self) }

    /// Waits until stdout holds at least `count` complete messages in `framing`; returns them.
    func waitForMessages(_ count: Int, framing: Framing, timeout: TimeInterval = PreflightBinary.timeout) -> [Reply] {
        let deadline = Date().addingTimeInterval(timeout)
        lock.lock()
        defer { lock.unlock() }
        while true {
            let messages = (try? Self.split(stdoutBytes, framing: framing)) ?? []
            if messages.count >= count || Date() >= deadline || stdoutClosed { return messages }
            _ = lock.wait(until: min(deadline, Date().addingTimeInterval(0.05)))
        }
    }

    enum Framing { case contentLength, newline }

    struct FramingViolation: Error, CustomStringConvertible { let description: String }

    /// Splits stdout into parsed messages; throws when stdout holds anything but frames of JSON.
    static func split(_ bytes: [UInt8], framing: Framing) throws -> [Reply] {
        var messages: [Reply] = []
        var index = 0
        while index < bytes.count {
            switch framing {
            case .newline:
                guard let end = bytes[index...].firstIndex(of: 0x0A) else { return messages }
                messages.append(try Reply(body: Array(bytes[index..<end])))
                index = end + 1
            case .contentLength:
                let prefix = Array("Content-Length: ".utf8)
                guard bytes.count - index >= prefix.count else { return messages }
                guard Array(bytes[index..<(index + prefix.count)]) == prefix else {
                    throw FramingViolation(description: "stdout has non-frame bytes at \(index): \(String(decoding: bytes[index...].prefix(40), as: UTF8.self))")
                }
                guard let headerEnd = findCRLFCRLF(bytes, from: index) else { return messages }
                let lengthText = String(decoding: bytes[(index + prefix.count)..<headerEnd], as: UTF8.self)
                guard let length = Int(lengthText) else { throw FramingViolation(description: "bad length \(lengthText)") }
                let bodyStart = headerEnd + 4
                guard bytes.count >= bodyStart + length else { return messages }
                messages.append(try Reply(body: Array(bytes[bodyStart..<(bodyStart + length)])))
                index = bodyStart + length
            }
        }
        return messages
    }

    private static func findCRLFCRLF(_ bytes: [UInt8], from: Int) -> Int? {
        var i = from
        while i + 3 < bytes.count {
            if bytes[i] == 13 && bytes[i + 1] == 10 && bytes[i + 2] == 13 && bytes[i + 3] == 10 { return i }
            i += 1
        }
        return nil
    }
}

/// Runs a whole scripted session: sends `lines` (newline framing), closes stdin, waits for exit.
func runSession(_ lines: [String], arguments: [String] = ["serve"]) throws -> (messages: [Reply], status: Int32?, stderr: String, stdout: [UInt8]) {
    let server = try ServerProcess(arguments: arguments)
    server.send(lines.map { $0 + "\n" }.joined())
    server.closeInput()
    let status = server.waitForExit()
    return (try ServerProcess.split(server.stdout, framing: .newline), status, server.stderr, server.stdout)
}

