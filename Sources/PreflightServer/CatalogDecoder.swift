import Advisor
import Foundation
import JSONRPC
import JSON
import Tokenizers

/// Which file format a catalog was read from.
public enum CatalogFormat: String, Sendable {
    /// Preflight's own `models/catalog.json` format (design brief, "Catalog").
    case preflight
    /// LiteLLM's `model_prices_and_context_window.json`, loaded as-is.
    case litellm
}

/// A loaded catalog and what loading it involved.
public struct CatalogLoadResult: Sendable {
    /// The validated catalog.
    public let catalog: Catalog
    /// The format it was read from.
    public let format: CatalogFormat
    /// LiteLLM entries left out, by reason (`no input/output price per token`: priced per second,
    /// per request or not at all); an entry without a context window loads with the window unknown.
    public let skipped: [String: Int]
    /// The layer the file declares itself (`"layer": "reference"` in a converted LiteLLM
    /// reference); a catalog without the member is a curated one.
    public var layer: CatalogLayer = .curated
}

/// Reads catalogs: the bundled format, or a LiteLLM price file as-is (detected by shape).
///
/// Every problem becomes a `CatalogLoadError` naming the file, the model and the field, with
/// Jansson's line and column for syntax errors and the field's position in the text otherwise.
/// Decoding is all-or-nothing: a file with one bad model yields an error, never a partial
/// catalog. (LiteLLM entries that simply lack a price per token — flat or `tiered_pricing` —
/// are not errors — LiteLLM's file has chat entries priced per second, per character or not at
/// all — they are skipped and counted in `skipped`; entries without `max_input_tokens`/
/// `max_tokens` load with the context window unknown; docs/COSTS.md gives the counts.)
public enum CatalogDecoder {
    /// Reads and decodes the catalog at `path`. A LiteLLM file carries no version or date of its
    /// own: `liteLLMVersion` and `asOf` give them when known (`preflight catalog update`); the
    /// file's modification time is never taken for a date (a copied file would look fresh).
    public static func load(path: String, liteLLMVersion: String? = nil,
                            asOf: CalendarDay? = nil) throws(CatalogLoadError) -> CatalogLoadResult {
        switch RegularFileReader.read(path) {
        case .failure(let failure):
            throw CatalogLoadError(file: path, message: "cannot read the file: \(failure.reason)")
        case .success(let file):
            return try decode(bytes: file.bytes, file: path, liteLLMVersion: liteLLMVersion, asOf: asOf)
        }
    }

    /// Decodes catalog text; `file` names it in errors; `liteLLMVersion`/`asOf` version and date a
    /// LiteLLM file (which carries neither). A UTF-8 byte-order mark at the start (editors on
    /// Windows write one) is skipped; a member named twice in one object is an error at the
    /// second (which of two prices was meant cannot be known).
    public static func decode(bytes: [UInt8], file: String, liteLLMVersion: String? = nil,
                              asOf: CalendarDay? = nil) throws(CatalogLoadError) -> CatalogLoadResult {
        let bytes = JSONValue.withoutByteOrderMark(bytes)
        let json: JSONValue
        do {
            json = try JSONValue.parse(bytes, rejectingDuplicateKeys: true)
        } catch {
            throw CatalogLoadError(file: file, message: "invalid JSON: \(error.message)",
                                   line: error.line > 0 ? error.line : nil,
                                   column: error.column > 0 ? error.column : nil)
        }
        let source = CatalogSourceText(bytes)
        guard json.kind == .object else {
            throw CatalogLoadError(file: file, message: "the top level must be an object", line: 1, column: 1)
        }
        if json["models"] != nil {
            var reader = CatalogReader(file: file, source: source, root: json, format: .preflight)
            let layer = try reader.layer(json)
            reader.contextWindowMayBeUnknown = layer == .reference
            var result = CatalogLoadResult(catalog: try reader.preflightCatalog(json), format: .preflight, skipped: [:])
            result.layer = layer
            return result
        }
        if json.members.contains(where: { $0.value.kind == .object && $0.value["litellm_provider"] != nil }) {
            let reader = CatalogReader(file: file, source: source, root: json, format: .litellm)
            let version = liteLLMVersion.map { "litellm-\($0)" } ?? "litellm (version unknown)"
            let (catalog, skipped) = try reader.liteLLMCatalog(json, version: version, asOf: asOf)
            return CatalogLoadResult(catalog: catalog, format: .litellm, skipped: skipped)
        }
        throw CatalogLoadError(file: file, field: "models",
                               message: "neither a Preflight catalog (no \"models\" array) nor a LiteLLM price file "
                                   + "(no entry with \"litellm_provider\")", line: 1, column: 1)
    }
}

