import Foundation
import JSON
import PreflightAPI
import Testing
import TestSupport

/// The routing file on the command line and over the protocol: `calibrate` writes a file the
/// server loads, bad rows and bad files are clear errors, and signals carry offsets.
@Suite struct RoutingCommandLineTests {
    static let bundled = (ProcessInfo.processInfo.environment["PREFLIGHT_MODELS"]
        ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path + "/models") + "/routing/routing.json"

    @Test func calibrateWritesAFileThatEstimateLoads() throws {
        var rows = ""
        for i in 0..<40 {
            let hard = i % 2 == 1
            let prompt = hard ? "Tom has \(i) apples. He buys \(i % 5 + 2) more each day for 3 days. How many does he have?"
                : "Write a short poem about the sea, number \(i)."
            rows += "{\"prompt\": \"\(prompt)\", \"source\": \"team\", \"weak_correct\": \(!hard), \"strong_correct\": true}\n"
        }
        let data = try AdvisorFixtures.write(rows, name: "rows.jsonl")
        let out = data + ".routing.json"
        let cli = try runCLI(["calibrate", "--base", RoutingCommandLineTests.bundled, "--data", data, "--out", out,
                              "--cross-validate", "2", "--resamples", "5"])
        #expect(cli.status == 0, "\(cli.stderr)")
        #expect(cli.stdout.contains("thresholds: economy/standard"))
        #expect(cli.stdout.contains("In-source: stratified 2-fold"))
        let prompt = try AdvisorFixtures.write("Prove that √2 is irrational.", name: "p.txt")
        let estimate = try runCLI(["estimate", "--catalog", try AdvisorFixtures.freshCatalog(), "--routing", out,
                                   "--json", prompt])
        #expect(estimate.status == 0, "\(estimate.stderr)")
        let result = try JSONValue.decode(EstimateResult.self, fromText: estimate.stdout)
        let proof = try #require(result.complexity.signals.first { $0.cue == "proof" })
        #expect(proof.evidence == "Prove")
        #expect(proof.utf8?.start == 0 && proof.utf8?.end == 5)
        #expect(proof.utf16?.start == 0 && proof.utf16?.end == 5)
    }

    @Test func aBadRowNamesThePathLineAndField() throws {
        let data = try AdvisorFixtures.write(
            "{\"prompt\": \"a\", \"weak_correct\": true, \"strong_correct\": false}\n{\"prompt\": \"b\", \"weak_correct\": 2, \"strong_correct\": false}\n",
            name: "bad-rows.jsonl")
        let cli = try runCLI(["calibrate", "--base", RoutingCommandLineTests.bundled, "--data", data])
        #expect(cli.status == 2)
        #expect(cli.stderr.contains("\(data):2: weak_correct: must be a boolean or a number in 0…1"))
    }

    @Test func aRoutingFileOfAnotherVersionIsRefusedAndTheBundledOneStays() throws {
        let text = try String(contentsOfFile: RoutingCommandLineTests.bundled, encoding: .utf8)
            .replacingOccurrences(of: "\"formatVersion\":2", with: "\"formatVersion\":7")
        let file = try AdvisorFixtures.write(text, name: "v7.json")
        let prompt = try AdvisorFixtures.write("Hello", name: "hello.txt")
        let cli = try runCLI(["estimate", "--catalog", try AdvisorFixtures.freshCatalog(), "--routing", file, prompt])
        #expect(cli.status == 2)
        #expect(cli.stderr.contains("formatVersion: is 7, but this build reads formats 1 and 2 only"))
        // Over the protocol: -32602 at the option, and the server keeps routing with the bundled file.
        let initialize = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"initializationOptions\":{\"routingPath\":\"\(file)\"}}}"
        let estimate = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"preflight/estimate\",\"params\":{\"prompt\":\"Hello\"}}"
        let session = try runSession([initialize, initializeLine, estimate],
                                     arguments: ["serve", "--catalog", try AdvisorFixtures.freshCatalog()])
        let first = try #require(session.messages.first { $0.idNumber == 1 && $0.error != nil })
        #expect(first.errorCode == -32602)
        #expect(first.errorField == "params.initializationOptions.routingPath")
        let reply = try #require(session.messages.first { $0.idNumber == 2 })
        #expect(try reply.decodedResult(EstimateResult.self).complexity.score >= 0)
    }
}
