import Foundation
import JSON
import Testing
@testable import Routing

/// The direct reader of routing files reads what the Codable decoder reads, and fails where and
/// as it fails.
@Suite struct RoutingDocumentReaderTests {
    /// Format 2 (bundled) and format 1 (the reference's file).
    static let paths = [RoutingTestSupport.bundledRoutingPath, RoutingTestSupport.referenceRoutingPath]

    @Test(arguments: paths) func readsWhatTheCodableDecoderReads(_ path: String) throws {
        let json = try JSONValue.parseFile(atPath: path)
        let direct = try RoutingDocumentReader.read(json)
        let codable = try JSONValueDecoder().decode(RoutingDocument.self, from: json, path: "routing").value
        #expect(try RoutingModel.encode(direct) == RoutingModel.encode(codable))
    }

    /// Format 2's dense millionths are the very doubles format 1's decimals parse to.
    @Test func formatTwoHashWeightsEqualFormatOne() throws {
        let v1 = try RoutingModel.load(path: RoutingTestSupport.referenceRoutingPath)
        var document = v1.document
        document.formatVersion = 2
        let v2 = try RoutingModel.decode(bytes: try RoutingModel.encode(document), file: "v2.json")
        #expect(v2.document.formatVersion == 2)
        #expect(v2.hashWeights == v1.hashWeights)
        #expect(v2.hashWeights.contains { $0 != 0 })
    }

    @Test func failsWhereTheCodableDecoderFails() throws {
        let changes: [(JSONValue) -> Void] = [
            { $0["lexicons"]!["math"]!["en"] = .array([.string("sum"), .integer(3)]) },
            { $0["hash"]!["weights"] = .array([.integer(1), .string("x")]) },
            { $0["hash"]!["weights"] = .object() ; $0["hash"]!["weights"]!["17"] = .string("x") },
            { $0["model"]!["intercept"] = nil },
            { $0["thresholds"]!["standard_premium"] = .null() },
            { $0["features"] = .object() },
            { $0["hash"]!["size"] = .real(4096.5) },
            { $0["training"]!["rows"] = .string("many") },
        ]
        for change in changes {
            let json = try JSONValue.parseFile(atPath: RoutingTestSupport.bundledRoutingPath)
            change(json)
            var direct: JSONDecodingFailure? = nil, codable: JSONDecodingFailure? = nil
            do { _ = try RoutingDocumentReader.read(json) } catch { direct = error }
            do { _ = try JSONValueDecoder().decode(RoutingDocument.self, from: json, path: "routing") } catch { codable = error }
            #expect(direct != nil)
            #expect(direct == codable)
        }
    }
}