/// Field-by-field decoding with errors that carry the file, model and field.
struct CatalogReader {
    let file: String
    let source: CatalogSourceText
    /// The parsed file, to find a model's entry when an error names only its id.
    let root: JSONValue
    let format: CatalogFormat
    /// The entry being decoded (`models[3]`, a LiteLLM key): errors about its model point there.
    var entry: [JSONPathComponent]? = nil
    /// Whether a model may leave out `contextWindow` (the reference layer: LiteLLM lists some
    /// per-token entries without one). A curated model needs it: routing checks fit against it.
    var contextWindowMayBeUnknown = false

    /// The same reader, for errors inside the entry at `path`.
    func reading(entry path: [JSONPathComponent]) -> CatalogReader {
        var reader = self
        reader.entry = path
        return reader
    }

    /// An error about `field` of `model` (or of the catalog when `model` is nil), positioned at
    /// that field in the text — or, when the field is missing, at the object that lacks it.
    /// `entry` overrides where the model's entry is (a duplicate id's second occurrence).
    func fail(_ model: String?, _ field: String?, _ message: String,
              entry explicitEntry: [JSONPathComponent]? = nil) -> CatalogLoadError {
        var path: [JSONPathComponent]? = []
        if let model { path = explicitEntry ?? entry ?? entryPath(of: model) }
        if let field, path != nil { path! += Self.components(of: field) }
        let position = path.flatMap { $0.isEmpty ? nil : source.position(of: $0) }
        return CatalogLoadError(file: file, modelID: model, field: field, message: message,
                                line: position?.line, column: position?.column)
    }

    /// Where the (first) entry of model `id` is in the file.
    func entryPath(of id: String) -> [JSONPathComponent]? {
        switch format {
        case .litellm:
            return [.member(id)]
        case .preflight:
            let index = root["models"]?.elements.firstIndex { $0["id"]?.stringValue == id }
            return index.map { [.member("models"), .index($0)] }
        }
    }

    /// `tiers[0].name`, `serviceTiers.batch.longContext.above` as path components.
    static func components(of field: String) -> [JSONPathComponent] {
        var result: [JSONPathComponent] = []
        for part in field.split(separator: ".") {
            var name = part
            var indices: [Int] = []
            while name.hasSuffix("]"), let open = name.lastIndex(of: "["), let index = Int(name[name.index(after: open)..<name.index(before: name.endIndex)]) {
                indices.insert(index, at: 0)
                name = name[..<open]
            }
            if !name.isEmpty { result.append(.member(String(name))) }
            result += indices.map { .index($0) }
        }
        return result
    }

    // MARK: Typed values

    /// A non-negative decimal from a JSON number, exact to the literal as written (via the
    /// shortest round-tripping form of Jansson's double, which is the literal for any price
    /// with at most 15 significant digits).
    func price(_ value: JSONValue?, _ model: String?, _ field: String, scale: Decimal = 1) throws(CatalogLoadError) -> Decimal? {
        guard let value, !value.isNull else { return nil }
        let decimal: Decimal
        switch value.kind {
        case .integer:
            decimal = Decimal(value.intValue!)
        case .real:
            let double = value.doubleValue!
            guard double.isFinite, let parsed = Decimal(string: "\(double)", locale: nil) else {
                throw fail(model, field, "not a usable number")
            }
            decimal = parsed
        default:
            throw fail(model, field, "must be a number, got \(value.serializedString.prefix(40))")
        }
        if decimal < 0 { throw fail(model, field, "negative price \(decimal)") }
        return scale == 1 ? decimal : decimal * scale
    }

    func requiredPrice(_ object: JSONValue, _ key: String, _ model: String?, prefix: String = "") throws(CatalogLoadError) -> Decimal {
        guard let value = try price(object[key], model, prefix + key) else {
            throw fail(model, prefix + key, "missing required field")
        }
        return value
    }

