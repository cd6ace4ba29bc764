import ArgumentParser
import Foundation
import PreflightServer
import Routing

/// `preflight calibrate --data ROWS.jsonl…`: fits the router's weights and thresholds from
/// labelled rows (route-eval's format) and writes a routing file that `--routing` and
/// `initializationOptions.routingPath` load; `--cross-validate K` also prints held-out figures.
struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Fit the complexity router's weights and tier thresholds from labelled rows.",
        discussion: """
            Each line of a --data file: {"prompt", "source"?, "weak_correct", "strong_correct", \
            "economy_correct"?} with outcomes as booleans or numbers in 0…1 (weak = the standard \
            tier's model, strong = premium's, economy = economy's). The feature definitions \
            (lexicons, dimensions, prior) come from --base, by default the bundled routing file. \
            Writes the routing file to --out (else stdout). Exit 2 on a bad row (path:line and field) \
            or an unusable base file.
            """)

    @OptionGroup var common: CommonOptions

    @Option(name: .customLong("data"), parsing: .upToNextOption, help: "Labelled rows (JSON Lines); several files allowed.")
    var data: [String] = []

    @Option(name: .customLong("out"), help: "Where to write the routing file (default: stdout).")
    var out: String?

    @Option(name: .customLong("base"), help: "Routing file whose feature definitions are kept (default: the bundled one).")
    var base: String?

    @Option(name: .customLong("lam"), help: "Stage-1 ridge strength (default: the base file's, 0.01).")
    var lam: Double?

    @Option(name: .customLong("lam-hash"), help: "Hashed-vocabulary ridge strength; 0 turns stage 2 off (default: the base file's, 0.001).")
    var lamHash: Double?

    @Flag(name: .customLong("no-prior"), help: "Shrink towards 0 instead of the prior, with nothing pinned.")
    var noPrior = false

    @Option(name: .customLong("source-weight"), help: "SOURCE=W: total weight of a source (default 1; preference sources 0).")
    var sourceWeights: [String] = []

    @Option(name: .customLong("preference-source"), help: "A source whose labels are preferences, not accuracies (default: alpacaeval).")
    var preferenceSources: [String] = []

    @Option(name: .customLong("cross-validate"), help: "Also print in-source K-fold and leave-one-source-out figures.")
    var crossValidate: Int?

    @Option(name: .customLong("resamples"), help: "Bootstrap resamples for the intervals (default 200).")
    var resamples = 200

    func validate() throws {
        if data.isEmpty { throw ValidationError("give at least one --data file") }
        if let crossValidate, crossValidate < 2 { throw ValidationError("--cross-validate needs at least 2 folds") }
        if let lam, !(lam > 0) { throw ValidationError("--lam must be positive") }
        if let lamHash, !(lamHash >= 0) { throw ValidationError("--lam-hash must not be negative") }
        _ = try parsedSourceWeights()
    }

    func parsedSourceWeights() throws -> [String: Double] {
        var weights: [String: Double] = [:]
        for item in sourceWeights {
            let parts = item.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let weight = Double(parts[1]), weight >= 0 else {
                throw ValidationError("--source-weight takes SOURCE=W with W ≥ 0, got \(item)")
            }
            weights[String(parts[0])] = weight
        }
        return weights
    }

    func run() throws {
        let basePath = base ?? ModelsDirectoryLocator.locate(
            option: common.modelsDirectory, environment: ProcessInfo.processInfo.environment).map { "\($0.path)/routing/routing.json" }
        guard let basePath else {
            throw AdvisorCommandSupport.fail("calibrate", "no models/ directory found for the bundled routing file (use --base)")
        }
        let baseModel: RoutingModel
        do throws(RoutingFileError) {
            baseModel = try RoutingModel.load(path: basePath)
        } catch {
            throw AdvisorCommandSupport.fail("calibrate", "invalid base routing file: \(error)")
        }
        var config = baseModel.document.training.config
        if let lam { config.lam = lam }
        if let lamHash { config.lam_h = lamHash > 0 ? lamHash : nil }
        if noPrior { config.use_prior = false }
        let weights = try parsedSourceWeights()
        if !weights.isEmpty { config.sourceWeights = weights }
        if !preferenceSources.isEmpty { config.preferenceSources = preferenceSources }
        config.two_stage = true
        let rows: [LabelledRow]
        do throws(LabelledRowError) {
            rows = try LabelledRowReader.read(paths: data)
        } catch {
            throw AdvisorCommandSupport.fail("calibrate", error.description)
        }
        let calibrator = RoutingCalibrator(base: baseModel, config: config)
        let report: (String) -> Void = { text in
            if out == nil { FileHandle.standardError.write(Data((text + "\n").utf8)) } else { AdvisorCommandSupport.print(text) }
        }
        let examples = calibrator.examples(rows)
        let command = "preflight calibrate " + CommandLine.arguments.dropFirst(2).map { argument in
            argument.contains(" ") ? "'\(argument)'" : argument
        }.joined(separator: " ")
        do {
            let (document, summary) = try calibrator.calibrate(
                examples, files: data.map { URL(fileURLWithPath: $0).lastPathComponent }, createdBy: command)
            let bytes = try RoutingModel.encode(document)
            if let out {
                guard FileManager.default.createFile(atPath: out, contents: Data(bytes)) else {
                    throw AdvisorCommandSupport.fail("calibrate", "cannot write \(out)")
                }
            } else {
                FileHandle.standardOutput.write(Data(bytes + [0x0A]))
            }
            report("rows: " + summary.rowsPerSource.map { "\($0.source) \($0.rows)" }.joined(separator: ", "))
            report(String(format: "thresholds: economy/standard %.4f, standard/premium %.4f, premium/frontier %.4f",
                          document.thresholds.economy_standard, document.thresholds.standard_premium,
                          document.thresholds.premium_frontier))
            report(String(format: "out-of-fold at95 share: premium %.3f", summary.premiumShare)
                   + (summary.economyShare.map { String(format: ", economy boundary %.3f", $0) } ?? ""))
            report("tier shares of the accuracy rows (in sample): " + zip(["economy", "standard", "premium", "frontier"], summary.tierShares)
                .map { String(format: "%@ %.3f", $0, $1) }.joined(separator: ", "))
            if let crossValidate {
                let table = try CrossValidationReport(calibrator: calibrator, examples: examples, folds: crossValidate,
                                                      resamples: resamples)
                report("")
                report(table.markdown)
            }
        } catch let error as RoutingFileError {
            throw AdvisorCommandSupport.fail("calibrate", error.description)
        }
    }
}
