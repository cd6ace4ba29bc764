import Foundation
import JSON

/// A loaded, validated routing file, compiled for scoring: the lexicon tries, the weights as
/// arrays in feature order, the hashed vocabulary as a dense table.
///
/// Immutable and `Sendable`, so one instance serves every request; loading a replacement never
/// disturbs the one in use.
public struct RoutingModel: Sendable {
    /// The document it was compiled from (written back by `calibrate`).
    public let document: RoutingDocument
    /// Where it was loaded from (`bundled` for the built-in path when unknown).
    public let source: String
    let extractor: FeatureExtractor
    /// Stage-1 weights in `FeatureLayout.allNames` order.
    let weights: [Double]
    let intercept: Double
    /// Hash slot weights (dense).
    let hashWeights: [Double]
    /// The three cut points, ascending.
    let cuts: [Double]
    /// The frontier rule in effect.
    let frontierRule: FrontierRule

    /// `formats 1 and 2`, for errors.
    static let readableFormats = "formats " + RoutingDocument.readableFormatVersions.map(String.init).joined(separator: " and ")

    /// The largest routing file accepted (the bundled one is about 120 KB).
    public static let maxFileBytes = 5 << 20

    /// Compiles `document`.
    ///
    /// - Throws: `RoutingFileError` naming the member at fault: another format version, a
    ///   feature list that is not this build's, thresholds out of order, a missing weight.
    public init(document: RoutingDocument, source: String) throws(RoutingFileError) {
        guard RoutingDocument.readableFormatVersions.contains(document.formatVersion) else {
            throw RoutingFileError(field: "formatVersion",
                                   message: "is \(document.formatVersion), but this build reads \(RoutingModel.readableFormats) only")
        }
        guard document.kind == "preflight-complexity-router" else {
            throw RoutingFileError(field: "kind", message: "is \"\(document.kind)\", not \"preflight-complexity-router\"")
        }
        guard document.features == FeatureLayout.allNames else {
            let firstDifference = Array(zip(document.features, FeatureLayout.allNames)).firstIndex { $0 != $1 }
                ?? min(document.features.count, FeatureLayout.allNames.count)
            throw RoutingFileError(field: "features[\(firstDifference)]",
                                   message: "the feature list differs from this build's "
                                       + "\(FeatureLayout.allNames.count) features (expected "
                                       + "\"\(firstDifference < FeatureLayout.allNames.count ? FeatureLayout.allNames[firstDifference] : "end of list")\")")
        }
        var saturation: [Double] = []
        for category in FeatureLayout.categories {
            guard let k = document.lexiconSaturation[category], k > 0 else {
                throw RoutingFileError(field: "lexiconSaturation.\(category)", message: "must be a positive number")
            }
            saturation.append(k)
        }
        let scannedNames = FeatureLayout.featureNames + ["ctx"]
        var dimensionWeights: [[(Int, Double)]] = []
        for dimension in FeatureLayout.dimensions {
            guard let members = document.dimensionWeights[dimension] else {
                throw RoutingFileError(field: "dimensionWeights.\(dimension)", message: "is missing")
            }
            var resolved: [(Int, Double)] = []
            for (name, weight) in members.members {
                guard let index = scannedNames.firstIndex(of: name) else {
                    throw RoutingFileError(field: "dimensionWeights.\(dimension).\(name)", message: "is not a feature")
                }
                resolved.append((index, weight))
            }
            dimensionWeights.append(resolved)
        }
        let lexicon = try LexiconMatcher(
            lexicons: document.lexicons.members.map { ($0.name, $0.value.members.map { ($0.name, $0.value) }) },
            categories: FeatureLayout.categories)
        var wordLabels: [[UInt32]] = [], otherLabels: [[UInt32]] = []
        for label in document.answerLabels where label != "a" && !label.isEmpty {
            let scalars = label.unicodeScalars.map(\.value)
            if scalars.allSatisfy({ $0 < 0x0600 }) { wordLabels.append(scalars) } else { otherLabels.append(scalars) }
        }
        extractor = FeatureExtractor(lexicon: lexicon, saturation: saturation, dimensionWeights: dimensionWeights,
                                     wordLabels: wordLabels, otherLabels: otherLabels)
        var weights: [Double] = []
        // The first member of each name wins, as `OrderedObject`'s subscript reads it.
        let fileWeights = Dictionary(document.model.weights.members, uniquingKeysWith: { first, _ in first })
        for name in FeatureLayout.allNames {
            guard let weight = fileWeights[name], weight.isFinite else {
                throw RoutingFileError(field: "model.weights.\(name)", message: "is missing or not a finite number")
            }
            weights.append(weight)
        }
        self.weights = weights
        intercept = document.model.intercept
        guard document.hash.size > 0, document.hash.size <= 1 << 20, document.hash.function == "fnv1a32-utf8" else {
            throw RoutingFileError(field: "hash", message: "must be fnv1a32-utf8 with 1…1,048,576 slots")
        }
        var table = [Double](repeating: 0, count: document.hash.size)
        for (key, weight) in document.hash.weights.members {
            guard let slot = Int(key), slot >= 0, slot < document.hash.size else {
                throw RoutingFileError(field: "hash.weights.\(key)", message: "is not a slot below \(document.hash.size)")
            }
            table[slot] = weight
        }
        hashWeights = table
        guard document.squash.scale > 0, document.squash.center.isFinite else {
            throw RoutingFileError(field: "squash.scale", message: "must be positive")
        }
        let t = document.thresholds
        cuts = [t.economy_standard, t.standard_premium, t.premium_frontier]
        guard cuts.allSatisfy({ $0 > 0 && $0 < 1 }), cuts[0] < cuts[1], cuts[1] < cuts[2] else {
            throw RoutingFileError(field: "thresholds",
                                   message: "must rise strictly inside (0, 1): economy_standard < standard_premium < premium_frontier")
        }
        guard document.confidence.band > 0 else {
            throw RoutingFileError(field: "confidence.band", message: "must be positive")
        }
        frontierRule = document.frontierRule ?? .standard
        self.document = document
        self.source = source
    }

