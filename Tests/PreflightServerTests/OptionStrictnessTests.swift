import Testing
import TestSupport
import PreflightAPI

/// The same two rules for every place Preflight's shapes are read, not only a method's params:
/// a budget refuses an unknown member (a typo would change a verdict), and an unknown
/// `initializationOptions` member is said, not silently dropped (a typo would leave the bundled
/// catalog or no default model in place).
@Suite struct OptionStrictnessTests {
    static let uri = "file:///work/prompts/strict.prompt"

    @Test func anUnknownInitializationOptionIsShownAndTheOthersApply() throws {
        let catalog = try AdvisorFixtures.freshCatalog()
        let session = try runSession([
            initializeLine(options: #"{"catalogPath":"\#(catalog)","defaultModle":"cheap","debounce":5}"#),
            AdvisorFixtures.request(1, "preflight/models", "{}"),
        ])
        let shown = session.messages.filter { $0["method"]?.stringValue == "window/showMessage" }
            .compactMap { $0["params"]?["message"]?.stringValue }
        #expect(shown == [
            "Preflight: unknown option initializationOptions.defaultModle (did you mean initializationOptions.defaultModel?); it is ignored",
            "Preflight: unknown option initializationOptions.debounce (did you mean initializationOptions.debounceMs?); it is ignored",
        ])
        let initialize = try #require(session.messages.first { $0.idNumber == 0 })
        #expect(initialize.errorCode == nil)
        // catalogPath still applied.
        let models = try #require(session.messages.first { $0.idNumber == 1 }).decodedResult(ModelsResult.self)
        #expect(models.models.count == 5)
    }

    @Test func aBudgetInInitializationOptionsRefusesAnUnknownMember() throws {
        let session = try runSession([initializeLine(options: #"{"budget":{"balance":1,"minBalance":2}}"#)])
        let reply = try #require(session.messages.first)
        #expect(reply.errorCode == -32602)
        #expect(reply.errorField == "params.initializationOptions.budget.minBalance")
        #expect(reply.error?.message.contains(#"did you mean "minimumBalance"?"#) == true)
    }

    @Test func aBudgetInACommandArgumentRefusesAnUnknownMember() throws {
        let server = ServerHarness()
        server.sendLine(initializeLine)
        server.sendLine(initializedLine)
        server.sendLine(#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"\#(Self.uri)","languageId":"prompt","version":1,"text":"Say hi."}}}"#)
        server.sendLine(#"{"jsonrpc":"2.0","id":2,"method":"workspace/executeCommand","params":{"command":"preflight.check","arguments":[{"uri":"\#(Self.uri)","budget":{"balance":5,"minBalance":6}}]}}"#)
        let reply = try #require(server.waitForMessage { $0.idNumber == 2 })
        #expect(reply.errorCode == -32602, "\(reply)")
        #expect(reply.errorField == "params.arguments[0].budget.minBalance")
        server.closeInput()
        server.waitForExit()
    }
}
