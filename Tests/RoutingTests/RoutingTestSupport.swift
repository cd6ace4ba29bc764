import Foundation
import JSON
@testable import Routing

/// Paths and loaders the routing tests share.
enum RoutingTestSupport {
    /// The repository root (three levels above this file).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// The Python reference's own routing file (what the parity fixture was computed with).
    static let referenceRoutingPath = root + "/scripts/routing-reference/routing.json"
    /// The bundled routing file.
    static let bundledRoutingPath = root + "/models/routing/routing.json"
    /// The fixtures directory.
    static let fixtures = root + "/Tests/RoutingTests/Fixtures"
    /// `../shared/eval` next to the repository, present on the development machine only.
    static let sharedEval = URL(fileURLWithPath: root).deletingLastPathComponent().path + "/shared/eval"

    /// The reference model, loaded once.
    static let referenceModel: RoutingModel = try! RoutingModel.load(path: referenceRoutingPath)
    /// The bundled model, loaded once.
    static let bundledModel: RoutingModel = try! RoutingModel.load(path: bundledRoutingPath)

    /// Every line of a JSONL file as a parsed object.
    static func jsonLines(_ path: String) throws -> [JSONValue] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try text.split(separator: "\n").filter { !$0.isEmpty }.map { try JSONValue.parse(String($0)) }
    }
}
