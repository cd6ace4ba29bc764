import Testing
@testable import Tokenizers

/// Spot checks of the generated class table against well-known characters.
@Suite("Scalar class table")
struct ScalarClassTableTests {
    typealias T = ScalarClassTable

    static let both: UInt8 = T.upperClass | T.lowerClass
    static let wellKnown: [(UInt32, UInt8)] = [
        (0x41, T.letter | T.upperClass),                          // A: Lu
        (0x61, T.letter | T.lowerClass),                                   // a: Ll
        (0x1C5, T.letter | T.upperClass),                                  // ǅ: Lt
        (0x2B0, T.letter | both),                   // ʰ: Lm
        (0x4E2D, T.letter | both),                  // 中: Lo
        (0x0915, T.letter | both),                  // क: Lo
        (0x093F, both | T.mark),                    // ि: Mc
        (0x0301, both | T.mark),                    // combining acute: Mn
        (0x30, T.number), (0x0663, T.number), (0x2167, T.number),          // 0, ٣, Ⅷ (Nl)
        (0xB2, T.number),                                                  // ²: No
        (0x20, T.whitespace), (0x0A, T.whitespace), (0xA0, T.whitespace), (0x3000, T.whitespace),
        (0x85, T.whitespace), (0x2028, T.whitespace),
        (0x1C, 0), (0x200B, 0), (0xFEFF, 0), (0x27, 0), (0x21, 0), (0x1F600, 0),  // not \s, not L/N
        (0x1D518, T.letter | T.upperClass),                                // 𝔘: Lu, astral
        (0x20000, T.letter | both),                 // 𠀀: Lo, astral
        (0x10FFFF, 0),
    ]

    @Test("Classes of well-known scalars", arguments: wellKnown)
    func knownScalars(_ scalar: UInt32, _ flags: UInt8) {
        #expect(ScalarClassTable.shared.flags(of: scalar) == flags, "U+\(String(scalar, radix: 16, uppercase: true))")
    }

    @Test("Letters, numbers and white space are disjoint; case classes are letters or marks")
    func consistency() {
        let table = ScalarClassTable.shared
        var violations: [UInt32] = []
        for scalar in UInt32(0)...0x10FFFF {
            let f = table.flags(of: scalar)
            let kinds = [f & T.letter, f & T.number, f & T.whitespace, f & T.mark].filter { $0 != 0 }.count
            let caseClassOK = f & (T.upperClass | T.lowerClass) == 0 || f & (T.letter | T.mark) != 0
            let markOK = f & T.mark == 0 || f & (T.upperClass | T.lowerClass) == T.upperClass | T.lowerClass
            if kinds > 1 || !caseClassOK || !markOK { violations.append(scalar) }
        }
        #expect(violations.isEmpty, "first: \(violations.prefix(5).map { String($0, radix: 16) })")
    }
}