    func integer(_ value: JSONValue?, _ model: String?, _ field: String) throws(CatalogLoadError) -> Int? {
        guard let value, !value.isNull else { return nil }
        if let int = value.intValue { return int }
        if value.kind == .real, let double = value.doubleValue, double == double.rounded(), abs(double) < 1e15 {
            return Int(double)
        }
        throw fail(model, field, "must be an integer, got \(value.serializedString.prefix(40))")
    }

    func string(_ value: JSONValue?, _ model: String?, _ field: String) throws(CatalogLoadError) -> String? {
        guard let value, !value.isNull else { return nil }
        guard let string = value.stringValue else {
            throw fail(model, field, "must be a string, got \(value.serializedString.prefix(40))")
        }
        return string
    }

    func bool(_ value: JSONValue?, _ model: String?, _ field: String) throws(CatalogLoadError) -> Bool? {
        guard let value, !value.isNull else { return nil }
        guard let bool = value.boolValue else { throw fail(model, field, "must be true or false") }
        return bool
    }

    func object(_ value: JSONValue?, _ model: String?, _ field: String) throws(CatalogLoadError) -> JSONValue? {
        guard let value, !value.isNull else { return nil }
        guard value.kind == .object else { throw fail(model, field, "must be an object") }
        return value
    }

    // MARK: Preflight format

    func preflightCatalog(_ json: JSONValue) throws(CatalogLoadError) -> Catalog {
        guard let version = try string(json["version"], nil, "version") else {
            throw fail(nil, "version", "missing required field (any non-empty string; a YYYY-MM-DD date also dates the prices)")
        }
        if version.trimmingCharacters(in: .whitespaces).isEmpty { throw fail(nil, "version", "must not be empty") }
        var pricesAsOf: CalendarDay? = nil
        if let dateText = try string(json["pricesAsOf"], nil, "pricesAsOf") {
            guard let date = CalendarDay(dateText) else {
                throw fail(nil, "pricesAsOf", "\"\(dateText)\" is not a YYYY-MM-DD date")
            }
            pricesAsOf = date
        }
        let currency = try string(json["currency"], nil, "currency") ?? "USD"
        if currency != "USD" {
            throw fail(nil, "currency", "credits are US dollars; \"\(currency)\" is not supported")
        }
        let sourceName = try string(json["source"], nil, "source") ?? file
        var tiers = PriceBands.creditsGuide.bands
        if let tiersValue = json["tiers"], !tiersValue.isNull {
            guard tiersValue.kind == .array else { throw fail(nil, "tiers", "must be an array") }
            tiers = []
            for (i, entry) in tiersValue.elements.enumerated() {
                let field = "tiers[\(i)]"
                guard entry.kind == .object else { throw fail(nil, field, "must be an object") }
                guard let name = try string(entry["name"], nil, "\(field).name") else {
                    throw fail(nil, "\(field).name", "missing required field")
                }
                guard let tier = Tier(rawValue: name) else {
                    throw fail(nil, "\(field).name", "unknown tier \"\(name)\" (expected \(tierNames))")
                }
                let bound = try price(entry["maxPer1K"], nil, "\(field).maxPer1K")
                tiers.append(TierDefinition(tier: tier, maxPer1K: bound))
            }
        }
        guard let modelsValue = json["models"], modelsValue.kind == .array else {
            throw fail(nil, "models", "must be an array of models")
        }
        guard modelsValue.count > 0 else {
            // Every estimate would fail later, blaming the prompt: refuse the file instead.
            throw fail(nil, "models", "is empty: a catalog needs at least one model")
        }
        var models: [CatalogModel] = []
        for (i, entry) in modelsValue.elements.enumerated() {
            models.append(try reading(entry: [.member("models"), .index(i)]).preflightModel(entry, index: i))
        }
        do {
            return try Catalog(version: version, pricesAsOf: pricesAsOf, currency: currency, source: sourceName,
                               tiers: tiers, models: models)
        } catch let error as CatalogValidationError {
            // Every entry became a model, so the model's position is its entry's.
            throw fail(error.modelID, error.field, error.message,
                       entry: error.modelIndex.map { [.member("models"), .index($0)] })
        } catch {
            throw fail(nil, nil, "\(error)")
        }
    }

    var tierNames: String { Tier.allCases.map(\.rawValue).joined(separator: ", ") }

