import Testing
@testable import JSON

/// Members named twice are found at their exact paths; values and array elements are not keys.
@Suite struct JSONDuplicateMembersTests {
    func paths(_ text: String) -> [String] {
        JSONDuplicateMembers.find(in: Array(text.utf8)).map { JSONPath.render(root: "", components: $0) }
    }

    @Test func janssonCanBeToldToRefuseThemAndSaysWhy() {
        #expect(throws: Never.self) { try JSONValue.parse(Array(#"{"a":1,"a":2}"#.utf8)) }
        do {
            _ = try JSONValue.parse(Array(#"{"a":1,"a":2}"#.utf8), rejectingDuplicateKeys: true)
            Issue.record("accepted")
        } catch {
            #expect(error.isDuplicateKey && !error.isNumericOverflow)
        }
    }

    @Test func repeatedMembersAreLocated() {
        #expect(paths(#"{"id":1,"params":{"a":1,"b":[{"c":1},{"c":2,"c":3}],"a":"x"}}"#) == ["params.b[1].c", "params.a"])
        #expect(paths(#"[{"a":1},{"a":1}]"#).isEmpty)
        #expect(paths(#"{"s":"a,b:\"c\"","s2":["a","a"]}"#).isEmpty)
        #expect(paths(#"{"k\u0065y":1,"key":2}"#) == ["key"])
        #expect(paths(#"{"x":{"y":1},"x":2,"x":3}"#) == ["x", "x"])
    }
}
