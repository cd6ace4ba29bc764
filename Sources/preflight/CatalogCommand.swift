import Advisor
import ArgumentParser
import Foundation
import PreflightServer

/// `preflight catalog update --from FILE`: rebuilds the reference layer from a LiteLLM price
/// file the user supplies, offline, with the one converter the bundled reference was made with
/// (`scripts/make-reference-catalog.sh` runs this command).
struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "Maintain the catalog layers.",
        subcommands: [Update.self])

    /// `preflight catalog update`.
    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rebuild the reference layer from LiteLLM's model_prices_and_context_window.json (offline).",
            discussion: """
                Every chat and responses entry priced per token becomes a reference model, written in \
                Preflight's catalog format. LiteLLM's file carries no version or date: give them, or the \
                reference's age is reported as unknown. The result replaces the bundled reference for \
                every later run (see docs/CATALOG.md); price corrections go in the overrides file.
                """)

        @OptionGroup var common: CommonOptions

        @Option(help: "LiteLLM's model_prices_and_context_window.json.")
        var from: String

        @Option(help: "The LiteLLM version the file is from (e.g. 1.109.1).")
        var litellmVersion: String?

        @Option(help: "The date of its prices, YYYY-MM-DD (the release date of that LiteLLM version).")
        var asOf: String?

        @Option(help: "Where to write the reference (default: the user's reference file, $PREFLIGHT_REFERENCE or $XDG_DATA_HOME/preflight/reference-catalog.json).")
        var output: String?

        func validate() throws {
            if let asOf, CalendarDay(asOf) == nil { throw ValidationError("--as-of \"\(asOf)\" is not a YYYY-MM-DD date") }
            if let litellmVersion, litellmVersion.isEmpty { throw ValidationError("--litellm-version must not be empty") }
        }

        func run() throws {
            let day = asOf.flatMap(CalendarDay.init)
            let loaded: CatalogLoadResult
            do throws(CatalogLoadError) {
                loaded = try CatalogDecoder.load(path: from, liteLLMVersion: litellmVersion, asOf: day)
            } catch {
                throw AdvisorCommandSupport.fail("catalog update", "invalid LiteLLM file: \(error)")
            }
            guard loaded.format == .litellm else {
                throw AdvisorCommandSupport.fail("catalog update", "\(from) is a Preflight catalog, not LiteLLM's price file")
            }
            let environment = ProcessInfo.processInfo.environment
            guard let target = output ?? AdvisorService.userFile(
                environment, variable: "PREFLIGHT_REFERENCE", base: "XDG_DATA_HOME", fallback: ".local/share",
                name: "reference-catalog.json") else {
                throw AdvisorCommandSupport.fail("catalog update", "no HOME: give --output")
            }
            let version = litellmVersion.map { "litellm-\($0)" } ?? "litellm (version unknown)"
            let source = "LiteLLM" + (litellmVersion.map { " \($0)" } ?? "")
                + " model_prices_and_context_window.json (MIT), converted by preflight catalog update"
            let text = ReferenceCatalogWriter.text(of: loaded.catalog, version: version, pricesAsOf: day, source: source)
            // What is written must load back: the Preflight format is stricter in places than
            // LiteLLM's (e.g. overlapping tiered_pricing ranges), and a reference that cannot load
            // would leave every reference name unknown. The previous file stays in that case.
            do throws(CatalogLoadError) {
                _ = try CatalogDecoder.decode(bytes: Array(text.utf8), file: target)
            } catch {
                throw AdvisorCommandSupport.fail("catalog update", "the converted reference would not load, so \(target) "
                                                     + "is left as it was: \(error)")
            }
            let directory = (target as NSString).deletingLastPathComponent
            do {
                if !directory.isEmpty {
                    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                }
                // Written beside the target and renamed, so a reader never sees half a file.
                let temporary = target + ".tmp-\(getpid())"
                try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
                if FileManager.default.fileExists(atPath: target) { try FileManager.default.removeItem(atPath: target) }
                try FileManager.default.moveItem(atPath: temporary, toPath: target)
            } catch {
                throw AdvisorCommandSupport.fail("catalog update", "cannot write \(target): \(error.localizedDescription)")
            }
            let skipped = loaded.skipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
            let unknownWindows = loaded.catalog.models.filter { !$0.contextWindowIsKnown }.count
            FileHandle.standardError.write(Data((
                "preflight catalog update: wrote \(loaded.catalog.models.count) models to \(target) "
                + "(\(version), prices as of \(day?.description ?? "an unknown date")); "
                + "\(unknownWindows) with no context window"
                + (skipped.isEmpty ? "" : "; skipped: " + skipped.joined(separator: ", ")) + "\n").utf8))
        }
    }
}
