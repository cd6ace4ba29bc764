import Foundation
import Testing

/// The Neovim plugin (`editor-integration/neovim`) in headless Neovim 0.7.2 against
/// `preflight serve`: the driver script `Clients/neovim-plugin.lua` opens prompt files and
/// writes what it saw, one result a line; this suite checks those lines. Runnable by hand
/// (the command is at the top of the script).
@Suite struct NeovimPluginTests {
    static let nvimPath: String? = ClientProcess.find("nvim")

    /// The value after `key ` on the first line that starts with it.
    static func value(_ key: String, in lines: [Substring]) -> String? {
        lines.first { $0.hasPrefix(key + " ") }.map { String($0.dropFirst(key.count + 1)) }
    }

    @Test(.enabled(if: nvimPath != nil, "nvim is not installed (make test installs it with apt-get when it can)"),
          .timeLimit(.minutes(2)))
    func pluginShowsLensHoverDiagnosticsAndRunsCommands() throws {
        let temporary = try ClientProcess.makeTemporaryDirectory(named: "preflight-nvim-plugin")
        defer { try? FileManager.default.removeItem(at: temporary) }
        let resultFile = temporary.appendingPathComponent("result.txt")
        let script = PreflightBinary.repositoryRoot.appendingPathComponent("Tests/EndToEndTests/Clients/neovim-plugin.lua").path

        try PreflightBinary.requireFresh()
        // Isolated XDG directories: no user configuration, plugins or state can change the run,
        // and Neovim's temporary files (the prompt files the script writes) go away with them.
        var environment = try ClientProcess.isolatedEnvironment(in: temporary)
        environment["TMPDIR"] = temporary.path
        environment["PREFLIGHT_BIN"] = PreflightBinary.path
        environment["PREFLIGHT_MODELS"] = PreflightBinary.modelsDirectory
        environment["PREFLIGHT_NVIM_RESULT"] = resultFile.path
        // The script's own waits add up to well under a minute on a working server.
        guard let status = try ClientProcess.run(
            NeovimPluginTests.nvimPath!, arguments: ["--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", "luafile \(script)"],
            environment: environment, seconds: 90) else {
            Issue.record("nvim did not finish within 90 s")
            return
        }
        let result = (try? String(contentsOf: resultFile, encoding: .utf8)) ?? "(no result file)"
        let lines = result.split(separator: "\n")
        #expect(status == 0, "nvim reported: \(result)")
        #expect(!lines.contains { $0.hasPrefix("error: ") }, "\(result)")

        // A missing binary is reported once for two prompt buffers; then one client serves all.
        #expect(Self.value("missing-notices", in: lines) == "1", "\(result)")
        #expect(Self.value("attached", in: lines) == "yes", "\(result)")
        #expect(Self.value("shared-client", in: lines)?.hasPrefix("yes") == true, "\(result)")
        // The server is 0.2.0 or later (the script checks the warning matches the version).
        #expect(Self.value("server-version", in: lines).map { $0 != "none" } == true, "\(result)")
        #expect(Self.value("version-warning", in: lines) == "no", "\(result)")

        #expect(Self.value("hover-kind", in: lines) == "markdown", "\(result)")
        #expect(Self.value("hover-first", in: lines)?.contains("Preflight") == true, "\(result)")
        for needle in ["Preflight", "tok", "credits", "tiny-window"] {
            #expect(Self.value("hover-has \(needle)", in: lines) == "yes", "\(result)")
        }

        let lens = Self.value("lens", in: lines) ?? ""
        #expect(lens.contains(" tok · ") && lens.contains("credits") && lens.contains("→ tiny-window"), "\(result)")
        #expect(Self.value("lens-drawn", in: lines) == "yes", "\(result)")
        let lensAfter = Self.value("lens-after", in: lines) ?? ""
        #expect(lensAfter.contains(" tok · ") && lensAfter != lens, "\(result)")
        // The server asked for the refresh itself (the plugin advertises refreshSupport).
        #expect(Self.value("lens-updated-by", in: lines) == "server-refresh", "\(result)")
        #expect((Self.value("server-refreshes", in: lines).flatMap { Int($0) } ?? 0) > 0, "\(result)")

        let tokens = Self.value("estimate-tokens", in: lines).flatMap { Int($0) } ?? 0
        let rangeTokens = Self.value("estimate-range-tokens", in: lines).flatMap { Int($0) } ?? 0
        #expect(tokens > 0 && rangeTokens > 0 && rangeTokens < tokens, "\(result)")
        #expect(Self.value("estimate-model", in: lines) == "economy tiny-window", "\(result)")
        #expect(Self.value("estimate-shown", in: lines)?.contains("tok · economy → tiny-window") == true, "\(result)")
        #expect(Self.value("estimate-range-shown", in: lines)?.contains("line 1") == true, "\(result)")

        #expect(Self.value("check-setting-allowed", in: lines) == "true", "\(result)")
        #expect(Self.value("check-balance-allowed", in: lines) == "false", "\(result)")
        #expect(Self.value("check-shown", in: lines) == "Preflight check: allowed", "\(result)")

        #expect(Self.value("context-window-before", in: lines) == "no", "\(result)")
        let diagnostic = Self.value("diagnostic", in: lines) ?? ""
        #expect(diagnostic.hasPrefix("context-window severity 1 source preflight"), "\(result)")
        #expect(Self.value("stopped", in: lines) == "yes", "\(result)")
    }
}
