/// How old a catalog's prices are relative to a given day.
///
/// Prices change every few months, so a catalog more than `Catalog.staleAfterDays` old is
/// reported as stale (a warning in `preflight models` and in the server log), never refused.
public struct CatalogStaleness: Sendable, Equatable {
    /// Whole days from the catalog's version date to the day asked about (negative if the
    /// catalog is dated in the future).
    public let ageInDays: Int
    /// Whether the age exceeds the limit (strictly more than `Catalog.staleAfterDays`).
    public let isStale: Bool

    /// Whether the catalog is dated after the day asked about (its age is then negative and
    /// says nothing about its prices).
    public var isFutureDated: Bool { ageInDays < 0 }

    /// Creates a staleness verdict.
    public init(ageInDays: Int, isStale: Bool) {
        self.ageInDays = ageInDays
        self.isStale = isStale
    }
}
