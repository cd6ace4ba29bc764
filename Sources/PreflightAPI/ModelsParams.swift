import Advisor
import JSON

/// `preflight/models`'s params: `{tier?, provider?, search?, layer?, limit?, offset?}` — filters
/// and a page, so a client listing the 3,000-model reference does not get a multi-megabyte reply
/// by accident.
public struct ModelsParams: Decodable, Sendable, Equatable {
    /// The page size when the caller gives none.
    public static let defaultLimit = 100
    /// The largest page a caller may ask for.
    public static let maximumLimit = 5_000

    /// Only the models of this (effective) tier.
    public var tier: Tier?
    /// Only models served by this provider (LiteLLM's provider name, any case).
    public var provider: String?
    /// Only models whose id contains this text (any case; `.` and `-` between digits alike).
    public var search: String?
    /// Which layers to list (`curated`, `reference`, `all`); absent: the curated layer, or every
    /// layer when `search` is given (a search is how a user finds a name to type).
    public var layer: Layers?

    /// The layers a listing covers.
    public enum Layers: String, Sendable, Equatable, CaseIterable {
        /// The curated catalog (routing's models).
        case curated
        /// The reference layer.
        case reference
        /// Both, curated first.
        case all
    }

    /// The layers listed: `layer`, else `all` with a search and `curated` without.
    public var effectiveLayers: Layers { layer ?? (search == nil ? .curated : .all) }
    /// At most this many models (default `defaultLimit`).
    public var limit: Int
    /// Models skipped before the page starts.
    public var offset: Int

    enum CodingKeys: String, CodingKey { case tier, provider, search, layer, limit, offset }

    /// Params built in code.
    public init(tier: Tier? = nil, provider: String? = nil, search: String? = nil, layer: Layers? = nil,
                limit: Int = ModelsParams.defaultLimit, offset: Int = 0) {
        self.tier = tier
        self.provider = provider
        self.search = search
        self.layer = layer
        self.limit = limit
        self.offset = offset
    }

    /// Reads the members; `limit` must be 1…`maximumLimit` and `offset` not negative.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        tier = try container.decodeChoiceIfPresent(Tier.self, forKey: .tier)
        provider = try container.decodeIfPresent(String.self, forKey: .provider)
        search = try container.decodeIfPresent(String.self, forKey: .search)
        layer = try container.decodeChoiceIfPresent(Layers.self, forKey: .layer)
        limit = try container.decodeIfPresent(Int.self, forKey: .limit) ?? ModelsParams.defaultLimit
        offset = try container.decodeIfPresent(Int.self, forKey: .offset) ?? 0
        if limit < 1 || limit > ModelsParams.maximumLimit {
            throw JSONFieldProblem(codingPath: container.codingPath, key: CodingKeys.limit,
                                   sentence: "must be 1…\(ModelsParams.maximumLimit), got \(limit)")
        }
        if offset < 0 {
            throw JSONFieldProblem(codingPath: container.codingPath, key: CodingKeys.offset,
                                   sentence: "must not be negative, got \(offset)")
        }
    }
}
