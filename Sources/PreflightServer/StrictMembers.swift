import JSON

/// Where an unknown params member changes a verdict, it is refused instead of ignored.
///
/// Clients may send extra members (LSP clients do), so params stay tolerant elsewhere — an
/// unknown member is reported in the result's `warnings` (`UnknownMemberWarnings`); but inside
/// a budget or routing constraints a misspelt name (`minBalance` for `minimumBalance`) would
/// silently drop a limit and turn a refusal into `allowed: true`. Those shapes refuse an unknown
/// member themselves when decoded (`BudgetParams`, `RoutingConstraintsParams`, through
/// `Decoder.refuseUnknownMembers`), so the rule holds wherever they appear: a method's params,
/// `initializationOptions.budget`, the `preflight.budget` setting, `preflight.check`'s argument.
/// This enum keeps the name matching the server's messages share.
enum StrictMembers {
    /// The known name `name` most likely meant (`JSONNameSuggestion.nearest`).
    static func nearestName(to name: String, in known: [String]) -> String? {
        JSONNameSuggestion.nearest(to: name, in: known)
    }
}
