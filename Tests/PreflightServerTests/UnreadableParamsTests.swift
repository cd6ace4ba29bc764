import Testing
import TestSupport
import PreflightAPI

/// Params Jansson cannot read as sent — integers beyond 64 bits (and reals beyond a double),
/// members named twice: the client gets -32602 naming the member, with its request's id —
/// after the lifecycle and method checks, as for any other params mistake — not a -32700 it
/// cannot match, nor the last of two values in silence.
@Suite struct UnreadableParamsTests {
    @Test func anOversizedIntegerInParamsIsInvalidParamsNamingTheField() throws {
        let session = try runSession([
            initializeLine,
            #"{"jsonrpc":"2.0","id":7,"method":"preflight/estimate","params":{"prompt":"hi","maxOutputTokens":99999999999999999999}}"#,
            #"{"jsonrpc":"2.0","id":"s","method":"preflight/check","params":{"prompt":"hi","budget":{"balance":-1e400}}}"#,
            #"{"jsonrpc":"2.0","id":9,"method":"preflight/countTokens","params":{"text":"a","allowedSpecial":[18446744073709551616]}}"#,
            #"{"jsonrpc":"2.0","id":10,"method":"preflight/countTokens","params":{"text":"still served"}}"#,
        ])
        try #require(session.messages.count == 5)
        let estimate = session.messages[1]
        #expect(estimate.idNumber == 7)
        #expect(estimate.errorCode == -32602)
        #expect(estimate.errorField == "params.maxOutputTokens")
        #expect(estimate.error?.message.contains("params.maxOutputTokens") == true)
        let check = session.messages[2]
        #expect(check["id"]?.stringValue == "s")
        #expect(check.errorCode == -32602)
        #expect(check.errorField == "params.budget.balance")
        #expect(session.messages[3].errorField == "params.allowedSpecial[0]")
        #expect(session.messages[3].idNumber == 9)
        #expect(try session.messages[4].decodedResult(TokenCountResult.self).tokens == 2)
    }

    @Test func lifecycleAndMethodChecksComeFirst() throws {
        let big = #""params":{"n":99999999999999999999}"#
        let session = try runSession([
            #"{"jsonrpc":"2.0","id":1,"method":"preflight/models",\#(big)}"#,
            initializeLine,
            #"{"jsonrpc":"2.0","id":2,"method":"no/such",\#(big)}"#,
            #"{"jsonrpc":"2.0","method":"preflight/models",\#(big)}"#,
            #"{"jsonrpc":"2.0","id":3,"method":"preflight/models",\#(big)}"#,
        ])
        // The notification gets no reply at all.
        #expect(session.messages.map(\.errorCode) == [-32002, nil, -32601, -32602])
        #expect(session.messages.map(\.idNumber) == [1, 0, 2, 3])
        #expect(session.messages.last?.errorField == "params.n")
    }

    @Test func aParameterGivenTwiceIsInvalidParamsNotTheLastValueInSilence() throws {
        let session = try runSession([
            initializeLine,
            #"{"jsonrpc":"2.0","id":7,"method":"preflight/estimate","params":{"prompt":"hi","maxOutputTokens":10,"maxOutputTokens":100000}}"#,
            #"{"jsonrpc":"2.0","id":8,"method":"preflight/check","params":{"prompt":"hi","budget":{"balance":5,"balance":500}}}"#,
        ])
        try #require(session.messages.count == 3)
        #expect(session.messages[1].idNumber == 7)
        #expect(session.messages[1].errorCode == -32602)
        #expect(session.messages[1].errorField == "params.maxOutputTokens")
        #expect(session.messages[2].errorField == "params.budget.balance")
    }

    @Test func anOversizedIDIsStillAParseError() throws {
        let session = try runSession([
            initializeLine,
            #"{"jsonrpc":"2.0","id":99999999999999999999,"method":"preflight/models","params":{}}"#,
        ])
        #expect(session.messages.last?.errorCode == -32700)
        #expect(session.messages.last?["id"]?.isNull == true)
    }
}
