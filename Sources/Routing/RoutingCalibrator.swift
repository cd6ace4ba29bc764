import Foundation
import JSON

/// `preflight calibrate`: fits the router's weights and thresholds from labelled rows, in Swift,
/// the way the research prototype's `build.py` does (scripts/routing-reference/).
///
/// - Stage 1: weighted ridge of the gain `strong − weak` on the 61 features, shrunk towards the
///   prior, pinned features (no labelled support) held there; each source weighs 1 in total
///   (preference sources `pref_weight`), closed-form solve.
/// - Stage 2: ridge of the stage-1 residuals of exam-style rows on the hashed vocabulary, by
///   conjugate gradient.
/// - Squash: centre = median raw gain of the accuracy-labelled rows, scale = 10–90 % spread ÷ 4.
/// - Thresholds: the share of premium calls reaching 95 % of the strong model's accuracy,
///   measured on out-of-fold scores, becomes a score quantile; the same for the economy
///   boundary on rows with `economy_correct`; the frontier cut is the top 1 % (at least 0.93).
/// The feature definitions (lexicons, dimension weights, prior, pinned features) come from the
/// base routing file, so a re-fit changes numbers, never what the features mean.
public struct RoutingCalibrator: Sendable {
    /// The routing file whose definitions are kept.
    public let base: RoutingModel
    /// The fit settings.
    public let config: FitConfiguration

    /// Creates a calibrator.
    public init(base: RoutingModel, config: FitConfiguration) {
        self.base = base
        self.config = config
    }

    /// A row with its features computed once.
    public struct Example: Sendable {
        /// The row.
        public let row: LabelledRow
        /// The 61 model inputs.
        public let features: [Double]
        /// The hashed focus vocabulary, empty unless the row is exam-style.
        let hashed: [(slot: Int, value: Double)]
    }

    /// The fitted numbers.
    public struct Fit: Sendable {
        /// Intercept.
        public let intercept: Double
        /// Weights in feature order.
        public let weights: [Double]
        /// Hash slot weights.
        public let hashWeights: [Double]

        /// The raw gain of an example.
        func raw(_ example: Example) -> Double {
            var raw = intercept
            for (w, x) in zip(weights, example.features) { raw += w * x }
            for (slot, value) in example.hashed { raw += hashWeights[slot] * value }
            return raw
        }
    }

    /// Features of every row (the expensive part, done once for all fits).
    public func examples(_ rows: [LabelledRow]) -> [Example] {
        let router = ComplexityRouter(model: base)
        return rows.map { row in
            let scored = router.score(row.prompt)
            let hashed = scored.gated
                ? FeatureExtractor.hashed(scored.extraction, size: base.document.hash.size)
                : []
            return Example(row: row, features: scored.features, hashed: hashed)
        }
    }

    private func isPreference(_ source: String) -> Bool { config.preferenceSourceSet.contains(source) }

    /// The target of a row: the accuracy gain (a preference scaled by `pref_scale`).
    func target(_ row: LabelledRow) -> Double {
        let gain = row.strong - row.weak
        return isPreference(row.source) ? gain * config.pref_scale : gain
    }

    /// Per-row weights: each source `sourceWeights[s]` (default 1, preference sources
    /// `pref_weight`) in total, normalised to sum to the row count.
    func rowWeights(_ examples: [Example]) -> [Double] {
        var counts: [String: Int] = [:]
        for example in examples { counts[example.row.source, default: 0] += 1 }
        let raw = examples.map { example -> Double in
            let source = example.row.source
            let total = config.sourceWeights?[source] ?? (isPreference(source) ? config.pref_weight : 1)
            return total / Double(counts[source]!)
        }
        let sum = raw.reduce(0, +)
        guard sum > 0 else { return raw.map { _ in 0 } }
        return raw.map { $0 / sum * Double(raw.count) }
    }