    func preflightModel(_ entry: JSONValue, index: Int) throws(CatalogLoadError) -> CatalogModel {
        guard entry.kind == .object else { throw fail(nil, "models[\(index)]", "must be an object") }
        guard let id = try string(entry["id"], nil, "models[\(index)].id"), !id.isEmpty else {
            throw fail(nil, "models[\(index)].id", "missing required field")
        }
        func required(_ key: String) throws(CatalogLoadError) -> String {
            guard let value = try string(entry[key], id, key), !value.isEmpty else {
                throw fail(id, key, "missing required field")
            }
            return value
        }
        let provider = try required("provider")
        let tokenizer = try required("tokenizer")
        if !TokenizerInference.knownTokenizers.contains(TokenizerID(tokenizer)) {
            // An unknown name would be counted by the generic estimator without a word; a typo
            // (`o200k`) would lose an exact count. A family with no vocabulary of its own says
            // so with "estimator".
            let known = TokenizerInference.knownTokenizers.map(\.name)
            let hint = StrictMembers.nearestName(to: tokenizer, in: known).map { "did you mean \"\($0)\"? " } ?? ""
            throw fail(id, "tokenizer", "unknown tokenizer \"\(tokenizer)\": \(hint)known: \(known.joined(separator: ", ")) "
                       + "(\"estimator\" for a model whose tokenizer is none of these)")
        }
        var tier: Tier? = nil
        if let tierName = try string(entry["tier"], id, "tier") {
            guard let parsed = Tier(rawValue: tierName) else {
                throw fail(id, "tier", "unknown tier \"\(tierName)\" (expected \(tierNames))")
            }
            tier = parsed
        }
        let declaredContext = try integer(entry["contextWindow"], id, "contextWindow")
        if declaredContext == nil && !contextWindowMayBeUnknown {
            throw fail(id, "contextWindow", "missing required field")
        }
        let context = declaredContext ?? CatalogModel.unknownContextWindow
        if context <= 0 { throw fail(id, "contextWindow", "must be positive, got \(context)") }
        let maxOutput = try integer(entry["maxOutputTokens"], id, "maxOutputTokens")
        if let maxOutput, maxOutput <= 0 { throw fail(id, "maxOutputTokens", "must be positive, got \(maxOutput)") }
        let longContext = try preflightLongContext(entry["longContext"], id, "longContext")
        var serviceTiers: [ServiceTier: ServiceTierPricing] = [:]
        if let tiersObject = try object(entry["serviceTiers"], id, "serviceTiers") {
            for (name, value) in tiersObject.members {
                let field = "serviceTiers.\(name)"
                guard let tier = ServiceTier(rawValue: name), tier != .standard else {
                    throw fail(id, field, "unknown service tier \"\(name)\" (expected batch, flex, priority)")
                }
                guard let prices = try object(value, id, field) else { continue }
                serviceTiers[tier] = ServiceTierPricing(
                    inputPerMillion: try requiredPrice(prices, "inputPerMillion", id, prefix: "\(field)."),
                    outputPerMillion: try requiredPrice(prices, "outputPerMillion", id, prefix: "\(field)."),
                    cachedInputPerMillion: try price(prices["cachedInputPerMillion"], id, "\(field).cachedInputPerMillion"),
                    cacheWritePerMillion: try price(prices["cacheWritePerMillion"], id, "\(field).cacheWritePerMillion"),
                    reasoningPerMillion: try price(prices["reasoningPerMillion"], id, "\(field).reasoningPerMillion"),
                    longContext: try preflightLongContext(prices["longContext"], id, "\(field).longContext"))
            }
        }
        let tiered = try preflightTieredPricing(entry["tieredPricing"], id)
        // With tiered pricing the flat prices are optional: they default to the first tier's.
        func headline(_ key: String, _ first: Decimal?) throws(CatalogLoadError) -> Decimal {
            if let value = try price(entry[key], id, key) ?? first { return value }
            throw fail(id, key, "missing required field")
        }
        let model = CatalogModel(
            id: id, provider: provider, tier: tier, tokenizer: TokenizerID(tokenizer), contextWindow: context,
            maxOutputTokens: maxOutput,
            inputPerMillion: try headline("inputPerMillion", tiered?.first.inputPerMillion),
            outputPerMillion: try headline("outputPerMillion", tiered?.first.outputPerMillion),
            cachedInputPerMillion: try price(entry["cachedInputPerMillion"], id, "cachedInputPerMillion"),
            cacheWritePerMillion: try price(entry["cacheWritePerMillion"], id, "cacheWritePerMillion"),
            reasoningPerMillion: try price(entry["reasoningPerMillion"], id, "reasoningPerMillion"),
            reasoning: try bool(entry["reasoning"], id, "reasoning") ?? false,
            longContext: longContext, serviceTiers: serviceTiers,
            deprecationDate: try string(entry["deprecationDate"], id, "deprecationDate"), tieredPricing: tiered)
        return declaredContext == nil ? model.withUnknownContextWindow() : model
    }

