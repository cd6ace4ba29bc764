import Testing
@testable import JSON

@Suite struct JSONValueTests {
    @Test func parsesAndSerialisesCompactly() throws {
        let value = try JSONValue.parse(#"{ "a" : [1, 2.5, "x", true, null] }"#)
        #expect(value.serializedString == #"{"a":[1,2.5,"x",true,null]}"#)
        #expect(value["a"]?.count == 5)
        #expect(value["a"]?[0]?.intValue == 1)
        #expect(value["a"]?[1]?.doubleValue == 2.5)
        #expect(value["a"]?[2]?.stringValue == "x")
        #expect(value["a"]?[3]?.boolValue == true)
        #expect(value["a"]?[4]?.isNull == true)
        #expect(value["missing"] == nil)
    }

    @Test func realsUseFifteenSignificantDigits() {
        #expect(JSONValue.real(0.3).serializedString == "0.3")
        #expect(JSONValue.real(0.1 + 0.2).serializedString == "0.3")
        #expect(JSONValue.real(0.002).serializedString == "0.002")
        #expect(JSONValue.real(.nan).serializedString == "null")
    }

    @Test func bareScalarsParse() throws {
        #expect(try JSONValue.parse("1").intValue == 1)
        #expect(try JSONValue.parse(#""s""#).stringValue == "s")
    }

    @Test func embeddedNulSurvivesRoundTrip() throws {
        let value = try JSONValue.parse(#"{"text":"a\u0000b"}"#)
        #expect(value["text"]?.stringValue == "a\u{0}b")
        #expect(value.serializedString == #"{"text":"a\u0000b"}"#)
        #expect(JSONValue.string("x\u{0}y").serializedString == #""x\u0000y""#)
    }

    @Test func largeIntegersAndNonASCIIStringsAreExact() throws {
        let value = try JSONValue.parse(#"[9007199254740993, "日本語🙂"]"#)
        #expect(value[0]?.intValue == 9_007_199_254_740_993)
        #expect(value.serializedString == #"[9007199254740993,"日本語🙂"]"#)
    }

    @Test(arguments: [
        ("{", 1), ("[1,]", 1), ("{\"a\":1}x", 1), ("\n\n  nul", 3),
    ])
    func parseErrorsCarryPosition(text: String, line: Int) {
        #expect(throws: JSONParseError.self) { try JSONValue.parse(text) }
        do {
            _ = try JSONValue.parse(text)
        } catch {
            #expect(error.line == line)
            #expect(!error.message.isEmpty)
        }
    }

    @Test func invalidUTF8IsAParseError() {
        #expect(throws: JSONParseError.self) { try JSONValue.parse([0x22, 0xFF, 0xFE, 0x22]) }
    }

    @Test func nestingBeyondTheLimitIsAParseError() {
        let deep = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        #expect(throws: JSONParseError.self) { try JSONValue.parse(deep) }
    }

    @Test func objectMembersKeepInsertionOrderAndCanBeRemoved() {
        let object = JSONValue.object(["b": .integer(1), "a": .integer(2), "skip": nil])
        #expect(object.members.map(\.key) == ["b", "a"])
        object["b"] = nil
        #expect(object.serializedString == #"{"a":2}"#)
    }

    @Test func sharedChildrenAreReferenceCountedNotCopied() {
        let child = JSONValue.array([.integer(1)])
        let parent = JSONValue.object(["x": child, "y": child])
        child.append(.integer(2))
        #expect(parent.serializedString == #"{"x":[1,2],"y":[1,2]}"#)
        #expect(parent.deepCopy() == parent)
    }
}
