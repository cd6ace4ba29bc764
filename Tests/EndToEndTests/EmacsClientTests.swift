import Foundation
import Testing

/// A real editor as the client: batch Emacs with eglot and `editor-integration/emacs/preflight.el`
/// drives `preflight serve` (Clients/emacs-eglot.el): the mode and auto-start, hover raw and
/// through eldoc, the mode-line summary, `preflight-estimate`, `preflight-check`, a
/// context-window diagnostic through flymake after an edit, code-lens refresh, shutdown.
@Suite struct EmacsClientTests {
    static let emacsPath: String? = ClientProcess.find("emacs")

    static let script = PreflightBinary.repositoryRoot.appendingPathComponent("Tests/EndToEndTests/Clients/emacs-eglot.el").path

    /// Whether this Emacs can load eglot (built in from Emacs 29; Debian 12's Emacs 28 needs
    /// `elpa-eglot`), asked of the driver itself (`PREFLIGHT_EMACS_PROBE=1`), so the suite
    /// skips with a reason instead of failing where eglot is missing.
    static let eglotLoads: Bool = {
        guard emacsPath != nil,
              let temporary = try? makeTemporaryDirectory(named: "preflight-emacs-probe") else { return false }
        defer { try? FileManager.default.removeItem(at: temporary) }
        guard var environment = try? isolatedEnvironment(in: temporary) else { return false }
        environment["PREFLIGHT_EMACS_PROBE"] = "1"
        environment["PREFLIGHT_EMACS_RESULT"] = temporary.appendingPathComponent("probe.txt").path
        return (try? runEmacs(environment: environment, seconds: 30)) == 0
    }()

    static func makeTemporaryDirectory(named prefix: String) throws -> URL {
        try ClientProcess.makeTemporaryDirectory(named: prefix)
    }

    /// The environment with HOME and the XDG directories inside `temporary`, so neither the
    /// user's Emacs configuration nor packages in their ~/.emacs.d take part.
    static func isolatedEnvironment(in temporary: URL) throws -> [String: String] {
        try ClientProcess.isolatedEnvironment(in: temporary, names: ["HOME"] + ClientProcess.xdgDirectories)
    }

    /// Runs `emacs --batch -Q -l emacs-eglot.el`; its exit status, or nil when it did not
    /// finish within `seconds` (it is then terminated).
    static func runEmacs(environment: [String: String], seconds: TimeInterval) throws -> Int32? {
        try ClientProcess.run(emacsPath!, arguments: ["--batch", "-Q", "-l", script], environment: environment, seconds: seconds)
    }

    @Test(.enabled(if: emacsPath != nil, "emacs is not installed (Debian 12: apt-get install emacs-nox elpa-eglot)"),
          .enabled(if: eglotLoads, "this Emacs cannot load eglot (Emacs 29+ has it built in; Debian 12: apt-get install elpa-eglot)"),
          .timeLimit(.minutes(2)))
    func eglotWithPreflightEl() throws {
        let temporary = try EmacsClientTests.makeTemporaryDirectory(named: "preflight-emacs")
        defer { try? FileManager.default.removeItem(at: temporary) }
        let resultFile = temporary.appendingPathComponent("result.txt")

        try PreflightBinary.requireFresh()
        var environment = try EmacsClientTests.isolatedEnvironment(in: temporary)
        environment["PREFLIGHT_BIN"] = PreflightBinary.path
        environment["PREFLIGHT_MODELS"] = PreflightBinary.modelsDirectory
        environment["PREFLIGHT_EMACS_RESULT"] = resultFile.path
        // The driver's own waits add up to well under a minute; this only catches a hang.
        guard let status = try EmacsClientTests.runEmacs(environment: environment, seconds: 90) else {
            Issue.record("emacs did not finish within 90 s")
            return
        }
        let result = (try? String(contentsOf: resultFile, encoding: .utf8)) ?? "(no result file)"
        let lines = result.split(separator: "\n").map(String.init)
        /// The number that starts the first line beginning with `prefix`.
        func number(after prefix: String) -> Int? {
            guard let line = lines.first(where: { $0.hasPrefix(prefix) }) else { return nil }
            return Int(line.dropFirst(prefix.count).prefix(while: { character in character.isNumber }))
        }

        #expect(status == 0, "emacs reported: \(result)")
        #expect(!result.contains("FAIL"), "\(result)")
        #expect(lines.contains("missing-executable message ok"), "\(result)")
        #expect(lines.contains("mode preflight-prompt-mode"), "\(result)")
        #expect(lines.contains { $0.hasPrefix("connected class preflight-eglot-server version ") }, "\(result)")
        #expect(lines.contains("version-warning none"), "\(result)")
        #expect(lines.contains { $0.hasPrefix("hover ok: ") && $0.contains("Preflight") }, "\(result)")
        #expect(lines.contains("eldoc ok"), "\(result)")
        let summary = lines.first { $0.hasPrefix("mode-line ") && !$0.hasPrefix("mode-line after") } ?? ""
        #expect(summary.contains(" tok · ") && summary.contains("tiny-standard") && summary.contains(" credits"), "\(result)")
        let tokens = number(after: "estimate tokens ")
        let regionTokens = number(after: "estimate-region tokens ")
        #expect((tokens ?? 0) > 0, "\(result)")
        #expect((regionTokens ?? 0) > 0 && (regionTokens ?? 0) < (tokens ?? 0), "\(result)")
        #expect(lines.contains { $0.hasPrefix("estimate ") && $0.contains("model tiny-standard") }, "\(result)")
        #expect(lines.contains("check setting allowed t"), "\(result)")
        #expect(lines.contains("check zero-balance allowed :json-false"), "\(result)")
        #expect(lines.contains("check after apply-settings allowed :json-false"), "\(result)")
        #expect(lines.contains("version-compare ok"), "\(result)")
        #expect(lines.contains { $0.hasPrefix("diagnostic context-window eglot-error: preflight [context-window]") }, "\(result)")
        let edited = number(after: "mode-line after edit ")
        let before = number(after: "mode-line ")
        #expect((edited ?? 0) > 50 && (edited ?? 0) > (before ?? Int.max), "\(result)")
        #expect(lines.contains("codelens-refresh followed by a codeLens request"), "\(result)")
        #expect(lines.contains("exit 0"), "\(result)")
    }
}
