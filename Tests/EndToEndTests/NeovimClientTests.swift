import Foundation
import Testing

/// A real editor as the client: headless Neovim 0.7.2 drives `preflight serve` through its
/// built-in LSP client (handshake, one custom request, shutdown/exit).
@Suite struct NeovimClientTests {
    static let nvimPath: String? = {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let candidate = "\(directory)/nvim"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    @Test(.enabled(if: nvimPath != nil, "nvim is not installed (make test installs it with apt-get when it can)"),
          .timeLimit(.minutes(1)))
    func handshakeCustomRequestAndShutdown() throws {
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-nvim-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: temporary) }
        let resultFile = temporary.appendingPathComponent("result.txt")
        let script = PreflightBinary.repositoryRoot.appendingPathComponent("Tests/EndToEndTests/Clients/neovim-handshake.lua").path

        try PreflightBinary.requireFresh()
        let nvim = Process()
        nvim.executableURL = URL(fileURLWithPath: NeovimClientTests.nvimPath!)
        nvim.arguments = ["--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", "luafile \(script)"]
        var environment = ProcessInfo.processInfo.environment
        for name in ["XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"] {
            let directory = temporary.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            environment[name] = directory.path
        }
        environment["PREFLIGHT_BIN"] = PreflightBinary.path
        environment["PREFLIGHT_MODELS"] = PreflightBinary.modelsDirectory
        environment["PREFLIGHT_NVIM_RESULT"] = resultFile.path
        nvim.environment = environment
        nvim.standardInput = FileHandle.nullDevice
        nvim.standardOutput = FileHandle.nullDevice
        nvim.standardError = FileHandle.nullDevice
        try nvim.run()
        let deadline = Date().addingTimeInterval(40)
        while nvim.isRunning && Date() < deadline { usleep(10_000) }
        if nvim.isRunning {
            nvim.terminate()
            Issue.record("nvim did not finish within 40 s")
            return
        }
        let result = (try? String(contentsOf: resultFile, encoding: .utf8)) ?? "(no result file)"
        #expect(nvim.terminationStatus == 0, "nvim reported: \(result)")
        #expect(result.contains("methods ") && result.contains("preflight/countTokens"), "\(result)")
        #expect(result.contains("tokenizer o200k_base"), "\(result)")
        let tokens = result.split(separator: "\n").first { $0.hasPrefix("tokens ") }.flatMap { Int($0.dropFirst(7)) }
        #expect((tokens ?? 0) > 0, "\(result)")
        #expect(result.contains("exit 0"), "\(result)")
    }
}
