import Testing
@testable import Routing

/// The per-scalar class bits the scanners read equal the predicates they stand for.
@Suite struct ScalarFlagsTests {
    @Test func flagsEqualThePredicatesOnEveryScalarBelowU30000() {
        var mismatches: [UInt32] = []
        for c in UInt32(0)..<0x30000 where mismatches.count < 5 {
            var bits: UInt8 = 0
            if ScalarClass.isWordScalar(c) { bits |= ScalarClass.word }
            if ScalarClass.isRegexWord(c) { bits |= ScalarClass.regexWord }
            if ScalarClass.isDecimalDigit(c) { bits |= ScalarClass.decimal }
            if ScalarClass.isDigitLike(c) { bits |= ScalarClass.digitLike }
            if ScalarClass.isSpace(c) { bits |= ScalarClass.space }
            if ScalarClass.isCJK(c) { bits |= ScalarClass.cjk }
            if ScalarClass.flags(of: c) != bits { mismatches.append(c) }
        }
        #expect(mismatches.isEmpty, "first differing scalars: \(mismatches)")
    }

    /// The scanners that read the original text (code lines, identifiers) test whitespace and
    /// `\w` on the lowercased text's bits: lowercasing must keep both classes.
    @Test func lowercasingIsExactAndKeepsWhitespaceAndWordClasses() {
        let kept = ScalarClass.space | ScalarClass.regexWord
        var mismatches: [UInt32] = []
        for c in UInt32(0)..<0x30000 where mismatches.count < 5 {
            if ScalarClass.flags(of: ScalarClass.lowercased(c)) & kept != ScalarClass.flags(of: c) & kept
                || ScalarClass.lowercased(c) != ScalarClass.slowLowercased(c) {
                mismatches.append(c)
            }
        }
        #expect(mismatches.isEmpty, "first differing scalars: \(mismatches)")
    }

    /// The two-byte table holds exactly what `lowercased` and `flags` compute.
    @Test func twoByteTableEqualsTheFunctions() {
        var mismatches: [UInt32] = []
        for c in UInt32(0x80)..<0x800 where mismatches.count < 5 {
            let l = ScalarClass.lowercased(c)
            if ScalarClass.twoByteTable[Int(c) - 0x80] != l | UInt32(ScalarClass.flags(of: l)) << 21 { mismatches.append(c) }
        }
        #expect(ScalarClass.twoByteTable.count == 0x800 - 0x80)
        #expect(mismatches.isEmpty, "first differing scalars: \(mismatches)")
    }

    /// The mask forms of `endsSentence` and `isCodeScalar` (and the counters' ASCII table)
    /// accept exactly the scalars their documented lists name.
    @Test func maskPredicatesAcceptExactlyTheirLists() {
        let sentenceEnds: Set<UInt32> = [0x2E, 0x21, 0x3F, 0x3002, 0xFF01, 0xFF1F, 0x061F, 0x0964, 0x0A]
        let codeScalars: Set<UInt32> = [0x7B, 0x7D, 0x28, 0x29, 0x5B, 0x5D, 0x3B, 0x3D, 0x3C, 0x3E]
        var mismatches: [UInt32] = []
        for c in UInt32(0)..<0x20000 where mismatches.count < 5 {
            if ScalarClass.endsSentence(c) != sentenceEnds.contains(c) || ScalarClass.isCodeScalar(c) != codeScalars.contains(c) {
                mismatches.append(c)
            }
        }
        #expect(mismatches.isEmpty, "first differing scalars: \(mismatches)")
        let expected: [UInt32: UInt8] = [0x3F: 1, 0x24: 2, 0x25: 2, 0x3D: 4 | 16, 0x2B: 4, 0x5E: 4, 0x7B: 8, 0x7D: 8, 0x3B: 8,
                                         0x3E: 16, 0x3A: 16]
        for c in UInt32(0)..<128 {
            #expect(FeatureExtractor.asciiCounted[Int(c)] == expected[c, default: 0], "asciiCounted U+\(String(c, radix: 16))")
        }
    }

    @Test func isSpaceIsTheWhiteSpaceProperty() {
        for c in UInt32(0x80)..<0x110000 {
            guard let scalar = Unicode.Scalar(c) else { continue }
            if ScalarClass.isSpace(c) != scalar.properties.isWhitespace { Issue.record("U+\(String(c, radix: 16))"); return }
        }
    }

    @Test func layoutConstantsNameTheirFeatures() {
        for (index, name) in [(FeatureLayout.lexMath, "math"), (FeatureLayout.lexQuantity, "quantity"),
                              (FeatureLayout.lexProof, "proof"), (FeatureLayout.lexReasoning, "reasoning"),
                              (FeatureLayout.lexCode, "code"), (FeatureLayout.lexCreative, "creative"),
                              (FeatureLayout.lexRoleplay, "roleplay"), (FeatureLayout.lexSimple, "simple"),
                              (FeatureLayout.lexConstraint, "constraint"), (FeatureLayout.lexLaw, "law"),
                              (FeatureLayout.lexMedicine, "medicine"), (FeatureLayout.lexScience, "science"),
                              (FeatureLayout.lexEcon, "econ")] {
            #expect(FeatureLayout.lex(name) == index, "\(name)")
        }
        #expect(FeatureLayout.dimensions[FeatureLayout.contextLengthDimension] == "contextLength")
    }
}
