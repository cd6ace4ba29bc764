import JSON

/// The routing file (`models/routing/routing.json`) as it is stored: everything the complexity
/// router needs at run time — feature definitions, lexicons, the fitted weights, the squash, the
/// tier thresholds — plus how it was made.
///
/// One document type is both read (by `RoutingModel.load`) and written (by `preflight
/// calibrate`), so the file the command writes is the file the server loads. Member names follow
/// the research prototype's `routing.json` (format version 1), which this type reads unchanged.
///
/// Format 2 differs in one member only: `hash.weights` is a dense array of `size` integers, each
/// slot's weight in millionths (calibrate rounds the weights to 1e-6, so nothing is lost), where
/// format 1 has an object of slot strings. The array is half the size and parses in a fraction
/// of the time (numbers without keys, integers without `strtod`).
public struct RoutingDocument: Codable, Sendable {
    /// The format `calibrate` writes.
    public static let currentFormatVersion = 2
    /// The formats this build reads; a file with another version is refused, never guessed at.
    public static let readableFormatVersions = 1...2

    /// The file's format version (`currentFormatVersion`).
    public var formatVersion: Int
    /// `preflight-complexity-router`, so a wrong JSON file is named as such.
    public var kind: String
    /// The command that made the file.
    public var createdBy: String
    /// The rows and settings it was fitted from.
    public var training: Training
    /// Feature names in model order (52 features, then `dim_*` for the nine dimensions).
    public var features: [String]
    /// dimension → feature → weight: each dimension is `min(1, Σ weight·feature)`.
    public var dimensionWeights: OrderedObject<OrderedObject<Double>>
    /// lexicon category → K in `sat(count, K) = count / (count + K)`.
    public var lexiconSaturation: OrderedObject<Double>
    /// category → language → entries (`word`, `stem*`, `two words`, `~infix`, CJK substrings).
    public var lexicons: OrderedObject<OrderedObject<[String]>>
    /// Answer labels that end a worked few-shot example (`answer:`, `答案：`, …).
    public var answerLabels: [String]
    /// The gated hashed exam vocabulary.
    public var hash: Hash
    /// The fitted linear model.
    public var model: Model
    /// Features held at the prior during fitting (no labelled support).
    public var pinned: [String]
    /// `score = 1 / (1 + exp(-(raw - center) / scale))`.
    public var squash: Squash
    /// Cut points on `score` between tiers.
    public var thresholds: Thresholds
    /// How confidence follows from the distance to the nearest threshold.
    public var confidence: Confidence
    /// The evidence a prompt needs, besides its score, to be sent to frontier (absent in the
    /// prototype's file: then `FrontierRule.standard`).
    public var frontierRule: FrontierRule?

    /// Where the weights came from.
    public struct Training: Codable, Sendable {
        /// The row files, by name.
        public var files: [String]
        /// How many rows were read.
        public var rows: Int
        /// The fitting settings.
        public var config: FitConfiguration
    }

    /// The hashed vocabulary block: `size` slots of FNV-1a-32 over a token's UTF-8 bytes.
    ///
    /// Read from either form (format 1's object of slot strings, format 2's dense array of
    /// millionths); always written in format 2's form.
    public struct Hash: Codable, Sendable {
        /// Number of slots (4,096).
        public var size: Int
        /// `fnv1a32-utf8`.
        public var function: String
        /// Which prompts switch it on: `mc|cloze|fewshot`.
        public var gate: String
        /// Non-zero slot weights, by slot index written as a string.
        public var weights: OrderedObject<Double>

        /// Creates a block.
        public init(size: Int, function: String, gate: String, weights: OrderedObject<Double>) {
            self.size = size
            self.function = function
            self.gate = gate
            self.weights = weights
        }

        private enum CodingKeys: String, CodingKey { case size, function, gate, weights }

        /// Reads `weights` as an object (format 1) or a dense array of millionths (format 2).
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            size = try container.decode(Int.self, forKey: .size)
            function = try container.decode(String.self, forKey: .function)
            gate = try container.decode(String.self, forKey: .gate)
            if let millionths = try? container.decode([Int].self, forKey: .weights) {
                weights = Hash.weights(millionths: millionths)
            } else {
                weights = try container.decode(OrderedObject<Double>.self, forKey: .weights)
            }
        }

        /// Writes `weights` as format 2's dense array of `size` millionths.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(size, forKey: .size)
            try container.encode(function, forKey: .function)
            try container.encode(gate, forKey: .gate)
            try container.encode(denseMillionths(), forKey: .weights)
        }

        /// The non-zero slots of a dense array of millionths, each `millionths / 1e6` (the same
        /// double as the decimal `calibrate` rounds to).
        static func weights(millionths: [Int]) -> OrderedObject<Double> {
            var members: [(name: String, value: Double)] = []
            for (slot, value) in millionths.enumerated() where value != 0 {
                members.append((String(slot), Double(value) / 1e6))
            }
            return OrderedObject(members)
        }

        /// The weights as `size` millionths (slots outside `0..<size` are left out; loading
        /// refuses them anyway).
        func denseMillionths() -> [Int] {
            var dense = [Int](repeating: 0, count: max(0, size))
            for (key, weight) in weights.members {
                guard let slot = Int(key), slot >= 0, slot < dense.count, weight.isFinite else { continue }
                dense[slot] = Int((weight * 1e6).rounded())
            }
            return dense
        }
    }

    /// The stage-1 linear model in gain units (strong − weak correctness).
    public struct Model: Codable, Sendable {
        /// Intercept.
        public var intercept: Double
        /// feature → weight, every name of `features`.
        public var weights: OrderedObject<Double>
        /// feature → the hand-set prior the fit shrinks towards (absent names: 0).
        public var prior: OrderedObject<Double>
    }

    /// The logistic squash from raw gain to the 0…1 score.
    public struct Squash: Codable, Sendable {
        /// Raw gain mapped to 0.5 (the median raw gain of the development rows).
        public var center: Double
        /// Spread (10–90 % raw spread ÷ 4).
        public var scale: Double
        /// The formula, for people reading the file.
        public var formula: String?
    }

    /// The three cut points, ascending.
    public struct Thresholds: Codable, Sendable {
        /// economy below, standard at or above.
        public var economy_standard: Double
        /// standard below, premium at or above.
        public var standard_premium: Double
        /// At or above: frontier by score alone (the frontier rule can also reach it).
        public var premium_frontier: Double
    }

    /// `confidence = 0.5 + 0.5·min(1, distance / band)`; below `escalateBelow`, just under a
    /// threshold, the router escalates one tier.
    public struct Confidence: Codable, Sendable {
        /// Score distance at which confidence reaches 1.
        public var band: Double
        /// Escalate when confidence is below this and the score sits just under a cut.
        public var escalateBelow: Double
        /// The formula, for people reading the file.
        public var formula: String?
    }
}