    /// Fits both stages on `examples`.
    ///
    /// - Throws: `RoutingFileError` when the rows carry no weight or the system is singular.
    public func fit(_ examples: [Example]) throws(RoutingFileError) -> Fit {
        let names = FeatureLayout.allNames
        let d = names.count + 1
        let weights = rowWeights(examples)
        let kept = examples.indices.filter { weights[$0] > 0 }
        guard !kept.isEmpty else {
            throw RoutingFileError(field: "data", message: "no row carries weight (every source has weight 0)")
        }
        let n = Double(kept.count)
        var a = [Double](repeating: 0, count: d * d)
        var rhs = [Double](repeating: 0, count: d)
        var x1 = [Double](repeating: 1, count: d)
        for i in kept {
            let w = weights[i] / n
            for k in 0..<(d - 1) { x1[k + 1] = examples[i].features[k] }
            let wy = w * target(examples[i].row)
            for r in 0..<d {
                let wr = w * x1[r]
                if wr == 0 { continue }
                rhs[r] += x1[r] * wy
                for c in r..<d { a[r * d + c] += wr * x1[c] }
            }
        }
        for r in 0..<d { for c in 0..<r { a[r * d + c] = a[c * d + r] } }
        let prior = base.document.model.prior
        let pinned = Set(base.document.pinned)
        for k in 1..<d {
            let name = names[k - 1]
            let penalty = config.lam * (config.use_prior && pinned.contains(name) ? 1e4 : 1)
            a[k * d + k] += penalty
            if config.use_prior { rhs[k] += penalty * (prior[name] ?? 0) }
        }
        guard let theta = RidgeSolver.solve(a, rhs, n: d) else {
            throw RoutingFileError(field: "data", message: "the features are degenerate on these rows (singular system)")
        }
        let stageOne = Fit(intercept: theta[0], weights: Array(theta[1...]),
                           hashWeights: [Double](repeating: 0, count: base.document.hash.size))
        var hashWeights = stageOne.hashWeights
        if let lamH = config.lam_h {
            let gated = examples.filter { !$0.hashed.isEmpty }
            if gated.count > 10 {
                let residuals = gated.map { target($0.row) - stageOne.raw($0) }
                hashWeights = RidgeSolver.sparseRidge(rows: gated.map(\.hashed), targets: residuals,
                                                      size: base.document.hash.size, lamH: lamH)
            }
        }
        return Fit(intercept: theta[0], weights: stageOne.weights, hashWeights: hashWeights)
    }

    // MARK: - Out-of-sample scores

    /// How rows are held out.
    public enum Holdout: Sendable {
        /// Stratified k-fold: each source's rows are spread over the folds.
        case folds(Int)
        /// Each source is scored by a model fitted without it.
        case leaveOneSourceOut
    }

    /// Raw gains of every example from models that did not see it.
    public func outOfSample(_ examples: [Example], holdout: Holdout) throws(RoutingFileError) -> [Double] {
        var raw = [Double](repeating: 0, count: examples.count)
        let groups: [[Int]]
        switch holdout {
        case .folds(let k):
            var fold = [Int](repeating: 0, count: examples.count)
            var generator = SplitMix64(seed: UInt64(config.seed ?? 0))
            for source in sources(examples) {
                var members = examples.indices.filter { examples[$0].row.source == source }
                members.shuffle(using: &generator)
                for (position, index) in members.enumerated() { fold[index] = position % k }
            }
            groups = (0..<k).map { f in examples.indices.filter { fold[$0] == f } }
        case .leaveOneSourceOut:
            groups = sources(examples).map { source in examples.indices.filter { examples[$0].row.source == source } }
        }
        for test in groups where !test.isEmpty {
            let held = Set(test)
            let training = examples.indices.filter { !held.contains($0) }.map { examples[$0] }
            let fit = try self.fit(training)
            for i in test { raw[i] = fit.raw(examples[i]) }
        }
        return raw
    }

    /// Distinct sources in first-seen order.
    func sources(_ examples: [Example]) -> [String] {
        var seen = Set<String>(), order: [String] = []
        for example in examples where seen.insert(example.row.source).inserted { order.append(example.row.source) }
        return order
    }

    // MARK: - The routing file

    /// What `calibrate` reports besides the file.
    public struct Summary: Sendable {
        /// Rows per source.
        public let rowsPerSource: [(source: String, rows: Int)]
        /// at95 shares measured out of fold (premium on accuracy rows; economy on economy rows).
        public let premiumShare: Double, economyShare: Double?
        /// Tier shares of the accuracy-labelled rows under the new file (in sample).
        public let tierShares: [Double]
    }

