import JSON

/// Reads a `RoutingDocument` straight from the parsed JSON tree.
///
/// `JSONValueDecoder` (Codable) costs about a microsecond and a path string per value, and the
/// routing file holds some 10,000 values (3,500 lexicon entries, 4,000 hash weights): that made
/// loading take tens of milliseconds. This walks the tree once for the large members (features,
/// weights, lexicons, labels, hash weights) and leaves the small nested records (training,
/// squash, thresholds, confidence, frontier rule) to the Codable decoder, so both paths report
/// the same member paths and messages (`routing.hash.weights.17 must be a number`).
enum RoutingDocumentReader {
    /// The document in `json`; `root` prefixes the member paths of errors.
    static func read(_ json: JSONValue, root: String = "routing") throws(JSONDecodingFailure) -> RoutingDocument {
        let top = try object(json, root)
        func path(_ name: String) -> String { "\(root).\(name)" }
        let hash = try object(try required(top, "hash", root), path("hash"))
        let model = try object(try required(top, "model", root), path("model"))
        return RoutingDocument(
            formatVersion: try int(try required(top, "formatVersion", root), path("formatVersion")),
            kind: try string(try required(top, "kind", root), path("kind")),
            createdBy: try string(try required(top, "createdBy", root), path("createdBy")),
            training: try codable(RoutingDocument.Training.self, member(top, "training"), path("training")),
            features: try strings(try required(top, "features", root), path("features")),
            dimensionWeights: try objects(try required(top, "dimensionWeights", root), path("dimensionWeights")) {
                (value, path) throws(JSONDecodingFailure) in try numbers(value, path())
            },
            lexiconSaturation: try numbers(try required(top, "lexiconSaturation", root), path("lexiconSaturation")),
            lexicons: try objects(try required(top, "lexicons", root), path("lexicons")) {
                (value, path) throws(JSONDecodingFailure) in
                try objects(value, path()) { (value, path) throws(JSONDecodingFailure) in try strings(value, path()) }
            },
            answerLabels: try strings(try required(top, "answerLabels", root), path("answerLabels")),
            hash: RoutingDocument.Hash(
                size: try int(try required(hash, "size", path("hash")), path("hash.size")),
                function: try string(try required(hash, "function", path("hash")), path("hash.function")),
                gate: try string(try required(hash, "gate", path("hash")), path("hash.gate")),
                weights: try hashWeights(try required(hash, "weights", path("hash")), path("hash.weights"))),
            model: RoutingDocument.Model(
                intercept: try double(try required(model, "intercept", path("model")), path("model.intercept")),
                weights: try numbers(try required(model, "weights", path("model")), path("model.weights")),
                prior: try numbers(try required(model, "prior", path("model")), path("model.prior"))),
            pinned: try strings(try required(top, "pinned", root), path("pinned")),
            squash: try codable(RoutingDocument.Squash.self, member(top, "squash"), path("squash")),
            thresholds: try codable(RoutingDocument.Thresholds.self, member(top, "thresholds"), path("thresholds")),
            confidence: try codable(RoutingDocument.Confidence.self, member(top, "confidence"), path("confidence")),
            frontierRule: try member(top, "frontierRule").map { (value) throws(JSONDecodingFailure) in
                try codable(FrontierRule.self, value, path("frontierRule"))
            })
    }

    // MARK: - Members

    /// An object's member; `null` counts as absent, as in the Codable decoder.
    private static func member(_ object: JSONValue, _ name: String) -> JSONValue? {
        guard let value = object[name], !value.isNull else { return nil }
        return value
    }

    private static func required(_ object: JSONValue, _ name: String, _ path: String) throws(JSONDecodingFailure) -> JSONValue {
        guard let value = member(object, name) else {
            let full = JSONPath.appending(name, to: path)
            throw JSONDecodingFailure(path: full, message: "\(full) is required")
        }
        return value
    }

    private static func failure(_ value: JSONValue, _ path: () -> String, _ expected: String) -> JSONDecodingFailure {
        let path = path()
        if value.isNull { return JSONDecodingFailure(path: path, message: "\(path) is required") }
        return JSONDecodingFailure(path: path, message: "\(path) must be \(expected)")
    }

    private static func object(_ value: JSONValue, _ path: String) throws(JSONDecodingFailure) -> JSONValue {
        guard value.kind == .object else { throw failure(value, { path }, "an object") }
        return value
    }

    private static func string(_ value: JSONValue, _ path: @autoclosure () -> String) throws(JSONDecodingFailure) -> String {
        guard let string = value.stringValue else { throw failure(value, path, "a string") }
        return string
    }

    private static func double(_ value: JSONValue, _ path: @autoclosure () -> String) throws(JSONDecodingFailure) -> Double {
        guard let number = value.doubleValue else { throw failure(value, path, "a number") }
        return number
    }

    private static func int(_ value: JSONValue, _ path: @autoclosure () -> String) throws(JSONDecodingFailure) -> Int {
        if let int = value.intValue { return int }
        if value.kind == .real, let double = value.doubleValue, double.rounded() == double, abs(double) < 9e15 {
            return Int(double)
        }
        throw failure(value, path, "an integer")
    }

    private static func strings(_ value: JSONValue, _ path: String) throws(JSONDecodingFailure) -> [String] {
        guard value.kind == .array else { throw failure(value, { path }, "an array") }
        var result: [String] = []
        result.reserveCapacity(value.count)
        for (index, element) in value.elements.enumerated() { result.append(try string(element, "\(path)[\(index)]")) }
        return result
    }

    /// Format 1's object of slot strings, or format 2's dense array of millionths.
    private static func hashWeights(_ value: JSONValue, _ path: String) throws(JSONDecodingFailure) -> OrderedObject<Double> {
        guard value.kind == .array else { return try numbers(value, path) }
        var millionths: [Int] = []
        millionths.reserveCapacity(value.count)
        for element in value.elements {
            // Not integers: refused as the Codable decoder refuses it (it wants the object form).
            guard let integer = element.intValue else { return try numbers(value, path) }
            millionths.append(integer)
        }
        return RoutingDocument.Hash.weights(millionths: millionths)
    }

    private static func numbers(_ value: JSONValue, _ path: String) throws(JSONDecodingFailure) -> OrderedObject<Double> {
        try objects(value, path) { (value, path) throws(JSONDecodingFailure) in try double(value, path()) }
    }

    /// An object's members in file order, each read by `read`.
    private static func objects<Value>(
        _ value: JSONValue, _ path: String,
        _ read: (JSONValue, @autoclosure () -> String) throws(JSONDecodingFailure) -> Value
    ) throws(JSONDecodingFailure) -> OrderedObject<Value> {
        guard value.kind == .object else { throw failure(value, { path }, "an object") }
        var members: [(name: String, value: Value)] = []
        members.reserveCapacity(value.count)
        for (name, member) in value.members {
            members.append((name, try read(member, "\(path).\(name)")))
        }
        return OrderedObject(members)
    }

    private static func codable<T: Decodable>(_ type: T.Type, _ value: JSONValue?, _ path: String) throws(JSONDecodingFailure) -> T {
        try JSONValueDecoder().decode(type, from: value, path: path).value
    }
}