    /// The file's `layer` member: `curated` (the default) or `reference`.
    func layer(_ json: JSONValue) throws(CatalogLoadError) -> CatalogLayer {
        guard let name = try string(json["layer"], nil, "layer") else { return .curated }
        guard let layer = CatalogLayer(rawValue: name) else {
            throw fail(nil, "layer", "unknown layer \"\(name)\" (expected curated or reference)")
        }
        return layer
    }

    /// `tieredPricing`: `[{above, upTo, inputPerMillion, outputPerMillion?, cachedInputPerMillion?,
    /// cacheWritePerMillion?, reasoningPerMillion?}, …]`, ranges `(above, upTo]` in ascending
    /// order without overlap (which tier an overlapped size meant cannot be known).
    func preflightTieredPricing(_ value: JSONValue?, _ id: String) throws(CatalogLoadError) -> TieredPricing? {
        guard let value, !value.isNull else { return nil }
        guard value.kind == .array else { throw fail(id, "tieredPricing", "must be an array of tiers") }
        guard value.count > 0 else {
            throw fail(id, "tieredPricing", "is empty: give at least one tier, or leave the field out")
        }
        var tiers: [InputSizeTier] = []
        for (i, tier) in value.elements.enumerated() {
            let field = "tieredPricing[\(i)]"
            guard tier.kind == .object else { throw fail(id, field, "must be an object") }
            func bound(_ name: String) throws(CatalogLoadError) -> Int {
                guard let bound = try integer(tier[name], id, "\(field).\(name)") else {
                    throw fail(id, "\(field).\(name)", "missing required field")
                }
                return bound
            }
            let above = try bound("above"), upTo = try bound("upTo")
            if above < 0 { throw fail(id, "\(field).above", "must not be negative, got \(above)") }
            if upTo <= above { throw fail(id, "\(field).upTo", "must be above \"above\" (\(above)), got \(upTo)") }
            if let previous = tiers.last, above < previous.upTo {
                throw fail(id, "\(field).above", "\(above) overlaps the previous tier, which goes up to \(previous.upTo) "
                           + "(tiers go in ascending order without overlap)")
            }
            tiers.append(InputSizeTier(
                above: above, upTo: upTo,
                inputPerMillion: try requiredPrice(tier, "inputPerMillion", id, prefix: "\(field)."),
                outputPerMillion: try price(tier["outputPerMillion"], id, "\(field).outputPerMillion"),
                cachedInputPerMillion: try price(tier["cachedInputPerMillion"], id, "\(field).cachedInputPerMillion"),
                cacheWritePerMillion: try price(tier["cacheWritePerMillion"], id, "\(field).cacheWritePerMillion"),
                reasoningPerMillion: try price(tier["reasoningPerMillion"], id, "\(field).reasoningPerMillion")))
        }
        return TieredPricing(tiers)
    }

    func preflightLongContext(_ value: JSONValue?, _ id: String, _ field: String) throws(CatalogLoadError) -> LongContextPricing? {
        guard let lc = try object(value, id, field) else { return nil }
        guard let above = try integer(lc["above"], id, "\(field).above") else {
            throw fail(id, "\(field).above", "missing required field")
        }
        if above < 0 { throw fail(id, "\(field).above", "must not be negative, got \(above)") }
        return LongContextPricing(
            above: above,
            inputPerMillion: try requiredPrice(lc, "inputPerMillion", id, prefix: "\(field)."),
            outputPerMillion: try requiredPrice(lc, "outputPerMillion", id, prefix: "\(field)."),
            cachedInputPerMillion: try price(lc["cachedInputPerMillion"], id, "\(field).cachedInputPerMillion"),
            cacheWritePerMillion: try price(lc["cacheWritePerMillion"], id, "\(field).cacheWritePerMillion"))
    }
}
