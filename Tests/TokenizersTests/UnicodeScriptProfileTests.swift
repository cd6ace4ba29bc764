import Testing
@testable import Tokenizers

@Suite struct UnicodeScriptProfileTests {
    @Test func majorScriptsAreRecognised() {
        let samples: [(Character, UnicodeScript)] = [
            ("A", .latin), ("é", .latin), ("я", .cyrillic), ("α", .greek), ("ب", .arabic), ("א", .hebrew),
            ("क", .devanagari), ("অ", .bengali), ("ก", .thai), ("中", .han), ("あ", .hiragana), ("ア", .katakana),
            ("한", .hangul), ("ሀ", .ethiopic), ("த", .tamil), ("ქ", .georgian), ("Ա", .armenian), ("ක", .sinhala),
            ("1", .common), (" ", .common), ("!", .common), ("😀", .common), ("。", .common),
        ]
        for (character, script) in samples {
            #expect(UnicodeScriptProfile.script(of: character.unicodeScalars.first!) == script, "\(character)")
        }
        #expect(UnicodeScriptProfile.script(of: "\u{0301}") == .inherited)
    }

    @Test func neutralCharactersJoinTheRunBefore() {
        let text = "Hello, 世界! ok"
        let profile = UnicodeScriptProfile(text)
        #expect(profile.runs.map(\.script) == [.latin, .han, .latin])
        #expect(profile.runs.map { String(text[$0.range]) } == ["Hello, ", "世界! ", "ok"])
        #expect(profile.runs.map(\.utf8Offsets) == [0..<7, 7..<15, 15..<17])
        #expect(profile.scalarCounts == [.latin: 7, .han: 2])
        #expect(profile.dominantScript == .latin)
    }

    @Test func leadingNeutralsJoinTheFirstRun() {
        let profile = UnicodeScriptProfile("¡Hola! Привет")
        #expect(profile.runs.map(\.script) == [.latin, .cyrillic])
        #expect(profile.runs[0].scalarCount == 7)
        #expect(profile.dominantScript == .cyrillic)
    }

    @Test func textWithoutLettersIsOneCommonRun() {
        let profile = UnicodeScriptProfile("123 + 456 = 579")
        #expect(profile.runs.count == 1)
        #expect(profile.runs[0].script == .common)
        #expect(profile.dominantScript == .common)
        #expect(UnicodeScriptProfile("").runs.isEmpty)
    }

    @Test func combiningMarksStayWithTheirBase() {
        let profile = UnicodeScriptProfile("e\u{0301}te\u{0301}")
        #expect(profile.runs.count == 1)
        #expect(profile.runs[0].script == .latin)
        #expect(profile.runs[0].scalarCount == 5)
    }
}
