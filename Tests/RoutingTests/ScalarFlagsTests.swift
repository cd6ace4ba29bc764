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
