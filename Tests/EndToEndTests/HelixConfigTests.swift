import Foundation
import Testing
import TestSupport

/// The Helix snippet, `editor-integration/helix/languages.toml`. Helix is not packaged for
/// Debian 12, so it is not run; instead `check_languages_toml.py` (Python 3.11's `tomllib`) checks
/// every key against the ones Helix documents, and the server is started with the snippet's
/// `config` as its `initializationOptions`, as Helix would start it.
@Suite struct HelixConfigTests {
    static let helixDirectory = PreflightBinary.repositoryRoot.appendingPathComponent("editor-integration/helix")
    static let checker = helixDirectory.appendingPathComponent("check_languages_toml.py").path
    static let snippet = helixDirectory.appendingPathComponent("languages.toml").path

    /// The first `python3` on PATH.
    static let python3Path: String? = {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let candidate = "\(directory)/python3"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    /// Whether it has `tomllib` (Python 3.11 and later).
    static let python3HasTomllib: Bool = {
        guard let python3 = HelixConfigTests.python3Path else { return false }
        return (try? HelixConfigTests.run(python3, ["-c", "import tomllib"]).status) == 0
    }()

    /// Runs `executable` with `arguments`; returns its exit status and its stdout and stderr.
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read to the end before waiting, so a full pipe cannot stall the script.
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func check(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try run(python3Path!, [checker] + arguments)
    }

    @Test(.enabled(if: python3Path != nil, "python3 is not installed: the Helix snippet's checker needs Python 3.11+"),
          .enabled(if: python3Path == nil || python3HasTomllib, "python3 is older than 3.11 (no tomllib): the Helix snippet's checker needs it"))
    func theSnippetUsesOnlyKeysHelixDocuments() throws {
        let result = try Self.check([Self.snippet])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("\(Self.snippet): ok (1 language(s), 1 language server(s))"), "\(result.output)")
    }

    @Test(.enabled(if: python3Path != nil, "python3 is not installed: the Helix snippet's checker needs Python 3.11+"),
          .enabled(if: python3Path == nil || python3HasTomllib, "python3 is older than 3.11 (no tomllib): the Helix snippet's checker needs it"))
    func theCheckerRefusesWhatHelixOrTheServerWouldNot() throws {
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-helix-\(UUID().uuidString).toml")
        defer { try? FileManager.default.removeItem(at: temporary) }
        let broken = """
            [language-server.preflight]
            cmd = "preflight"
            args = ["serve"]
            config = { debounceMs = 20000, defaultModle = "gpt-4.1-mini" }

            [[language]]
            name = "prompt"
            file-types = [{ glob = "*.prompt" }, { suffix = ".prompt.md" }]
            language-servers = ["preflight", "prompt-lsp", { name = "preflight", only-features = ["hovering"] }]
            lsp = "preflight"
            """
        try broken.write(to: temporary, atomically: true, encoding: .utf8)
        let result = try Self.check([temporary.path])
        #expect(result.status == 1, "\(result.output)")
        // One line per problem, each naming the file and the key.
        for key in ["cmd", "command: missing", "scope: missing", "suffix", "lsp", "'prompt-lsp'", "hovering", "defaultModle", "debounceMs"] {
            #expect(result.output.split(separator: "\n").contains { $0.hasPrefix("\(temporary.path): ") && $0.contains(key) },
                    "no problem line for \(key): \(result.output)")
        }

        try "language = [".write(to: temporary, atomically: true, encoding: .utf8)
        let unparsable = try Self.check([temporary.path])
        #expect(unparsable.status == 2, "\(unparsable.output)")
        #expect(unparsable.output.contains("\(temporary.path): not valid TOML"), "\(unparsable.output)")
    }

    @Test(.enabled(if: python3Path != nil, "python3 is not installed: the Helix snippet's checker needs Python 3.11+"),
          .enabled(if: python3Path == nil || python3HasTomllib, "python3 is older than 3.11 (no tomllib): the Helix snippet's checker needs it"))
    func theServerAcceptsTheSnippetsConfigAsInitializationOptions() throws {
        let printed = try Self.check(["--print-config", "preflight", Self.snippet])
        #expect(printed.status == 0, "\(printed.output)")
        let options = printed.output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(options.hasPrefix("{") && options.contains("debounceMs"), "\(options)")
        let shutdown = #"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#
        let exitLine = #"{"jsonrpc":"2.0","method":"exit"}"#
        let session = try runSession([initializeLine(options: options), shutdown, exitLine])
        let reply = try #require(session.messages.first, "no reply to initialize; stderr: \(session.stderr)")
        #expect(reply.error == nil, "\(reply)")
        #expect(reply.result?["serverInfo"]?["name"]?.stringValue == "preflight", "\(reply)")
        #expect(session.status == 0, "stderr: \(session.stderr)")

        // The same check refuses a value the server would refuse, so passing it means something.
        let refused = try runSession([initializeLine(options: #"{"debounceMs":20000}"#), shutdown, exitLine])
        #expect(refused.messages.first?.errorCode == -32602, "\(refused.messages)")
    }
}
