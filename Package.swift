// swift-tools-version:6.0
// Preflight: token counts, model tier routing and cost estimates for LLM prompts,
// served over JSON-RPC 2.0 with LSP framing. Module direction (see README "Architecture"):
//   preflight -> PreflightServer -> {JSONRPC, Advisor};  Advisor -> Tokenizers.
import PackageDescription

let package = Package(
    name: "preflight",
    products: [
        .executable(name: "preflight", targets: ["preflight"]),
        // Libraries so the fuzzer package (Fuzz/) and embedders can link the server in-process.
        .library(name: "PreflightServer", targets: ["PreflightServer"]),
        .library(name: "JSONRPC", targets: ["JSONRPC"]),
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
        .target(name: "JSONRPC", dependencies: ["CJansson"]),
        .target(
            name: "Tokenizers",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(name: "Advisor", dependencies: ["Tokenizers"]),
        .target(name: "PreflightServer", dependencies: ["JSONRPC", "Advisor", "Tokenizers"]),
        .executableTarget(
            name: "preflight",
            dependencies: [
                "PreflightServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "preflight-tokenizer-bench", dependencies: ["Tokenizers"],
            path: "bench/tokenizers-bench"
        ),
        .testTarget(name: "JSONRPCTests", dependencies: ["JSONRPC"]),
        .testTarget(
            name: "TokenizersTests", dependencies: ["Tokenizers"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "AdvisorTests", dependencies: ["Advisor"]),
        .testTarget(name: "PreflightServerTests", dependencies: ["PreflightServer", "JSONRPC"]),
        .testTarget(name: "EndToEndTests", dependencies: [], exclude: ["Clients"]),
    ],
    swiftLanguageModes: [.v6]
)
