import Foundation
import Testing
import TestSupport
import JSON
import Documents
import PreflightAPI
import PreflightServer

/// The editor features in process: documents in every position encoding, out-of-sync edits,
/// debounce, hover, code lens, commands, settings and progress.
@Suite(.timeLimit(.minutes(2))) struct DocumentFeatureTests {
    static let uri = "file:///work/prompts/question.prompt"

    static func json(_ value: some Encodable) -> String {
        (try? JSONValueEncoder().encode(value).serializedString) ?? "null"
    }

    static func escaped(_ text: String) -> String {
        JSONValue.string(text).serializedString
    }

    static func initialize(encodings: [String]? = nil, extraCapabilities: String = "", options: String = "{}") -> String {
        let general = encodings.map { #""general":{"positionEncodings":[\#($0.map { "\"\($0)\"" }.joined(separator: ","))]}"# }
        let capabilities = [general, extraCapabilities.isEmpty ? nil : extraCapabilities].compactMap { $0 }.joined(separator: ",")
        return #"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":{\#(capabilities)},"initializationOptions":\#(options)}}"#
    }

    static func didOpen(_ text: String, version: Int = 1, uri: String = uri) -> String {
        #"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"\#(uri)","languageId":"prompt","version":\#(version),"text":\#(escaped(text))}}}"#
    }

    static func didChange(version: Int, range: TextRange?, text: String, uri: String = uri) -> String {
        let rangeMember = range.map { #""range":\#(json($0)),"# } ?? ""
        return #"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"\#(uri)","version":\#(version)},"contentChanges":[{\#(rangeMember)"text":\#(escaped(text))}]}}"#
    }

    static func estimateCommand(id: Int, uri: String = uri, range: TextRange? = nil) -> String {
        let rangeMember = range.map { #","range":\#(json($0))"# } ?? ""
        return #"{"jsonrpc":"2.0","id":\#(id),"method":"workspace/executeCommand","params":{"command":"preflight.estimate","arguments":[{"uri":"\#(uri)"\#(rangeMember)}]}}"#
    }

    static func isDiagnostics(_ reply: Reply, version: Int) -> Bool {
        reply["method"]?.stringValue == "textDocument/publishDiagnostics" && reply["params"]?["version"]?.intValue == version
    }

    static func position(after prefix: String, line: Int, encoding: PositionEncoding) -> TextPosition {
        switch encoding {
        case .utf8: return TextPosition(line: line, character: prefix.utf8.count)
        case .utf16: return TextPosition(line: line, character: prefix.utf16.count)
        case .utf32: return TextPosition(line: line, character: prefix.unicodeScalars.count)
        }
    }

    /// The estimate of `uri` through `preflight.estimate` equals `preflight/estimate` of
    /// `expected`: the server's copy of the document is exactly `expected` (signals carry the
    /// text's offsets, counts differ with any changed character).
    static func expectDocument(_ server: ServerHarness, is expected: String, id: Int) throws {
        server.sendLine(estimateCommand(id: id))
        server.sendLine(#"{"jsonrpc":"2.0","id":\#(id + 1),"method":"preflight/estimate","params":{"prompt":\#(escaped(expected))}}"#)
        let fromDocument = try #require(server.waitForMessage { $0.idNumber == id })
        let fromText = try #require(server.waitForMessage { $0.idNumber == id + 1 })
        #expect(fromDocument.error == nil, "\(fromDocument)")
        #expect(fromDocument.result?.serializedString == fromText.result?.serializedString)
    }

    @Test(arguments: [("utf-8", PositionEncoding.utf8), ("utf-16", .utf16), ("utf-32", .utf32)])
    func incrementalSyncInEachEncodingWithNonBMPAndCRLF(offered: String, encoding: PositionEncoding) throws {
        let server = ServerHarness()
        server.sendLine(Self.initialize(encodings: [offered]))
        let initialized = try #require(server.waitForMessage { $0.idNumber == 0 })
        #expect(initialized.result?["capabilities"]?["positionEncoding"]?.stringValue == encoding.rawValue)
        #expect(initialized.result?["capabilities"]?["textDocumentSync"]?["change"]?.intValue == 2)
        server.sendLine(initializedLine)
        let original = "Résumé 😀 for 𠀀𠀁 team\r\nSecond line: 🎉 party\r\nthird"
        server.sendLine(Self.didOpen(original))
        // Replace "team" (after two non-BMP ideographs) on line 0, then the 🎉 on line 1.
        let teamStart = Self.position(after: "Résumé 😀 for 𠀀𠀁 ", line: 0, encoding: encoding)
        let teamEnd = Self.position(after: "Résumé 😀 for 𠀀𠀁 team", line: 0, encoding: encoding)
        server.sendLine(Self.didChange(version: 2, range: TextRange(start: teamStart, end: teamEnd), text: "crew 👩‍💻"))
        let partyStart = Self.position(after: "Second line: ", line: 1, encoding: encoding)
        let partyEnd = Self.position(after: "Second line: 🎉", line: 1, encoding: encoding)
        server.sendLine(Self.didChange(version: 3, range: TextRange(start: partyStart, end: partyEnd), text: "🥳\r\nnew line"))
        try Self.expectDocument(server, is: "Résumé 😀 for 𠀀𠀁 crew 👩‍💻\r\nSecond line: 🥳\r\nnew line party\r\nthird", id: 10)
        // A range command in the same encoding selects the same characters.
        let range = TextRange(start: Self.position(after: "Résumé ", line: 0, encoding: encoding),
                              end: Self.position(after: "Résumé 😀 for 𠀀", line: 0, encoding: encoding))
        server.sendLine(Self.estimateCommand(id: 20, range: range))
        server.sendLine(#"{"jsonrpc":"2.0","id":21,"method":"preflight/estimate","params":{"prompt":"😀 for 𠀀"}}"#)
        let part = try #require(server.waitForMessage { $0.idNumber == 20 })
        let whole = try #require(server.waitForMessage { $0.idNumber == 21 })
        #expect(part.result?.serializedString == whole.result?.serializedString)
        server.closeInput()
        server.waitForExit()
    }

    @Test func outOfRangeEditMarksTheDocumentOutOfSyncUntilAFullSync() throws {
        let server = ServerHarness()
        server.sendLine(Self.initialize())
        server.sendLine(initializedLine)
        server.sendLine(Self.didOpen("Summarise this.\nSecond line"))
        _ = try #require(server.waitForMessage { Self.isDiagnostics($0, version: 1) })
        let outside = TextRange(start: TextPosition(line: 7, character: 0), end: TextPosition(line: 7, character: 3))
        server.sendLine(Self.didChange(version: 2, range: outside, text: "x"))
        let published = try #require(server.waitForMessage { Self.isDiagnostics($0, version: 2) })
        let codes = published["params"]?["diagnostics"]?.elements.compactMap { $0["code"]?.stringValue } ?? []
        #expect(codes.contains("out-of-sync"), "\(published)")
        let message = published["params"]?["diagnostics"]?[0]?["message"]?.stringValue ?? ""
        #expect(message.contains("line 7 is outside the document"), "\(message)")
        // Still serving, still the last good text; a full-text change brings it back.
        try Self.expectDocument(server, is: "Summarise this.\nSecond line", id: 30)
        server.sendLine(Self.didChange(version: 3, range: nil, text: "Fresh text"))
        let fresh = try #require(server.waitForMessage { Self.isDiagnostics($0, version: 3) })
        let freshCodes = fresh["params"]?["diagnostics"]?.elements.compactMap { $0["code"]?.stringValue } ?? []
        #expect(!freshCodes.contains("out-of-sync"), "\(fresh)")
        try Self.expectDocument(server, is: "Fresh text", id: 40)
        server.closeInput()
        server.waitForExit()
    }

    @Test func aBurstOfFiftyChangesYieldsOneEstimateAndOnePublication() throws {
        let clock = ManualDebounceClock()
        let server = ServerHarness(editor: EditorConfiguration(clock: clock))
        server.sendLine(Self.initialize(options: #"{"debounceMs":300}"#))
        server.sendLine(initializedLine)
        server.sendLine(Self.didOpen("Write a haiku about the sea."))
        _ = try #require(server.waitForMessage { Self.isDiagnostics($0, version: 1) })
        #expect(server.editorStatistics.analysesRun == 1)
        var burst = ""
        var text = "Write a haiku about the sea."
        for version in 2...51 {
            let end = TextPosition(line: 0, character: text.utf16.count)
            burst += Self.didChange(version: version, range: TextRange(start: end, end: end), text: "!") + "\n"
            text += "!"
        }
        // One write: the server reads the burst as fast as it can; a request after it proves
        // every change has been applied (replies and notifications are handled in order).
        server.send(burst + #"{"jsonrpc":"2.0","id":5,"method":"preflight/countTokens","params":{"text":"x"}}"# + "\n")
        _ = try #require(server.waitForMessage { $0.idNumber == 5 })
        #expect(server.editorStatistics.analysesRun == 1, "nothing runs before the debounce window passes")
        clock.advance(milliseconds: 299)
        usleep(100_000)
        #expect(server.editorStatistics.analysesRun == 1, "still inside the window")
        clock.advance(milliseconds: 1)
        let published = try #require(server.waitForMessage { Self.isDiagnostics($0, version: 51) })
        #expect(published["params"]?["uri"]?.stringValue == Self.uri)
        usleep(200_000)
        #expect(server.editorStatistics.analysesRun == 2)
        #expect(server.editorStatistics.diagnosticsPublished == 2)
        let publications = (try ServerHarness.split(server.stdout, framing: .newline))
            .filter { $0["method"]?.stringValue == "textDocument/publishDiagnostics" }
        #expect(publications.count == 2)
        try Self.expectDocument(server, is: text, id: 50)
        server.closeInput()
        server.waitForExit()
    }

    @Test func hoverAndCodeLensShowTheCurrentEstimate() throws {
        let server = ServerHarness()
        server.sendLine(Self.initialize(extraCapabilities: #""workspace":{"codeLens":{"refreshSupport":true}}"#))
        server.sendLine(initializedLine)
        server.sendLine(Self.didOpen("Translate to French: good morning.\n\nProve that the square root of 2 is irrational, step by step."))
        _ = try #require(server.waitForMessage { Self.isDiagnostics($0, version: 1) })
        _ = try #require(server.waitForMessage { $0["method"]?.stringValue == "workspace/codeLens/refresh" })
        server.sendLine(#"{"jsonrpc":"2.0","id":2,"method":"textDocument/codeLens","params":{"textDocument":{"uri":"\#(Self.uri)"}}}"#)
        let lens = try #require(server.waitForMessage { $0.idNumber == 2 })
        let title = lens.result?[0]?["command"]?["title"]?.stringValue ?? ""
        #expect(title.range(of: #"^~?[0-9,]+ tok · [a-z]+ → \S+ · [0-9.]+ credits$"#, options: .regularExpression) != nil, "\(title)")
        #expect(lens.result?[0]?["range"]?["start"]?["line"]?.intValue == 0)
        // The lens's figures are the estimate's own.
        server.sendLine(Self.estimateCommand(id: 3))
        let estimate = try #require(server.waitForMessage { $0.idNumber == 3 }).decodedResult(EstimateResult.self)
        #expect(title.contains("\(estimate.tokens.input) tok") || title.contains(",") )
        #expect(title.contains("\(estimate.model.tier.rawValue) → \(estimate.model.id)"))
        server.sendLine(#"{"jsonrpc":"2.0","id":4,"method":"textDocument/hover","params":{"textDocument":{"uri":"\#(Self.uri)"},"position":{"line":2,"character":5}}}"#)
        let hover = try #require(server.waitForMessage { $0.idNumber == 4 })
        let markdown = hover.result?["contents"]?["value"]?.stringValue ?? ""
        #expect(hover.result?["contents"]?["kind"]?.stringValue == "markdown")
        for part in ["### Preflight", "**Per tokenizer**", "o200k_base", "**Scripts** Latin", "inflation ×", "**Complexity**",
                     "**Cost**", "**Other tiers**", "#### Paragraph (line 3)", estimate.model.id] {
            #expect(markdown.contains(part), "missing \(part) in \(markdown)")
        }
        #expect(hover.result?["range"]?["start"]?["line"]?.intValue == 2)
        // After an edit the lens changes, even before the debounced analysis has run.
        server.sendLine(Self.didChange(version: 2, range: nil, text: String(repeating: "Explain the proof in detail. ", count: 40)))
        server.sendLine(#"{"jsonrpc":"2.0","id":5,"method":"textDocument/codeLens","params":{"textDocument":{"uri":"\#(Self.uri)"}}}"#)
        let after = try #require(server.waitForMessage { $0.idNumber == 5 })
        let newTitle = after.result?[0]?["command"]?["title"]?.stringValue ?? ""
        #expect(newTitle != title && !newTitle.isEmpty, "\(newTitle)")
        // Closing clears the diagnostics; hover on a closed document is null.
        server.sendLine(#"{"jsonrpc":"2.0","method":"textDocument/didClose","params":{"textDocument":{"uri":"\#(Self.uri)"}}}"#)
        server.sendLine(#"{"jsonrpc":"2.0","id":6,"method":"textDocument/hover","params":{"textDocument":{"uri":"\#(Self.uri)"},"position":{"line":0,"character":0}}}"#)
        let closed = try #require(server.waitForMessage { $0.idNumber == 6 })
        #expect(closed.result?.isNull == true)
        let cleared = try #require(server.waitForMessage {
            $0["method"]?.stringValue == "textDocument/publishDiagnostics" && $0["params"]?["version"] == nil
        })
        #expect(cleared["params"]?["diagnostics"]?.count == 0)
        server.closeInput()
        server.waitForExit()
    }

    /// Editors show an `initialize` error's message, not `data.field`: the message names the option.
    @Test func initializeErrorsNameTheOptionInTheMessage() throws {
        let server = ServerHarness()
        server.sendLine(Self.initialize(options: #"{"defaultModel":"no-such-model"}"#))
        let reply = try #require(server.waitForMessage { $0.idNumber == 0 })
        #expect(reply.errorField == "params.initializationOptions.defaultModel")
        #expect(reply.error?.message.hasPrefix("initializationOptions.defaultModel: unknown model") == true, "\(reply)")
        server.sendLine(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"initializationOptions":{"debounceMs":99999}}}"#)
        let range = try #require(server.waitForMessage { $0.idNumber == 1 })
        #expect(range.errorField == "params.initializationOptions.debounceMs")
        #expect(range.error?.message.contains("debounceMs") == true, "\(range)")
        server.closeInput()
        server.waitForExit()
    }

    @Test func plainTextHoverForAClientThatAsksForIt() throws {
        let server = ServerHarness()
        server.sendLine(Self.initialize(extraCapabilities: #""textDocument":{"hover":{"contentFormat":["plaintext"]}}"#))
        server.sendLine(initializedLine)
        server.sendLine(Self.didOpen("Why is the sky blue?"))
        server.sendLine(#"{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"textDocument":{"uri":"\#(Self.uri)"},"position":{"line":0,"character":1}}}"#)
        let hover = try #require(server.waitForMessage { $0.idNumber == 2 })
        #expect(hover.result?["contents"]?["kind"]?.stringValue == "plaintext")
        let text = hover.result?["contents"]?["value"]?.stringValue ?? ""
        #expect(text.hasPrefix("Preflight\n") && text.contains("Per tokenizer o200k_base") && !text.contains("**"), "\(text)")
        server.closeInput()
        server.waitForExit()
    }

    @Test func diagnosticsForContextWindowInflationAndBudget() throws {
        let server = ServerHarness()
        // gpt-4o-mini has a 128,000-token window: 140,000 words do not fit.
        server.sendLine(Self.initialize(options: #"{"defaultModel":"gpt-4o-mini","budget":{"balance":0.01,"spendingLimit":1,"spent":0.9999}}"#))
        server.sendLine(initializedLine)
        let long = String(repeating: "word ", count: 140_000)
        server.sendLine(Self.didOpen("Summarise:\n" + long))
        let published = try #require(server.waitForMessage { Self.isDiagnostics($0, version: 1) })
        let diagnostics = published["params"]?["diagnostics"]?.elements ?? []
        let window = try #require(diagnostics.first { $0["code"]?.stringValue == "context-window" })
        #expect(window["severity"]?.intValue == 1)
        #expect(window["message"]?.stringValue?.contains("over gpt-4o-mini's 128,000-token context window") == true, "\(window)")
        #expect((window["range"]?["start"]?["line"]?.intValue ?? -1) >= 0)
        let budget = try #require(diagnostics.first { $0["code"]?.stringValue == "budget" })
        #expect(budget["message"]?.stringValue?.hasPrefix("Budget: sending this prompt") == true, "\(budget)")
        // Hindi text inflates: a note with the factor and the script.
        server.sendLine(Self.didOpen("भारत एक विशाल देश है और इसकी संस्कृति बहुत पुरानी है। कृपया इसका सारांश लिखिए।", uri: "file:///hi.prompt"))
        let hindi = try #require(server.waitForMessage {
            $0["method"]?.stringValue == "textDocument/publishDiagnostics" && $0["params"]?["uri"]?.stringValue == "file:///hi.prompt"
        })
        let inflation = try #require(hindi["params"]?["diagnostics"]?.elements.first { $0["code"]?.stringValue == "inflation" })
        #expect(inflation["message"]?.stringValue?.contains("Devanagari") == true, "\(inflation)")
        server.closeInput()
        server.waitForExit()
    }

    /// As `preflight/check` refuses a prompt the model cannot hold whatever the budget, so does
    /// the budget diagnostic (issue 12): a generous balance does not make it sendable.
    @Test func theBudgetDiagnosticRefusesAPromptTheModelCannotHold() throws {
        let server = ServerHarness()
        server.sendLine(Self.initialize(options: #"{"defaultModel":"gpt-4o-mini","budget":{"balance":100}}"#))
        server.sendLine(initializedLine)
        server.sendLine(Self.didOpen("Summarise:\n" + String(repeating: "word ", count: 140_000)))
        let published = try #require(server.waitForMessage { Self.isDiagnostics($0, version: 1) })
        let diagnostics = published["params"]?["diagnostics"]?.elements ?? []
        let budget = try #require(diagnostics.first { $0["code"]?.stringValue == "budget" }, "\(diagnostics)")
        #expect(budget["severity"]?.intValue == 1)
        #expect(budget["message"]?.stringValue?.contains("would be refused: the input of") == true, "\(budget)")
        server.closeInput()
        server.waitForExit()
    }

    @Test func badSettingIsAWarningAndThePreviousValueStays() throws {
        let server = ServerHarness()
        server.sendLine(Self.initialize(options: #"{"defaultModel":"gpt-4o-mini"}"#))
        server.sendLine(initializedLine)
        server.sendLine(#"{"jsonrpc":"2.0","method":"workspace/didChangeConfiguration","params":{"settings":{"preflight":{"defaultModel":"no-such-model","debounceMs":"fast","budgit":{}}}}}"#)
        var warnings: [String] = []
        for _ in 0..<3 {
            let count = warnings.count
            let message = try #require(server.waitForMessage {
                $0["method"]?.stringValue == "window/showMessage" && !warnings.contains($0["params"]?["message"]?.stringValue ?? "")
            })
            warnings.append(message["params"]?["message"]?.stringValue ?? "")
            #expect(warnings.count == count + 1)
        }
        #expect(warnings.contains { $0.contains("preflight.budgit") && $0.contains("preflight.budget") }, "\(warnings)")
        #expect(warnings.contains { $0.contains("preflight.debounceMs") }, "\(warnings)")
        #expect(warnings.contains { $0.contains("preflight.defaultModel") && $0.contains("gpt-4o-mini") }, "\(warnings)")
        // The previous default model still prices requests.
        server.sendLine(#"{"jsonrpc":"2.0","id":2,"method":"preflight/estimate","params":{"prompt":"hi"}}"#)
        let estimate = try #require(server.waitForMessage { $0.idNumber == 2 }).decodedResult(EstimateResult.self)
        #expect(estimate.model.id == "gpt-4o-mini")
        // A good setting applies.
        server.sendLine(#"{"jsonrpc":"2.0","method":"workspace/didChangeConfiguration","params":{"settings":{"preflight":{"defaultModel":"gpt-4.1-mini"}}}}"#)
        server.sendLine(#"{"jsonrpc":"2.0","id":3,"method":"preflight/estimate","params":{"prompt":"hi"}}"#)
        let changed = try #require(server.waitForMessage { $0.idNumber == 3 }).decodedResult(EstimateResult.self)
        #expect(changed.model.id == "gpt-4.1-mini")
        server.closeInput()
        server.waitForExit()
    }

    @Test func executeCommandChecksAndRefusesBadArguments() throws {
        let server = ServerHarness()
        server.sendLine(Self.initialize(options: #"{"budget":{"balance":100}}"#))
        server.sendLine(initializedLine)
        server.sendLine(Self.didOpen("Classify this review as positive or negative: great phone."))
        server.sendLine(#"{"jsonrpc":"2.0","id":2,"method":"workspace/executeCommand","params":{"command":"preflight.check","arguments":[{"uri":"\#(Self.uri)"}]}}"#)
        let check = try #require(server.waitForMessage { $0.idNumber == 2 })
        #expect(check.result?["allowed"]?.boolValue == true, "\(check)")
        server.sendLine(#"{"jsonrpc":"2.0","id":3,"method":"workspace/executeCommand","params":{"command":"preflight.check","arguments":[{"uri":"\#(Self.uri)","budget":{"balance":0}}]}}"#)
        let refused = try #require(server.waitForMessage { $0.idNumber == 3 })
        #expect(refused.result?["allowed"]?.boolValue == false, "\(refused)")
        server.sendLine(#"{"jsonrpc":"2.0","id":4,"method":"workspace/executeCommand","params":{"command":"preflight.estimate","arguments":[{"uri":"file:///not-open.prompt"}]}}"#)
        #expect(try #require(server.waitForMessage { $0.idNumber == 4 }).errorField == "params.arguments[0].uri")
        server.sendLine(#"{"jsonrpc":"2.0","id":5,"method":"workspace/executeCommand","params":{"command":"preflight.nope","arguments":[]}}"#)
        #expect(try #require(server.waitForMessage { $0.idNumber == 5 }).errorField == "params.command")
        server.sendLine(#"{"jsonrpc":"2.0","id":6,"method":"workspace/executeCommand","params":{"command":"preflight.estimate","arguments":[{"uri":"\#(Self.uri)","range":{"start":{"line":9,"character":0},"end":{"line":9,"character":1}}}]}}"#)
        #expect(try #require(server.waitForMessage { $0.idNumber == 6 }).errorField == "params.arguments[0].range")
        server.closeInput()
        server.waitForExit()
    }

    static func publications(_ server: ServerHarness) -> [Reply] {
        ((try? ServerHarness.split(server.stdout, framing: .newline)) ?? [])
            .filter { $0["method"]?.stringValue == "textDocument/publishDiagnostics" }
    }

    /// Settings apply in the order they were sent even when the first change loads a slow
    /// catalog: a later `defaultModel` is not overwritten by the earlier one when the load ends,
    /// and a routing file named meanwhile is loaded too, not dropped.
    @Test func settingsChangesDuringASlowLoadMergeInOrder() throws {
        let catalog = ServerHarness.modelsDirectory + "/catalog.json"
        let editor = EditorConfiguration(catalogLoader: { path in
            usleep(500_000)
            return try CatalogDecoder.load(path: path)
        })
        let server = ServerHarness(editor: editor)
        server.sendLine(Self.initialize())
        server.sendLine(initializedLine)
        server.sendLine(Self.didOpen("Name three rivers."))
        _ = try #require(server.waitForMessage { Self.isDiagnostics($0, version: 1) })
        server.sendLine(#"{"jsonrpc":"2.0","method":"workspace/didChangeConfiguration","params":{"settings":{"preflight":{"catalogPath":\#(Self.escaped(catalog)),"defaultModel":"gpt-4o-mini"}}}}"#)
        server.sendLine(#"{"jsonrpc":"2.0","method":"workspace/didChangeConfiguration","params":{"settings":{"preflight":{"defaultModel":"gpt-4.1-mini","routingPath":"/nonexistent/routing.json"}}}}"#)
        let warning = try #require(server.waitForMessage { $0["method"]?.stringValue == "window/showMessage" })
        #expect(warning["params"]?["message"]?.stringValue?.contains("preflight.routingPath") == true, "\(warning)")
        // The load's end re-estimates the open document: a second publication.
        let output = server.connection.waitForOutput(timeout: ServerHarness.timeout) { bytes in
            ((try? ServerHarness.split(bytes, framing: .newline)) ?? [])
                .filter { $0["method"]?.stringValue == "textDocument/publishDiagnostics" }.count >= 2
        }
        #expect(((try? ServerHarness.split(output, framing: .newline)) ?? [])
            .filter { $0["method"]?.stringValue == "textDocument/publishDiagnostics" }.count >= 2)
        server.sendLine(#"{"jsonrpc":"2.0","id":7,"method":"preflight/estimate","params":{"prompt":"hi"}}"#)
        let estimate = try #require(server.waitForMessage { $0.idNumber == 7 }).decodedResult(EstimateResult.self)
        #expect(estimate.model.id == "gpt-4.1-mini")
        server.closeInput()
        server.waitForExit()
    }

    /// After `shutdown` the worker stops: a change scheduled before it never publishes.
    @Test func nothingButRepliesAfterShutdown() throws {
        let clock = ManualDebounceClock()
        let server = ServerHarness(editor: EditorConfiguration(clock: clock))
        server.sendLine(Self.initialize())
        server.sendLine(initializedLine)
        server.sendLine(Self.didOpen("Hello"))
        _ = try #require(server.waitForMessage { Self.isDiagnostics($0, version: 1) })
        server.sendLine(Self.didChange(version: 2, range: nil, text: "Hello again"))
        server.sendLine(#"{"jsonrpc":"2.0","id":9,"method":"shutdown"}"#)
        _ = try #require(server.waitForMessage { $0.idNumber == 9 })
        clock.advance(milliseconds: 10_000)
        usleep(300_000)
        #expect(Self.publications(server).count == 1)
        server.sendLine(#"{"jsonrpc":"2.0","method":"exit"}"#)
        #expect(server.waitForExit() == 0)
    }

    /// A document over the on-the-spot limit is not analysed on the reader thread: until the
    /// worker's analysis lands, the last one answers and hover says which version it is for.
    @Test func largeDocumentsAnswerWithTheLastAnalysisWhileTheNewOneRuns() throws {
        let clock = ManualDebounceClock()
        let server = ServerHarness(editor: EditorConfiguration(clock: clock))
        server.sendLine(Self.initialize())
        server.sendLine(initializedLine)
        let large = String(repeating: "Summarise the following meeting notes in five bullet points. ", count: 5_000)
        server.sendLine(Self.didOpen(large))
        _ = try #require(server.waitForMessage { Self.isDiagnostics($0, version: 1) })
        server.sendLine(#"{"jsonrpc":"2.0","id":2,"method":"textDocument/codeLens","params":{"textDocument":{"uri":"\#(Self.uri)"}}}"#)
        let before = try #require(server.waitForMessage { $0.idNumber == 2 })
        server.sendLine(Self.didChange(version: 2, range: nil, text: large + large))
        server.sendLine(#"{"jsonrpc":"2.0","id":3,"method":"textDocument/codeLens","params":{"textDocument":{"uri":"\#(Self.uri)"}}}"#)
        server.sendLine(#"{"jsonrpc":"2.0","id":4,"method":"textDocument/hover","params":{"textDocument":{"uri":"\#(Self.uri)"},"position":{"line":0,"character":0}}}"#)
        let stale = try #require(server.waitForMessage { $0.idNumber == 3 })
        #expect(stale.result?.serializedString == before.result?.serializedString)
        let hover = try #require(server.waitForMessage { $0.idNumber == 4 })
        #expect(hover.result?["contents"]?["value"]?.stringValue?.contains("Figures for version 1; version 2 is being estimated") == true)
        clock.advance(milliseconds: 1_000)
        _ = try #require(server.waitForMessage { Self.isDiagnostics($0, version: 2) })
        server.sendLine(#"{"jsonrpc":"2.0","id":5,"method":"textDocument/codeLens","params":{"textDocument":{"uri":"\#(Self.uri)"}}}"#)
        let fresh = try #require(server.waitForMessage { $0.idNumber == 5 })
        #expect(fresh.result?.serializedString != before.result?.serializedString)
        server.closeInput()
        server.waitForExit()
    }

    @Test func slowCatalogLoadShowsWorkDoneProgress() throws {
        let catalog = ServerHarness.modelsDirectory + "/catalog.json"
        let editor = EditorConfiguration(catalogLoader: { path in
            usleep(1_500_000)  // a large catalog on a slow disk
            return try CatalogDecoder.load(path: path)
        })
        let server = ServerHarness(editor: editor)
        server.sendLine(Self.initialize(extraCapabilities: #""window":{"workDoneProgress":true}"#))
        server.sendLine(initializedLine)
        server.sendLine(#"{"jsonrpc":"2.0","method":"workspace/didChangeConfiguration","params":{"settings":{"preflight":{"catalogPath":\#(Self.escaped(catalog))}}}}"#)
        let create = try #require(server.waitForMessage { $0["method"]?.stringValue == "window/workDoneProgress/create" },
                                  "\(String(decoding: server.stdout, as: UTF8.self))")
        let token = try #require(create["params"]?["token"]?.stringValue)
        let id = try #require(create["id"]).serializedString
        server.sendLine(#"{"jsonrpc":"2.0","id":\#(id),"result":null}"#)
        let begin = try #require(server.waitForMessage {
            $0["method"]?.stringValue == "$/progress" && $0["params"]?["value"]?["kind"]?.stringValue == "begin"
        })
        #expect(begin["params"]?["token"]?.stringValue == token)
        #expect(begin["params"]?["value"]?["message"]?.stringValue?.contains("loading catalog") == true, "\(begin)")
        let end = try #require(server.waitForMessage {
            $0["method"]?.stringValue == "$/progress" && $0["params"]?["value"]?["kind"]?.stringValue == "end"
        })
        #expect(end["params"]?["token"]?.stringValue == token)
        server.closeInput()
        server.waitForExit()
    }

    @Test func fastLoadShowsNoProgress() throws {
        let server = ServerHarness()
        server.sendLine(Self.initialize(extraCapabilities: #""window":{"workDoneProgress":true}"#))
        server.sendLine(initializedLine)
        // The real catalog decodes in milliseconds: well under the 200 ms threshold.
        let catalog = ServerHarness.modelsDirectory + "/catalog.json"
        server.sendLine(#"{"jsonrpc":"2.0","method":"workspace/didChangeConfiguration","params":{"settings":{"preflight":{"catalogPath":\#(Self.escaped(catalog))}}}}"#)
        server.sendLine(#"{"jsonrpc":"2.0","id":2,"method":"preflight/countTokens","params":{"text":"x"}}"#)
        _ = try #require(server.waitForMessage { $0.idNumber == 2 })
        usleep(600_000)
        let messages = try ServerHarness.split(server.stdout, framing: .newline)
        #expect(!messages.contains { $0["method"]?.stringValue == "window/workDoneProgress/create" })
        server.closeInput()
        server.waitForExit()
    }
}
