// swift-tools-version:6.0
// Preflight: token counts, model tier routing and cost estimates for LLM prompts,
// served over JSON-RPC 2.0 with LSP framing. Module direction (docs/ARCHITECTURE.md), one way:
//   preflight -> PreflightServer -> {PreflightAPI, JSONRPC, Routing, Advisor, Tokenizers, Documents};
//   PreflightAPI -> {JSON, Advisor, Tokenizers, Documents};  Documents -> nothing;  Routing -> {Advisor, JSON};  JSONRPC -> {JSON, Log};  Advisor -> Tokenizers;  JSON -> CJansson.
import PackageDescription

let package = Package(
    name: "preflight",
    products: [
        .executable(name: "preflight", targets: ["preflight"]),
        // Libraries so the fuzzer package (Fuzz/) and embedders can link the server in-process.
        .library(name: "PreflightServer", targets: ["PreflightServer"]),
        .library(name: "JSONRPC", targets: ["JSONRPC"]),
        .library(name: "JSON", targets: ["JSON"]),
        .library(name: "Log", targets: ["Log"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .systemLibrary(
            name: "CJansson",
            pkgConfig: "jansson",
            providers: [.apt(["libjansson-dev"])]
        ),
        // Jansson's value type and the Codable bridge over it: everything that reads or writes JSON.
        .target(name: "JSON", dependencies: ["CJansson"]),
        // Levelled logging to stderr (stdout carries protocol bytes only).
        .target(name: "Log"),
        // The JSON-RPC 2.0 transport: framing, sessions, stdio connection.
        .target(name: "JSONRPC", dependencies: ["CJansson", "JSON", "Log"]),
        .target(
            name: "Tokenizers",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(name: "Advisor", dependencies: ["Tokenizers"]),
        // Open documents as an editor sends them: text, lines, positions in UTF-8/16/32, edits.
        .target(name: "Documents"),
        // The calibrated complexity router (features, routing file, fitting): Advisor's
        // `ComplexityScoring`, injected by the server.
        .target(name: "Routing", dependencies: ["Advisor", "JSON"]),
        // The params and results of every method as Codable shapes: one definition for the
        // server, the command line's text report and the tests.
        .target(name: "PreflightAPI", dependencies: ["JSON", "Advisor", "Tokenizers", "Documents"]),
        .target(name: "PreflightServer", dependencies: ["JSON", "JSONRPC", "Log", "Advisor", "Routing", "Tokenizers", "PreflightAPI", "Documents"]),
        .executableTarget(
            name: "preflight",
            dependencies: [
                "PreflightServer", "PreflightAPI", "JSON", "JSONRPC", "Log", "Advisor", "Routing", "Tokenizers",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "preflight-tokenizer-bench", dependencies: ["Tokenizers"],
            path: "bench/tokenizers-bench"
        ),
        .executableTarget(
            name: "preflight-routing-bench", dependencies: ["Routing", "Tokenizers", "JSON"],
            path: "bench/routing-bench"
        ),
        .testTarget(name: "JSONTests", dependencies: ["JSON"]),
        .testTarget(name: "JSONRPCTests", dependencies: ["JSONRPC", "JSON", "Log"]),
        .testTarget(
            name: "TokenizersTests", dependencies: ["Tokenizers"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "AdvisorTests", dependencies: ["Advisor"]),
        .testTarget(name: "DocumentsTests", dependencies: ["Documents"]),
        .testTarget(name: "RoutingTests", dependencies: ["Routing", "Advisor", "JSON", "Tokenizers"], exclude: ["Fixtures"]),
        .testTarget(name: "PreflightAPITests", dependencies: ["PreflightAPI", "JSON", "Advisor"]),
        // What the server and end-to-end tests share: messages, catalog fixtures, and `Reply`, which
        // parses what the server wrote with Jansson and decodes a result into its PreflightAPI shape.
        // The end-to-end tests link the shapes on purpose: they read replies through the definitions
        // the server writes with.
        .target(name: "TestSupport", dependencies: ["JSON"], path: "Tests/TestSupport"),
        .testTarget(
            name: "PreflightServerTests",
            dependencies: ["PreflightServer", "PreflightAPI", "JSONRPC", "JSON", "Log", "Advisor", "Routing", "Tokenizers", "Documents", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport", "PreflightAPI", "JSON"], exclude: ["Clients"]),
    ],
    swiftLanguageModes: [.v6]
)
