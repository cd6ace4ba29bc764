import Foundation
import JSON
import Testing
@testable import Routing

/// Loading routing files: the bundled one is small and complete; a bad one is a clear error.
@Suite struct RoutingFileTests {
    func mutated(_ change: (inout JSONValue) -> Void) throws -> [UInt8] {
        var json = try JSONValue.parseFile(atPath: RoutingTestSupport.referenceRoutingPath)
        change(&json)
        return json.serialized()
    }

    @Test func theBundledFileLoadsAndIsAtMostFiveMegabytes() throws {
        let attributes = try FileManager.default.attributesOfItem(atPath: RoutingTestSupport.bundledRoutingPath)
        #expect((attributes[.size] as! Int) <= RoutingModel.maxFileBytes)
        let model = RoutingTestSupport.bundledModel
        #expect(model.document.formatVersion == RoutingDocument.currentFormatVersion)
        #expect(model.document.training.files == ["routellm-dev.jsonl", "routerbench-train.jsonl",
                                                  "alpacaeval-mixtral-gpt4.jsonl"])
        #expect(model.document.createdBy.hasPrefix("preflight calibrate"))
    }

    @Test func anotherFormatVersionIsRefused() throws {
        let bytes = try mutated { $0["formatVersion"] = .integer(3) }
        let error = #expect(throws: RoutingFileError.self) { try RoutingModel.decode(bytes: bytes, file: "r.json") }
        #expect(error?.field == "formatVersion")
        #expect(error?.description.contains("r.json: formatVersion: is 3, but this build reads formats 1 and 2 only") == true)
    }

    @Test func aByteOrderMarkIsSkippedAndAMemberGivenTwiceIsRefused() throws {
        let bytes = try mutated { _ in }
        #expect(throws: Never.self) { try RoutingModel.decode(bytes: [0xEF, 0xBB, 0xBF] + bytes, file: "bom.json") }
        // A weight given twice: Jansson would keep the last in silence.
        let text = String(decoding: bytes, as: UTF8.self)
        let twice = text.replacingOccurrences(of: #""thresholds":{"#, with: #""thresholds":{"economy_standard":0.01,"#)
        #expect(twice != text)
        let error = #expect(throws: RoutingFileError.self) { try RoutingModel.decode(bytes: Array(twice.utf8), file: "r.json") }
        #expect(error?.message.contains("duplicate object key") == true, "\(String(describing: error))")
    }

    @Test func thresholdsOutOfOrderAndMissingWeightsAreRefused() throws {
        let swapped = try mutated { $0["thresholds"]!["economy_standard"] = .real(0.9) }
        let error = #expect(throws: RoutingFileError.self) { try RoutingModel.decode(bytes: swapped, file: "r.json") }
        #expect(error?.field == "thresholds")
        let missing = try mutated { $0["model"]!["weights"]!["wordproblem"] = nil }
        let weightError = #expect(throws: RoutingFileError.self) { try RoutingModel.decode(bytes: missing, file: "r.json") }
        #expect(weightError?.field == "model.weights.wordproblem")
        let notJSON = #expect(throws: RoutingFileError.self) { try RoutingModel.decode(bytes: Array("{".utf8), file: "r.json") }
        #expect(notJSON?.message.contains("invalid JSON") == true)
    }
}