    /// Fits everything and returns the new routing document.
    public func calibrate(_ examples: [Example], files: [String], createdBy: String) throws(RoutingFileError)
        -> (RoutingDocument, Summary) {
        let fit = try self.fit(examples)
        let raw = examples.map { fit.raw($0) }
        let dev = examples.indices.filter { !isPreference(examples[$0].row.source) }
        guard dev.count >= 2 else {
            throw RoutingFileError(field: "data", message: "need at least two accuracy-labelled rows")
        }
        let devRaw = dev.map { raw[$0] }
        let center = RidgeSolver.quantile(devRaw, 0.5)
        var scale = (RidgeSolver.quantile(devRaw, 0.9) - RidgeSolver.quantile(devRaw, 0.1)) / 4
        if !(scale > 0) { scale = 1e-3 }
        let score = raw.map { 1 / (1 + exp(-($0 - center) / scale)) }
        let oof = try outOfSample(examples, holdout: .folds(config.folds ?? 5))
        let premium = RouteCurve(weak: dev.map { examples[$0].row.weak }, strong: dev.map { examples[$0].row.strong },
                                 scores: dev.map { oof[$0] })
        let premiumQuantile = RidgeSolver.quantile(dev.map { score[$0] }, 1 - premium.at95)
        let economyRows = examples.indices.filter { examples[$0].row.economy != nil }
        var economyCut = base.document.thresholds.economy_standard
        var economyShare: Double? = nil
        if economyRows.count >= 2 {
            let curve = RouteCurve(weak: economyRows.map { examples[$0].row.economy! },
                                   strong: economyRows.map { examples[$0].row.weak }, scores: economyRows.map { oof[$0] })
            economyShare = curve.at95
            economyCut = RidgeSolver.quantile(economyRows.map { score[$0] }, 1 - curve.at95)
        }
        // Keep the cuts ordered and inside (0, 1) even on small or degenerate data.
        let premiumClamped = min(max(premiumQuantile, 0.03), 0.9)
        economyCut = max(min(economyCut, premiumClamped - 0.02), 0.01)
        let frontierCut = min(max(max(0.93, RidgeSolver.quantile(dev.map { score[$0] }, 0.99)), premiumClamped + 0.05), 0.999)
        let premiumCut = premiumClamped
        func round(_ value: Double, _ places: Double) -> Double { (value * places).rounded() / places }

        var document = base.document
        document.formatVersion = RoutingDocument.currentFormatVersion
        document.createdBy = createdBy
        document.training = .init(files: files, rows: examples.count, config: config)
        document.model.intercept = round(fit.intercept, 1e6)
        document.model.weights = OrderedObject(zip(FeatureLayout.allNames, fit.weights).map { ($0, round($1, 1e6)) })
        document.hash.weights = OrderedObject(fit.hashWeights.enumerated().filter { abs($0.element) > 1e-6 }
            .map { (String($0.offset), round($0.element, 1e6)) })
        document.squash = .init(center: round(center, 1e6), scale: round(scale, 1e6),
                                formula: "score = 1/(1+exp(-(raw-center)/scale))")
        document.thresholds = .init(economy_standard: round(economyCut, 1e4), standard_premium: round(premiumCut, 1e4),
                                    premium_frontier: round(frontierCut, 1e4))
        document.frontierRule = document.frontierRule ?? .standard
        // Tier shares of the new file on the accuracy-labelled rows.
        let model = try RoutingModel(document: document, source: "calibrate")
        let router = ComplexityRouter(model: model)
        var shares = [Double](repeating: 0, count: 4)
        for i in dev {
            let tier = router.decide(score: model.squash(model.raw(features: examples[i])), features: examples[i].features).tier
            shares[tier.rank] += 1 / Double(dev.count)
        }
        let counts = sources(examples).map { source in (source, examples.filter { $0.row.source == source }.count) }
        return (document, Summary(rowsPerSource: counts, premiumShare: premium.at95, economyShare: economyShare,
                                  tierShares: shares))
    }
}

extension RoutingModel {
    /// The raw gain of a calibration example under this model.
    func raw(features example: RoutingCalibrator.Example) -> Double {
        var raw = intercept
        for (w, x) in zip(weights, example.features) { raw += w * x }
        for (slot, value) in example.hashed { raw += hashWeights[slot] * value }
        return raw
    }
}
