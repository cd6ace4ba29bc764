import Foundation
import Testing

/// The VS Code extension's own tests, run by Node's built-in test runner
/// (`node --test editor-integration/vscode/test/`): its LSP client (framing, server-to-client
/// requests) and its wiring through a stand-in for the `vscode` module (status bar, hover, code
/// lens, diagnostics, commands, settings), both against this build of `preflight serve`.
@Suite struct VSCodeClientTests {
    /// The first `node` on PATH.
    static let nodePath: String? = ClientProcess.find("node")

    /// Its major version (`v18.20.4` → 18), 0 when it cannot be read.
    static let nodeMajorVersion: Int = {
        guard let path = VSCodeClientTests.nodePath else { return 0 }
        let node = Process()
        node.executableURL = URL(fileURLWithPath: path)
        node.arguments = ["--version"]
        let pipe = Pipe()
        node.standardOutput = pipe
        node.standardError = FileHandle.nullDevice
        node.standardInput = FileHandle.nullDevice
        guard (try? node.run()) != nil else { return 0 }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        node.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("v"), let major = text.dropFirst().split(separator: ".").first.flatMap({ Int($0) }) else { return 0 }
        return major
    }()

    @Test(.enabled(if: nodePath != nil, "node is not installed (apt-get install nodejs): the VS Code extension's tests run under Node"),
          .enabled(if: nodePath == nil || nodeMajorVersion >= 18, "node is older than 18, which has no built-in test runner (node --test)"),
          .timeLimit(.minutes(4)))
    func extensionTestsPassAgainstTheServer() throws {
        try PreflightBinary.requireFresh()
        let temporary = try ClientProcess.makeTemporaryDirectory(named: "preflight-vscode")
        defer { try? FileManager.default.removeItem(at: temporary) }
        // Node's output goes to a file, not a pipe, so a long report cannot block it.
        let outputFile = temporary.appendingPathComponent("node-test-output.txt")
        try Data().write(to: outputFile)
        let output = try FileHandle(forWritingTo: outputFile)
        defer { try? output.close() }

        let tests = PreflightBinary.repositoryRoot.appendingPathComponent("editor-integration/vscode/test").path + "/"
        var environment = ProcessInfo.processInfo.environment
        environment["PREFLIGHT_BIN"] = PreflightBinary.path
        environment["PREFLIGHT_MODELS"] = PreflightBinary.modelsDirectory
        environment["NO_COLOR"] = "1"
        let limit: TimeInterval = 180
        let status = try ClientProcess.run(VSCodeClientTests.nodePath!, arguments: ["--test", tests], environment: environment,
                                           currentDirectory: PreflightBinary.repositoryRoot, output: output, seconds: limit)
        func report() -> String { (try? String(contentsOf: outputFile, encoding: .utf8)) ?? "(no output)" }
        guard let status else {
            Issue.record("node --test did not finish within \(Int(limit)) s; its output:\n\(report())")
            return
        }
        let text = report()
        #expect(status == 0, "node --test \(tests) failed; its output:\n\(text)")
        // Both files ran (an empty or renamed test directory also exits 0) …
        #expect(text.contains("handshake: the capabilities and serverInfo of the contract"), "\(text)")
        #expect(text.contains("status bar, hover, code lens, edits and commands"), "\(text)")
        // … and the real-server tests ran rather than skipping.
        #expect(!text.contains("PREFLIGHT_BIN is not set") && !text.contains("is not an executable file"),
                "the tests against the server were skipped:\n\(text)")
    }
}
