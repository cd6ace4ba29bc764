import Foundation

/// Held-out routing figures from `preflight calibrate --cross-validate K`: per source, pooled,
/// and at the economy boundary, for in-source k-fold and leave-one-source-out scores, with
/// bootstrap 95 % intervals — the honest figures for rows the bundled file was fitted on.
public struct CrossValidationReport: Sendable {
    /// One line of the table.
    public struct Line: Sendable {
        /// `gsm8k`, `pooled`, `economy:arc-challenge`, …
        public let name: String
        /// The curve.
        public let curve: RouteCurve
        /// 95 % bootstrap interval of APGR.
        public let apgrInterval: ClosedRange<Double>
        /// 95 % bootstrap interval of at95.
        public let at95Interval: ClosedRange<Double>
    }

    /// A titled table.
    public struct Table: Sendable {
        /// What was held out.
        public let title: String
        /// Its lines.
        public let lines: [Line]
    }

    /// In-source k-fold, then leave-one-source-out (when there are two sources or more).
    public let tables: [Table]

    /// Computes both tables on `examples` with `resamples` bootstrap resamples per line.
    public init(calibrator: RoutingCalibrator, examples: [RoutingCalibrator.Example], folds: Int,
                resamples: Int = 200) throws(RoutingFileError) {
        var tables: [Table] = []
        let inSource = try calibrator.outOfSample(examples, holdout: .folds(folds))
        tables.append(Table(title: "In-source: stratified \(folds)-fold cross-validation",
                            lines: CrossValidationReport.lines(calibrator, examples, inSource, resamples)))
        if calibrator.sources(examples).count >= 2 {
            let loso = try calibrator.outOfSample(examples, holdout: .leaveOneSourceOut)
            tables.append(Table(title: "Leave-one-source-out (each source scored by a model fitted without it)",
                                lines: CrossValidationReport.lines(calibrator, examples, loso, resamples)))
        }
        self.tables = tables
    }

    static func lines(_ calibrator: RoutingCalibrator, _ examples: [RoutingCalibrator.Example], _ raw: [Double],
                      _ resamples: Int) -> [Line] {
        var lines: [Line] = []
        let preference = calibrator.config.preferenceSourceSet
        func add(_ name: String, _ indices: [Int], economy: Bool) {
            guard indices.count >= 2 else { return }
            let weak = indices.map { economy ? examples[$0].row.economy! : examples[$0].row.weak }
            let strong = indices.map { economy ? examples[$0].row.weak : examples[$0].row.strong }
            let scores = indices.map { raw[$0] }
            guard weak.reduce(0, +) != strong.reduce(0, +) else { return }
            let curve = RouteCurve(weak: weak, strong: strong, scores: scores)
            var generator = SplitMix64(seed: 0)
            var apgr: [Double] = [], at95: [Double] = []
            for _ in 0..<resamples {
                let pick = (0..<indices.count).map { _ in Int.random(in: 0..<indices.count, using: &generator) }
                let w = pick.map { weak[$0] }, s = pick.map { strong[$0] }
                guard w.reduce(0, +) != s.reduce(0, +) else { continue }
                let c = RouteCurve(weak: w, strong: s, scores: pick.map { scores[$0] })
                apgr.append(c.apgr)
                at95.append(c.at95)
            }
            func interval(_ values: [Double]) -> ClosedRange<Double> {
                values.isEmpty ? curve.apgr...curve.apgr
                    : RidgeSolver.quantile(values, 0.025)...RidgeSolver.quantile(values, 0.975)
            }
            lines.append(Line(name: name, curve: curve, apgrInterval: interval(apgr),
                              at95Interval: at95.isEmpty ? curve.at95...curve.at95 : interval(at95)))
        }
        let sources = calibrator.sources(examples)
        for source in sources {
            add(source, examples.indices.filter { examples[$0].row.source == source }, economy: false)
        }
        add("pooled (accuracy sources)", examples.indices.filter { !preference.contains(examples[$0].row.source) },
            economy: false)
        let economyRows = examples.indices.filter { examples[$0].row.economy != nil }
        if !economyRows.isEmpty {
            add("economy boundary (pooled)", economyRows, economy: true)
            for source in sources {
                add("economy: \(source)", economyRows.filter { examples[$0].row.source == source }, economy: true)
            }
        }
        return lines
    }

    /// The tables as Markdown.
    public var markdown: String {
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        func g(_ x: Double) -> String { String(format: "%.2f", x) }
        return tables.map { table in
            var text = "### \(table.title)\n\n| set | n | weak | strong | APGR [95% CI] | CPT(50%) | CPT(80%) | at95 [95% CI] |\n"
                + "|---|---|---|---|---|---|---|---|\n"
            for line in table.lines {
                let c = line.curve
                text += "| \(line.name) | \(c.n) | \(f(c.weakAccuracy)) | \(f(c.strongAccuracy)) | \(f(c.apgr)) "
                    + "[\(g(line.apgrInterval.lowerBound)), \(g(line.apgrInterval.upperBound))] | \(f(c.cpt50)) | "
                    + "\(f(c.cpt80)) | \(f(c.at95)) [\(g(line.at95Interval.lowerBound)), \(g(line.at95Interval.upperBound))] |\n"
            }
            return text
        }.joined(separator: "\n")
    }
}
