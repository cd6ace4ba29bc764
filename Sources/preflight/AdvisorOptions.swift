import ArgumentParser

/// Options shared by `estimate`, `check` and `models`: which catalog to load, and JSON (the
/// JSON-RPC method's result) or text for people.
struct AdvisorOptions: ParsableArguments {
    @Option(help: "A catalog to use instead of models/catalog.json (Preflight format or LiteLLM's price file).")
    var catalog: String?

    @Flag(help: "Print the JSON-RPC method's result instead of text.")
    var json = false

    /// Options parsed from a command line.
    init() {}

    /// Options given in code (`preflight count --model` loads its catalog the advisor's way).
    init(catalog: String?) {
        self.catalog = catalog
    }
}