    /// Decodes and compiles routing-file text; `file` names it in errors. A UTF-8 byte-order
    /// mark is skipped; a member named twice in one object (a weight given twice) is an error.
    public static func decode(bytes: [UInt8], file: String) throws(RoutingFileError) -> RoutingModel {
        let json: JSONValue
        do {
            json = try JSONValue.parse(JSONValue.withoutByteOrderMark(bytes), rejectingDuplicateKeys: true)
        } catch {
            throw RoutingFileError(file: file, field: "", message: "invalid JSON at line \(error.line), column \(error.column): \(error.message)")
        }
        if let version = json["formatVersion"],
           !(version.intValue.map(RoutingDocument.readableFormatVersions.contains) ?? false) {
            throw RoutingFileError(file: file, field: "formatVersion",
                                   message: "is \(version.serializedString), but this build reads \(RoutingModel.readableFormats) only")
        }
        let document: RoutingDocument
        do {
            document = try RoutingDocumentReader.read(json)
        } catch {
            throw RoutingFileError(file: file, field: error.path, message: error.message)
        }
        do {
            return try RoutingModel(document: document, source: file)
        } catch {
            var located = error
            located.file = file
            throw located
        }
    }

    /// Reads, decodes and compiles the routing file at `path` (a regular file of at most
    /// `maxFileBytes`).
    public static func load(path: String) throws(RoutingFileError) -> RoutingModel {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw RoutingFileError(file: path, field: "", message: "cannot read the file: \(String(cString: strerror(errno)))")
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw RoutingFileError(file: path, field: "", message: "cannot read the file: not a regular file")
        }
        guard Int(info.st_size) <= maxFileBytes else {
            throw RoutingFileError(file: path, field: "", message: "larger than \(maxFileBytes >> 20) MiB")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RoutingFileError(file: path, field: "", message: "cannot read the file")
        }
        return try decode(bytes: [UInt8](data), file: path)
    }

    /// The routing file's JSON text, as `calibrate` writes it.
    public static func encode(_ document: RoutingDocument) throws -> [UInt8] {
        try JSONValueEncoder().encode(document).serialized()
    }

    // MARK: - Scoring

    /// The stage-1 and stage-2 raw gain of extracted features.
    func raw(_ result: FeatureExtractor.Result) -> Double {
        var raw = intercept
        for (w, x) in zip(weights, result.vector) { raw += w * x }
        if result.gate {
            for (slot, value) in FeatureExtractor.hashed(result, size: hashWeights.count) {
                raw += hashWeights[slot] * value
            }
        }
        return raw
    }

    /// The 0…1 score of a raw gain.
    func squash(_ raw: Double) -> Double {
        1 / (1 + exp(-(raw - document.squash.center) / document.squash.scale))
    }
}
