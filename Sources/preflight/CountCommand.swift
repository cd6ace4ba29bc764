import ArgumentParser
import Foundation
import JSONRPC
import PreflightAPI
import PreflightServer
import Tokenizers
import JSON
import Log

/// `preflight count`: exact token counts of files or stdin.
///
/// One input prints the bare number; several print `COUNT<TAB>PATH` lines and a
/// `COUNT<TAB>total` line. An input that cannot be read (missing, a directory, not UTF-8) is
/// reported on stderr and left out; the others are still counted and printed, and the exit code
/// is then 2. Inputs are counted byte for byte (CRLF stays CRLF, a final newline
/// counts, a BOM counts). `--json` prints `preflight/countTokens`'s result for one input, and
/// `{tokenizer, exact, files: [{path, tokens}], total}` for several. `--tokenizer` takes any
/// advertised name — an exact encoding or an estimated family (`claude`, `gemini`, …, whose
/// counts are estimates with a range and a basis, said on stderr) — and `--model` a catalog
/// model, counted with the tokenizer the catalog resolves for it.
struct Count: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Count tokens in files (or stdin): exactly in an open encoding (OpenAI's, Qwen's, DeepSeek V4's, Tekken), "
            + "or estimated for a family without one (Claude, Gemini, …).")

    @OptionGroup var common: CommonOptions

    @Option(help: ArgumentHelp("The tokenizer (default o200k_base).",
                               discussion: "One of: \(TokenCountingService.tokenizerNames.joined(separator: ", ")).",
                               valueName: "name"))
    var tokenizer: String?

    @Option(help: ArgumentHelp("A catalog model whose tokenizer counts (instead of --tokenizer).", valueName: "id"))
    var model: String?

    @Option(help: "With --model: a catalog to use instead of models/catalog.json (Preflight format or LiteLLM's price file).")
    var catalog: String?

    @Option(help: ArgumentHelp(
        "Threads to count a large input on (default: every core).",
        discussion: "Inputs of 512 KiB or more in o200k_base or cl100k_base are cut after line feeds where no token can cross, and the parts counted in parallel; the count is the same. 1 counts on one thread.",
        valueName: "n"))
    var threads: Int?

    @Flag(help: "Print JSON (the result of preflight/countTokens) instead of text.")
    var json = false

    @Argument(help: "Files to count; stdin when none (or -).")
    var files: [String] = []

    func validate() throws {
        if tokenizer != nil && model != nil {
            throw ValidationError("give either --tokenizer or --model, not both")
        }
        if catalog != nil && model == nil {
            throw ValidationError("--catalog is used with --model only")
        }
        if let tokenizer, !TokenCountingService.tokenizerNames.contains(tokenizer) {
            throw ValidationError("--tokenizer must be one of \(TokenCountingService.tokenizerNames.joined(separator: ", ")), not \"\(tokenizer)\"")
        }
        if let threads, threads < 1 {
            throw ValidationError("--threads must be at least 1, not \(threads)")
        }
    }

    func run() throws {
        let log = StderrLog(level: common.logLevel)
        let service: TokenCountingService
        let tokenizer: String
        if let model {
            let context = try AdvisorCommandSupport.context(common: common, options: AdvisorOptions(catalog: catalog),
                                                            command: "count")
            do throws(AdvisorServiceError) {
                tokenizer = try context.advisor.model(model).tokenizer.name
            } catch {
                throw AdvisorCommandSupport.fail("count", "--model: \(error)")
            }
            service = context.tokenCounter
        } else {
            let models = ModelsDirectoryLocator.locate(option: common.modelsDirectory, environment: ProcessInfo.processInfo.environment)
            service = TokenCountingService(modelsDirectory: models?.path, log: StderrLog(level: .off))
            tokenizer = self.tokenizer ?? TokenizerID.o200kBase.name
        }
        let inputs = files.isEmpty ? ["-"] : files
        let threads = self.threads ?? ProcessInfo.processInfo.activeProcessorCount
        var counts: [(path: String, count: TokenCount)] = []
        var unreadable = 0
        for input in inputs {
            do {
                let (text, label) = try AdvisorCommandSupport.readPrompt(input, command: "count")
                counts.append((label, service.count(text, tokenizer: TokenizerID(tokenizer), mode: .exact, threads: threads)))
            } catch is ExitCode {
                unreadable += 1   // readPrompt said why on stderr
            }
        }
        defer {
            if unreadable > 0 && inputs.count > 1 {
                FileHandle.standardError.write(Data(
                    "preflight count: \(unreadable) of \(inputs.count) inputs not counted (see above); the total is of the others\n".utf8))
            }
        }
        if counts.isEmpty { throw ExitCode(2) }
        if let inexact = counts.first(where: { !$0.count.isExact }) {
            log.warning("these counts are estimates, not exact: \(inexact.count.note ?? "no vocabulary")")
            FileHandle.standardError.write(Data("preflight count: warning: estimates only — \(inexact.count.note ?? "no vocabulary")\n".utf8))
        }
        let total = counts.reduce(0) { $0 + $1.count.tokens }
        if json {
            if inputs.count == 1 {
                var result = TokenCountMethods.result(counts[0].count)
                result.path = counts[0].path
                AdvisorCommandSupport.print(try AdvisorCommandSupport.json(result))
            } else {
                let result = CountFilesResult(
                    tokenizer: tokenizer, exact: counts.allSatisfy(\.count.isExact),
                    files: counts.map { CountFilesResult.File(path: $0.path, tokens: $0.count.tokens) }, total: total)
                AdvisorCommandSupport.print(try AdvisorCommandSupport.json(result))
            }
        } else if inputs.count == 1 {
            AdvisorCommandSupport.print(String(counts[0].count.tokens))
        } else {
            for (path, count) in counts { AdvisorCommandSupport.print("\(count.tokens)\t\(path)") }
            AdvisorCommandSupport.print("\(total)\ttotal")
        }
        if unreadable > 0 { throw ExitCode(2) }
    }
}
