import Foundation
import Testing

/// A real editor as the client: headless Neovim 0.7.2 drives `preflight serve` through its
/// built-in LSP client (handshake, one custom request, shutdown/exit).
@Suite struct NeovimClientTests {
    static let nvimPath: String? = ClientProcess.find("nvim")

    @Test(.enabled(if: nvimPath != nil, "nvim is not installed (make test installs it with apt-get when it can)"),
          .timeLimit(.minutes(1)))
    func handshakeCustomRequestAndShutdown() throws {
        let temporary = try ClientProcess.makeTemporaryDirectory(named: "preflight-nvim")
        defer { try? FileManager.default.removeItem(at: temporary) }
        let resultFile = temporary.appendingPathComponent("result.txt")
        let script = PreflightBinary.repositoryRoot.appendingPathComponent("Tests/EndToEndTests/Clients/neovim-handshake.lua").path

        try PreflightBinary.requireFresh()
        var environment = try ClientProcess.isolatedEnvironment(in: temporary)
        environment["PREFLIGHT_BIN"] = PreflightBinary.path
        environment["PREFLIGHT_MODELS"] = PreflightBinary.modelsDirectory
        environment["PREFLIGHT_NVIM_RESULT"] = resultFile.path
        guard let status = try ClientProcess.run(
            NeovimClientTests.nvimPath!, arguments: ["--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", "luafile \(script)"],
            environment: environment, seconds: 40) else {
            Issue.record("nvim did not finish within 40 s")
            return
        }
        let result = (try? String(contentsOf: resultFile, encoding: .utf8)) ?? "(no result file)"
        #expect(status == 0, "nvim reported: \(result)")
        #expect(result.contains("methods ") && result.contains("preflight/countTokens"), "\(result)")
        #expect(result.contains("tokenizer o200k_base"), "\(result)")
        let tokens = result.split(separator: "\n").first { $0.hasPrefix("tokens ") }.flatMap { Int($0.dropFirst(7)) }
        #expect((tokens ?? 0) > 0, "\(result)")
        #expect(result.contains("exit 0"), "\(result)")
    }
}
