import Testing
@testable import JSON

/// Numbers Jansson cannot hold are found and located, every other value parsed as written.
@Suite struct JSONOutOfRangeNumbersTests {
    func paths(_ text: String) throws -> [String] {
        try JSONOutOfRangeNumbers.parse(Array(text.utf8)).numbers.map { JSONPath.render(root: "", components: $0.path) }
    }

    @Test func janssonRefusesTheTextAndSaysItIsANumericOverflow() {
        do {
            _ = try JSONValue.parse(#"{"a":99999999999999999999}"#)
            Issue.record("parsed")
        } catch {
            #expect(error.isNumericOverflow)
        }
        do {
            _ = try JSONValue.parse(#"{"a":}"#)
        } catch {
            #expect(!error.isNumericOverflow)
        }
    }

    @Test func integersBeyond64BitsAndRealsBeyondADoubleAreLocated() throws {
        let text = #"{"id":7,"params":{"a":9223372036854775808,"b":[1,-9223372036854775809],"c":{"d":1e400},"ok":9223372036854775807,"s":"99999999999999999999"}}"#
        #expect(try paths(text) == ["params.a", "params.b[1]", "params.c.d"])
        let parsed = try JSONOutOfRangeNumbers.parse(Array(text.utf8))
        #expect(parsed.numbers.map(\.literal) == ["9223372036854775808", "-9223372036854775809", "1e400"])
        #expect(parsed.numbers.map(\.isInteger) == [true, true, false])
        // Everything else is exact: the id is still the integer 7, the largest Int64 kept.
        #expect(parsed.value["id"]?.intValue == 7)
        #expect(parsed.value["params"]?["ok"]?.intValue == Int(Int64.max))
        #expect(parsed.value["params"]?["s"]?.stringValue == "99999999999999999999")
    }

    @Test func stringsWithEscapedQuotesAndDigitsAreNotNumbers() throws {
        let text = #"{"k\"1":"a\\\"99999999999999999999\\","n":123456789012345678901234567890}"#
        #expect(try paths(text) == ["n"])
    }

    @Test func anotherSyntaxErrorStillFails() {
        #expect(throws: JSONParseError.self) {
            try JSONOutOfRangeNumbers.parse(Array(#"{"a":99999999999999999999,}"#.utf8))
        }
    }

    @Test func deepNestingIsWalkedWithoutRecursion() throws {
        let depth = 2000
        let text = String(repeating: "[", count: depth) + "1e999" + String(repeating: "]", count: depth)
        let found = try JSONOutOfRangeNumbers.parse(Array(text.utf8)).numbers
        #expect(found.count == 1)
        #expect(found.first?.path.count == depth)
    }
}
