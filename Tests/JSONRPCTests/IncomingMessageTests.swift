import Testing
@testable import JSONRPC
import JSON

@Suite struct IncomingMessageTests {
    func classify(_ text: String) throws -> IncomingMessage {
        IncomingMessage.classify(try JSONValue.parse(text))
    }

    @Test func requestWithNamedParams() throws {
        guard case .request(let id, let method, let params) = try classify(#"{"jsonrpc":"2.0","id":"a","method":"m","params":{"x":1}}"#) else {
            Issue.record("not a request"); return
        }
        #expect(id.stringValue == "a")
        #expect(method == "m")
        #expect(params?["x"]?.intValue == 1)
    }

    @Test func positionalParamsAreStructurallyValid() throws {
        guard case .request(_, _, let params) = try classify(#"{"jsonrpc":"2.0","id":1,"method":"m","params":[1,2]}"#) else {
            Issue.record("not a request"); return
        }
        #expect(params?.kind == .array)
    }

    @Test func nullParamsMeanAbsent() throws {
        guard case .request(_, _, let params) = try classify(#"{"jsonrpc":"2.0","id":1,"method":"shutdown","params":null}"#) else {
            Issue.record("not a request"); return
        }
        #expect(params == nil)
    }

    @Test func notification() throws {
        guard case .notification(let method, _) = try classify(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#) else {
            Issue.record("not a notification"); return
        }
        #expect(method == "initialized")
    }

    @Test func nullIDIsARequest() throws {
        guard case .request(let id, _, _) = try classify(#"{"jsonrpc":"2.0","id":null,"method":"m"}"#) else {
            Issue.record("not a request"); return
        }
        #expect(id.isNull)
    }

    @Test func clientRepliesAreResponses() throws {
        guard case .response = try classify(#"{"jsonrpc":"2.0","id":7,"result":null}"#) else {
            Issue.record("not a response"); return
        }
    }

    @Test(arguments: [
        (#"1"#, false),
        (#"{"jsonrpc":"2.0","method":1,"params":"bar"}"#, false),
        (#"{"jsonrpc":"1.0","id":4,"method":"m"}"#, true),
        (#"{"id":4,"method":"m"}"#, true),
        (#"{"jsonrpc":"2.0","id":4}"#, true),
        (#"{"jsonrpc":"2.0","id":4,"method":"m","params":"bar"}"#, true),
        (#"{"jsonrpc":"2.0","id":{"a":1},"method":"m"}"#, false),
        (#"{"jsonrpc":"2.0","id":[1],"method":"m"}"#, false),
        (#"{"jsonrpc":"2.0","id":true,"method":"m"}"#, false),
    ])
    func invalidRequests(text: String, echoesID: Bool) throws {
        guard case .invalid(let id, let reason) = try classify(text) else {
            Issue.record("\(text) was accepted"); return
        }
        #expect(!reason.isEmpty)
        #expect((id != nil && !id!.isNull) == echoesID)
    }
}
