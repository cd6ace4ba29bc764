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
        #expect(id == .string("a"))
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

    @Test func idsAreTypedAndEchoedAsSent() throws {
        let ids = [#"7"#, #""7""#, #"-0.5"#, #"9007199254740993"#, #""日本語""#].map { text -> (String, RequestID?) in
            guard case .request(let id, _, _) = try? classify(#"{"jsonrpc":"2.0","id":\#(text),"method":"m"}"#) else { return (text, nil) }
            return (text, id)
        }
        #expect(ids.map { $0.1 } == [.integer(7), .string("7"), .real(-0.5), .integer(9007199254740993), .string("日本語")])
        #expect(ids.allSatisfy { $0.1?.description == $0.0 })
        #expect(RequestID.integer(1) != RequestID.real(1))
    }

    @Test func responsesCarryTheirResultOrError() throws {
        guard case .response(.integer(3), .failure(let error)) = try classify(#"{"jsonrpc":"2.0","id":3,"error":{"code":-32801,"message":"m"}}"#) else {
            Issue.record("not an error response"); return
        }
        #expect(error == ResponseError(code: -32801, message: "m"))
        guard case .response(.string("s"), .failure(let malformed)) = try classify(#"{"jsonrpc":"2.0","id":"s","error":5}"#) else {
            Issue.record("not an error response"); return
        }
        #expect(malformed.code == -32603)
    }

    @Test func nullIDIsARequest() throws {
        guard case .request(let id, _, _) = try classify(#"{"jsonrpc":"2.0","id":null,"method":"m"}"#) else {
            Issue.record("not a request"); return
        }
        #expect(id == .null)
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
        #expect((id != nil && id != .null) == echoesID)
    }
}
