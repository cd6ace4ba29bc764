import JSON
import Testing

struct Inner: Codable, Equatable {
    let flag: Bool
    let ratio: Double
}

struct Shape: Codable, Equatable {
    let name: String
    let count: Int
    let small: Int8
    let inner: Inner
    let list: [Int]
    let omitted: String?
    @EncodedAsNull var nullable: Int?
    let ordered: OrderedObject<Int>
    let raw: JSONValue

    static func == (lhs: Shape, rhs: Shape) -> Bool {
        lhs.name == rhs.name && lhs.count == rhs.count && lhs.small == rhs.small && lhs.inner == rhs.inner
            && lhs.list == rhs.list && lhs.omitted == rhs.omitted && lhs.nullable == rhs.nullable
            && lhs.ordered == rhs.ordered && lhs.raw == rhs.raw
    }
}

/// The Codable bridge over Jansson: member order, nulls, numbers, paths and unknown members.
@Suite struct JSONCodableTests {
    func shape() throws -> Shape {
        Shape(name: "é\u{0}x", count: 3, small: -2, inner: Inner(flag: true, ratio: 0.3), list: [1, 2],
              omitted: nil, nullable: nil, ordered: OrderedObject([("z", 1), ("a", 2)]), raw: try JSONValue.parse(#"{"k":[null]}"#))
    }

    @Test func encodesInDeclarationOrderWithExplicitNullsAndOmittedOptionals() throws {
        let text = try JSONValueEncoder().encode(try shape()).serializedString
        #expect(text == #"{"name":"é\u0000x","count":3,"small":-2,"inner":{"flag":true,"ratio":0.3},"list":[1,2],"#
            + #""nullable":null,"ordered":{"z":1,"a":2},"raw":{"k":[null]}}"#)
    }

    @Test func roundTrips() throws {
        let encoded = try JSONValueEncoder().encode(try shape())
        let decoded = try JSONValueDecoder().decode(Shape.self, from: encoded, path: "params")
        #expect(decoded.value == (try shape()))
        #expect(decoded.unknownFields.isEmpty)
        #expect(decoded.value.ordered.members.map(\.name) == ["z", "a"])
    }

    @Test func nonFiniteDoublesAreWrittenAsNull() throws {
        #expect(try JSONValueEncoder().encode([Double.nan, 1.5]).serializedString == "[null,1.5]")
    }

    @Test func failuresNameTheFullPath() throws {
        func failure(_ text: String) throws -> JSONDecodingFailure? {
            let value = try JSONValue.parse(text)
            do throws(JSONDecodingFailure) {
                _ = try JSONValueDecoder().decode([String: [Inner]].self, from: value, path: "params")
                return nil
            } catch {
                return error
            }
        }
        #expect(try failure(#"{"a":[{"flag":true,"ratio":1},{"flag":1,"ratio":1}]}"#)
                == JSONDecodingFailure(path: "params.a[1].flag", message: "params.a[1].flag must be true or false"))
        #expect(try failure(#"{"a":[{"flag":true}]}"#)
                == JSONDecodingFailure(path: "params.a[0].ratio", message: "params.a[0].ratio is required"))
        #expect(try failure(#"{"a":[{"flag":true,"ratio":null}]}"#)?.message == "params.a[0].ratio is required")
        #expect(try failure(#"{"a":{"flag":true}}"#)?.message == "params.a must be an array")
        #expect(try failure(#"{"a":[{"flag":false,"ratio":"x"}]}"#)?.message == "params.a[0].ratio must be a number")
    }

    @Test func integersAcceptWholeRealsOnly() throws {
        let decoder = JSONValueDecoder()
        #expect(try decoder.decode([Int].self, from: try JSONValue.parse("[5.0, -2]"), path: "p").value == [5, -2])
        #expect(throws: JSONDecodingFailure.self) { try decoder.decode([Int].self, from: try JSONValue.parse("[1.5]"), path: "p") }
        #expect(throws: JSONDecodingFailure.self) { try decoder.decode([Int8].self, from: try JSONValue.parse("[300]"), path: "p") }
    }

    @Test func absentParamsDecodeAsAnEmptyObject() throws {
        struct Optionals: Decodable { let a: Int? }
        #expect(try JSONValueDecoder().decode(Optionals.self, from: nil, path: "params").value.a == nil)
    }

    @Test func membersNothingAskedForAreCollected() throws {
        let value = try JSONValue.parse(#"{"inner":{"flag":true,"ratio":1,"ration":2},"extra":0}"#)
        struct Outer: Decodable { let inner: Inner }
        let decoded = try JSONValueDecoder().decode(Outer.self, from: value, path: "params")
        // Object by object, outer first; within an object, in input order.
        #expect(decoded.unknownFields == [
            JSONUnknownField(path: "params.extra", name: "extra", knownNames: ["inner"]),
            JSONUnknownField(path: "params.inner.ration", name: "ration", knownNames: ["flag", "ratio"]),
        ])
    }
}
