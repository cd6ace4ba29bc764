import Testing
@testable import JSONRPC

@Suite struct ContentLengthFramerTests {
    func frame(_ body: String, header: String = "Content-Length") -> [UInt8] {
        Array("\(header): \(body.utf8.count)\r\n\r\n\(body)".utf8)
    }

    func bodies(_ events: [FrameEvent]) -> [String] {
        events.compactMap { if case .message(let bytes) = $0 { String(decoding: bytes, as: UTF8.self) } else { nil } }
    }

    @Test func oneFrame() {
        var framer = ContentLengthFramer(maxMessageBytes: 1000)
        #expect(bodies(framer.append(frame(#"{"a":1}"#))) == [#"{"a":1}"#])
    }

    @Test func splitAtEveryByte() {
        var framer = ContentLengthFramer(maxMessageBytes: 1000)
        let stream = frame(#"{"a":1}"#) + frame(#"{"b":"ü"}"#)
        var events: [FrameEvent] = []
        for byte in stream { events += framer.append([byte]) }
        #expect(bodies(events) == [#"{"a":1}"#, #"{"b":"ü"}"#])
    }

    @Test func severalFramesInOneRead() {
        var framer = ContentLengthFramer(maxMessageBytes: 1000)
        let stream = (0..<50).flatMap { frame(#"{"id":\#($0)}"#) }
        #expect(bodies(framer.append(stream)).count == 50)
    }

    @Test(arguments: ["content-length", "CONTENT-LENGTH", "Content-length"])
    func headerNamesAreCaseInsensitive(name: String) {
        var framer = ContentLengthFramer(maxMessageBytes: 1000)
        #expect(bodies(framer.append(frame("[]", header: name))) == ["[]"])
    }

    @Test func contentTypeAndUnknownHeadersAreIgnored() {
        var framer = ContentLengthFramer(maxMessageBytes: 1000)
        let stream = Array("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nContent-Length: 2\r\nX-Other: 1\r\n\r\n{}".utf8)
        #expect(bodies(framer.append(stream)) == ["{}"])
    }

    @Test func bareNewlinesAreTolerated() {
        var framer = ContentLengthFramer(maxMessageBytes: 1000)
        #expect(bodies(framer.append(Array("Content-Length: 2\n\n{}".utf8))) == ["{}"])
    }

    @Test func tooLargeIsReportedAndDiscardedAsItArrives() {
        var framer = ContentLengthFramer(maxMessageBytes: 10)
        let big = String(repeating: "x", count: 100)
        var events = framer.append(Array("Content-Length: 100\r\n\r\n".utf8))
        #expect(events == [.tooLarge(declared: 100)])
        // The body streams past in pieces and is not buffered.
        events = framer.append(Array(big.utf8.prefix(60)))
        #expect(events.isEmpty)
        events = framer.append(Array(big.utf8.dropFirst(60)) + frame("{}"))
        #expect(bodies(events) == ["{}"])
    }

    @Test func hugeDeclaredLengthDoesNotOverflowOrAllocate() {
        var framer = ContentLengthFramer(maxMessageBytes: 10)
        let events = framer.append(Array("Content-Length: 99999999999999999999999\r\n\r\n".utf8))
        #expect(events == [.tooLarge(declared: Int.max)])
    }

    @Test(arguments: ["Content-Length: abc", "Content-Length: -5", "Content-Length:", "Content-Lenght: 2", "garbage"])
    func malformedHeaderThenResynchronisation(header: String) {
        var framer = ContentLengthFramer(maxMessageBytes: 1000)
        let stream = Array("\(header)\r\n\r\n{}".utf8) + frame(#"{"ok":true}"#)
        let events = framer.append(stream)
        #expect(events.count == 2)
        if case .malformedHeader = events.first {} else { Issue.record("expected malformedHeader, got \(events)") }
        #expect(bodies(events) == [#"{"ok":true}"#])
    }

    @Test func resynchronisationAcrossReads() {
        var framer = ContentLengthFramer(maxMessageBytes: 1000)
        var events = framer.append(Array("Content-Length: x\r\n\r\njunk junk Content-Len".utf8))
        events += framer.append(Array("gth: 2\r\n\r\n{}".utf8))
        #expect(bodies(events) == ["{}"])
    }

    @Test func manyBrokenHeadersInOneReadResynchroniseWithoutRecursion() {
        // Thousands of malformed headers in one chunk: handled iteratively, in linear time.
        var framer = ContentLengthFramer(maxMessageBytes: 1000)
        let junk = Array(String(repeating: "Content-Length:\n\n", count: 20_000).utf8)
        let events = framer.append(junk + frame("{}"))
        #expect(events.count == 20_001)
        #expect(events.last == .message(Array("{}".utf8)))
    }

    @Test func markerSplitAcrossReadsIsFound() {
        var framer = ContentLengthFramer(maxMessageBytes: 1000)
        var events = framer.append(Array("Content-Length: x\r\n\r\njunk Conte".utf8))
        events += framer.append(Array("nt-Length: 2\r\n\r\n{}".utf8))
        #expect(bodies(events) == ["{}"])
    }

    @Test func oversizedHeaderIsMalformed() {
        var framer = ContentLengthFramer(maxMessageBytes: 1000)
        let long = Array("X-Long: \(String(repeating: "a", count: 10_000))\r\n".utf8)
        let events = framer.append(long + frame("{}"))
        if case .malformedHeader = events.first {} else { Issue.record("expected malformedHeader, got \(events)") }
        #expect(bodies(events) == ["{}"])
    }

    // MARK: Bodies longer than declared, duplicated headers

    /// A client that counts characters instead of UTF-8 bytes declares too short a length: the
    /// body is cut, its tail sits where the next header should be, and the frame after it must
    /// still be read.
    func characterCountedFrame(_ body: String) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n\(body)".utf8)
    }

    @Test func bodyLongerThanItsContentLengthDoesNotSwallowTheNextFrame() {
        var framer = ContentLengthFramer(maxMessageBytes: 1000)
        let miscounted = #"{"jsonrpc":"2.0","id":1,"method":"m","params":{"text":"héllo wörld"}}"#
        let events = framer.append(characterCountedFrame(miscounted) + frame(#"{"id":2}"#))
        #expect(events.count == 3, "\(events)")
        if case .message = events.first {} else { Issue.record("expected the cut body first, got \(events)") }
        if events.count > 1, case .malformedHeader = events[1] {} else { Issue.record("expected one malformedHeader for the tail, got \(events)") }
        #expect(events.last == .message(Array(#"{"id":2}"#.utf8)))
    }

    @Test func bodyLongerThanItsContentLengthSplitAtEveryByte() {
        var framer = ContentLengthFramer(maxMessageBytes: 1000)
        let stream = characterCountedFrame(#"{"text":"ééé"}"#) + frame(#"{"id":2}"#) + frame(#"{"id":3}"#)
        var events: [FrameEvent] = []
        for byte in stream { events += framer.append([byte]) }
        #expect(bodies(events).suffix(2) == [#"{"id":2}"#, #"{"id":3}"#])
        #expect(events.filter { if case .malformedHeader = $0 { true } else { false } }.count == 1)
    }

    @Test(arguments: ["\r\n", "\n", "", "  "])
    func bodyLongerThanDeclaredFollowedBySeparator(separator: String) {
        var framer = ContentLengthFramer(maxMessageBytes: 1000)
        let stream = characterCountedFrame(#"{"t":"日本語"}"#) + Array(separator.utf8) + frame(#"{"id":2}"#)
        let events = framer.append(stream)
        #expect(bodies(events).last == #"{"id":2}"#, "\(events)")
        #expect(events.filter { if case .malformedHeader = $0 { true } else { false } }.count == 1)
    }

    @Test func garbageBeforeTheFirstHeaderIsOneFailure() {
        var framer = ContentLengthFramer(maxMessageBytes: 1000)
        let events = framer.append(Array("]}".utf8) + frame(#"{"id":1}"#))
        #expect(events.count == 2)
        if case .malformedHeader(let reason) = events.first {
            #expect(reason.contains("not a header"))
        } else { Issue.record("expected malformedHeader, got \(events)") }
        #expect(bodies(events) == [#"{"id":1}"#])
    }

    @Test func identicalDuplicateContentLengthIsAccepted() {
        var framer = ContentLengthFramer(maxMessageBytes: 1000)
        let events = framer.append(Array("Content-Length: 2\r\ncontent-length:  2\r\n\r\n{}".utf8))
        #expect(events == [.message(Array("{}".utf8))])
    }

    @Test func differingDuplicateContentLengthIsRefusedAndTheNextFrameRead() {
        var framer = ContentLengthFramer(maxMessageBytes: 1000)
        let stream = Array("Content-Length: 2\r\nContent-Length: 12\r\n\r\n{}".utf8) + frame(#"{"id":2}"#)
        let events = framer.append(stream)
        #expect(events.count == 2, "\(events)")
        if case .malformedHeader(let reason) = events.first {
            #expect(reason.contains("Content-Length"))
            #expect(reason.contains("2") && reason.contains("12"))
        } else { Issue.record("expected malformedHeader, got \(events)") }
        #expect(bodies(events) == [#"{"id":2}"#])
    }

    @Test func zeroLengthBodyIsAnEmptyMessage() {
        var framer = ContentLengthFramer(maxMessageBytes: 1000)
        #expect(framer.append(Array("Content-Length: 0\r\n\r\n".utf8)) == [.message([])])
    }

    @Test func framesOutgoingMessages() {
        let framer = ContentLengthFramer(maxMessageBytes: 1000)
        #expect(String(decoding: framer.frame(Array("{}".utf8)), as: UTF8.self) == "Content-Length: 2\r\n\r\n{}")
    }
}

@Suite struct NewlineDelimitedFramerTests {
    func bodies(_ events: [FrameEvent]) -> [String] {
        events.compactMap { if case .message(let bytes) = $0 { String(decoding: bytes, as: UTF8.self) } else { nil } }
    }

    @Test func linesAreMessagesAndBlankLinesAreSkipped() {
        var framer = NewlineDelimitedFramer(maxMessageBytes: 100)
        let events = framer.append(Array("{\"a\":1}\r\n\n   \n[1]\n".utf8))
        #expect(bodies(events) == [#"{"a":1}"#, "[1]"])
    }

    @Test func splitLinesAndAFinalLineWithoutNewline() {
        var framer = NewlineDelimitedFramer(maxMessageBytes: 100)
        var events = framer.append(Array("{\"a\"".utf8))
        events += framer.append(Array(":1}\n{}".utf8))
        events += framer.finish()
        #expect(bodies(events) == [#"{"a":1}"#, "{}"])
    }

    @Test func oversizedLineIsDiscardedOnce() {
        var framer = NewlineDelimitedFramer(maxMessageBytes: 10)
        var events = framer.append(Array(String(repeating: "x", count: 30).utf8))
        events += framer.append(Array((String(repeating: "y", count: 30) + "\n{}\n").utf8))
        #expect(events == [.tooLarge(declared: nil), .message(Array("{}".utf8))])
    }

    @Test func framesWithANewline() {
        let framer = NewlineDelimitedFramer(maxMessageBytes: 10)
        #expect(framer.frame(Array("{}".utf8)) == Array("{}\n".utf8))
    }
}

@Suite struct FramingDetectorTests {
    @Test(arguments: [
        ("{\"a\":1}", FramingDetector.Framing.newlineDelimited),
        ("  \n[1]", .newlineDelimited),
        ("\u{FEFF}{}", .newlineDelimited),
        ("Content-Length: 2\r\n\r\n{}", .contentLength),
        ("\r\ncontent-length: 2", .contentLength),
    ])
    func detects(text: String, expected: FramingDetector.Framing) {
        var detector = FramingDetector()
        let result = Array(text.utf8).withUnsafeBytes { detector.detect($0) }
        #expect(result?.0 == expected)
        // A BOM is not passed on.
        #expect(result?.1.starts(with: [0xEF, 0xBB, 0xBF]) == false)
    }

    @Test func waitsPastWhitespaceAndPartialBOM() {
        var detector = FramingDetector()
        #expect([UInt8]([0xEF, 0xBB]).withUnsafeBytes { detector.detect($0) } == nil)
        #expect([UInt8]([0xBF, 0x20, 0x20, 0x0A]).withUnsafeBytes { detector.detect($0) } == nil)
        let decided = [UInt8]([0x7B]).withUnsafeBytes { detector.detect($0) }
        #expect(decided?.0 == .newlineDelimited)
        #expect(decided?.1 == Array("{".utf8))
    }

    @Test func whitespaceBeforeTheFirstMessageIsNotBuffered() {
        var detector = FramingDetector()
        let blanks = [UInt8](repeating: 0x20, count: 1 << 20)
        for _ in 0..<64 { #expect(blanks.withUnsafeBytes { detector.detect($0) } == nil) }
        let decided = Array("\n[1]".utf8).withUnsafeBytes { detector.detect($0) }
        #expect(decided?.0 == .newlineDelimited)
        #expect(decided?.1 == Array("[1]".utf8))
    }
}
