// swift-tools-version:6.0
// libFuzzer target over framing + parsing + dispatch of the real server, in its own package:
// the `-parse-as-library` entry point would break a plain `swift build` of the main package.
// Run with `make fuzz` (Fuzz/run.sh, which builds with --sanitize=address --sanitize=fuzzer in that
// order); never part of CI.
import PackageDescription

let package = Package(
    name: "PreflightFuzz",
    dependencies: [.package(name: "preflight", path: "..")],
    targets: [
        .executableTarget(
            name: "PreflightFuzz",
            dependencies: [
                .product(name: "PreflightServer", package: "preflight"),
                .product(name: "JSONRPC", package: "preflight"),
                .product(name: "JSON", package: "preflight"),
                .product(name: "Log", package: "preflight"),
            ],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ],
    swiftLanguageModes: [.v6]
)
