import Foundation
import JSON
import Testing
@testable import Routing

/// `preflight calibrate`'s fitter: it recovers planted signals, it equals the Python reference
/// fitter on the same rows, and it refuses bad rows by path, line and field.
@Suite struct CalibrationTests {
    static let rowsPath = RoutingTestSupport.fixtures + "/planted-rows.jsonl"

    func calibrator(lam: Double, usePrior: Bool) -> RoutingCalibrator {
        var config = FitConfiguration.standard
        config.lam = lam
        config.use_prior = usePrior
        return RoutingCalibrator(base: RoutingTestSupport.referenceModel, config: config)
    }

    @Test func recoversThePlantedSignals() throws {
        let rows = try LabelledRowReader.read(path: CalibrationTests.rowsPath)
        #expect(rows.count == 120)
        let calibrator = calibrator(lam: 1e-4, usePrior: false)
        let examples = calibrator.examples(rows)
        let fit = try calibrator.fit(examples)
        // Word problems with several quantities carry the gain: the interaction gets a positive weight…
        let wordproblem = fit.weights[FeatureLayout.allNames.firstIndex(of: "wordproblem")!]
        #expect(wordproblem > 0.1)
        // …and every gaining row ranks above every other (APGR 0.75 is the maximum when half gain).
        let fixture = examples.indices.filter { examples[$0].row.source == "fixture" }
        let curve = RouteCurve(weak: fixture.map { examples[$0].row.weak }, strong: fixture.map { examples[$0].row.strong },
                               scores: fixture.map { fit.raw(examples[$0]) })
        #expect(abs(curve.apgr - 0.75) < 1e-9)
        // The exam rows' gain is planted on one word: only the hashed stage can see it.
        let exam = examples.indices.filter { examples[$0].row.source == "exam" }
        let hard = exam.filter { examples[$0].row.prompt.contains("photosynthesis") }
        let easy = exam.filter { !examples[$0].row.prompt.contains("photosynthesis") }
        #expect(hard.map { fit.raw(examples[$0]) }.min()! > easy.map { fit.raw(examples[$0]) }.max()!)
    }

    @Test(arguments: [("planted", 1e-4, false), ("shipped", 0.01, true)])
    func fitEqualsTheReferenceFitter(_ name: String, _ lam: Double, _ usePrior: Bool) throws {
        let reference = try JSONValue.parseFile(atPath: RoutingTestSupport.fixtures + "/planted-fit.json")[name]!
        let calibrator = calibrator(lam: lam, usePrior: usePrior)
        let fit = try calibrator.fit(calibrator.examples(try LabelledRowReader.read(path: CalibrationTests.rowsPath)))
        #expect(abs(fit.intercept - reference["intercept"]!.doubleValue!) < 1e-7)
        for (i, name) in FeatureLayout.allNames.enumerated() {
            let want = reference["weights"]![name]!.doubleValue!
            #expect(abs(fit.weights[i] - want) < 1e-7, "\(name): \(fit.weights[i]) vs reference \(want)")
        }
        var hash = [Double](repeating: 0, count: fit.hashWeights.count)
        for (slot, value) in reference["hash"]!.members { hash[Int(slot)!] = value.doubleValue! }
        #expect(zip(fit.hashWeights, hash).map { abs($0 - $1) }.max()! < 1e-6)
        #expect(hash.contains { $0 != 0 })
    }

    @Test func aCalibratedFileLoadsAndRoutesTheFixture() throws {
        let calibrator = calibrator(lam: 0.01, usePrior: true)
        let examples = calibrator.examples(try LabelledRowReader.read(path: CalibrationTests.rowsPath))
        let (document, summary) = try calibrator.calibrate(examples, files: ["planted-rows.jsonl"], createdBy: "test")
        let model = try RoutingModel.decode(bytes: try RoutingModel.encode(document), file: "calibrated.json")
        #expect(model.document.training.rows == 120)
        #expect(model.document.createdBy == "test")
        let t = model.document.thresholds
        #expect(t.economy_standard < t.standard_premium && t.standard_premium < t.premium_frontier)
        #expect(abs(summary.tierShares.reduce(0, +) - 1) < 1e-9)
        #expect(summary.rowsPerSource.map(\.source) == ["fixture", "exam"])
    }

    @Test func badRowsNameThePathLineAndField() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-rows-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let cases: [(String, String, String)] = [
            ("{\"prompt\": 3, \"weak_correct\": true, \"strong_correct\": true}", "prompt", "must be a string"),
            ("{\"prompt\": \"x\", \"strong_correct\": true}", "weak_correct", "is required"),
            ("{\"prompt\": \"x\", \"weak_correct\": 1.5, \"strong_correct\": true}", "weak_correct", "0…1"),
            ("{\"prompt\": \"x\", \"weak_correct\": 1, \"strong_correct\": \"yes\"}", "strong_correct", "boolean"),
            ("{\"prompt\": \"x\", \"weak_correct\": 1, \"strong_correct\": 0, \"economy_correct\": -1}", "economy_correct", "0…1"),
            ("{\"prompt\": \"x\", ", "", "invalid JSON"),
            ("{\"prompt\": \"x\", \"weak_correct\": 1, \"strong_correct\": 0, \"weak_correct\": 0}", "", "duplicate object key"),
        ]
        for (i, (line, field, message)) in cases.enumerated() {
            let path = directory.appendingPathComponent("rows\(i).jsonl").path
            let good = "{\"prompt\": \"ok\", \"weak_correct\": false, \"strong_correct\": 1}"
            try (good + "\n\n" + line + "\n").write(toFile: path, atomically: true, encoding: .utf8)
            let error = #expect(throws: LabelledRowError.self) { try LabelledRowReader.read(paths: [path]) }
            #expect(error?.line == 3)
            #expect(error?.field == field)
            #expect(error?.description.hasPrefix("\(path):3") == true)
            #expect(error?.message.contains(message) == true, "\(error?.message ?? "")")
        }
        let path = directory.appendingPathComponent("named.jsonl").path
        try "{\"prompt\": \"ok\", \"weak_correct\": false, \"strong_correct\": 1}\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try LabelledRowReader.read(path: path).first?.source == "named")
        // A byte-order mark before the first row is not part of it.
        let bom = directory.appendingPathComponent("bom.jsonl").path
        try Data([0xEF, 0xBB, 0xBF] + Array("{\"prompt\": \"ok\", \"weak_correct\": false, \"strong_correct\": 1}\n".utf8))
            .write(to: URL(fileURLWithPath: bom))
        #expect(try LabelledRowReader.read(path: bom).count == 1)
    }

    @Test func routeCurveMatchesRouteEvalOnAHandWorkedCase() {
        // Two rows gain, two do not; a perfect ranking puts the gainers first.
        let curve = RouteCurve(weak: [0, 1, 0, 1], strong: [1, 1, 1, 1], scores: [0.9, 0.1, 0.8, 0.2])
        #expect(curve.weakAccuracy == 0.5 && curve.strongAccuracy == 1)
        #expect(abs(curve.apgr - 0.75) < 1e-12)
        #expect(curve.cpt50 == 0.25 && curve.cpt80 == 0.5 && curve.at95 == 0.5)
    }
}
