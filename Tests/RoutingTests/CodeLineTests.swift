import Testing
@testable import Routing

/// The `code line` signal: a line that starts with a keyword counts as code only when it reads as
/// code. Hard-wrapped prose often starts a line with "for a", "while the", "class of", "let me",
/// "import duties" or "select the"; before the fix each such line raised `code` (a wrapped email
/// went from complexity 0.13 to 0.27 because one line began "for a").
@Suite struct CodeLineTests {
    static let router = ComplexityRouter(model: RoutingTestSupport.bundledModel)

    static func codeLines(_ text: String) -> Double {
        router.score(text).features[FeatureLayout.codeLines]
    }

    /// Prose hard-wrapped at about 72 columns, each line starting with a keyword that is also a word.
    static let wrappedProse = """
        Thanks again for hosting the planning session last week. We agreed to keep
        for a while the current schedule, and to revisit it once the new hires start.
        while the budget is tight, the team would like one offsite before the summer,
        class of problems we keep running into with the vendor. Please also let us know
        let me know whether Thursday works for the follow-up, or suggest another day
        import duties on the replacement parts are still unclear, so the order waits
        select the venue you prefer from the three options in the shared folder.
        update the calendar invite when you have a moment, and we will confirm then.
        return the signed form to Maria by Friday, if you can.
        """

    @Test func hardWrappedProseHasNoCodeLines() {
        #expect(CodeLineTests.codeLines(CodeLineTests.wrappedProse) == 0)
        let assessment = CodeLineTests.router.assess(CodeLineTests.wrappedProse, inputTokens: 0)
        #expect(!assessment.signals.contains { $0.cue == "code line" }, "\(assessment.signals)")
    }

    @Test func wrappingProseDoesNotRaiseTheScore() {
        let unwrapped = CodeLineTests.wrappedProse.split(separator: "\n").joined(separator: " ")
        let wrapped = CodeLineTests.router.assess(CodeLineTests.wrappedProse, inputTokens: 0)
        let flat = CodeLineTests.router.assess(unwrapped, inputTokens: 0)
        #expect(wrapped.score - flat.score < 0.05, "wrapped \(wrapped.score) vs one line \(flat.score)")
    }

    @Test(arguments: [
        "for i in range(10):\n    print(i)",
        "for (let i = 0; i < n; i++) {",
        "while True:",
        "class Cache:",
        "let total = prices.reduce(0, +)",
        "const limit = 10",
        "public static void main(String[] args) {",
        "import numpy as np",
        "from collections import defaultdict",
        "SELECT * FROM users",
        "return result",
        "def area(r):",
    ])
    func realCodeLinesStillCount(_ line: String) {
        #expect(CodeLineTests.codeLines(line) > 0, "\(line)")
    }

    @Test(arguments: [
        "for a long while nobody noticed the leak in the basement.",
        "while the kettle boils, read the instructions twice.",
        "class of 2019 reunion planning starts next month",
        "let me know",
        "import duties on steel rose sharply in the second quarter of the year",
        "select the best answer and explain it in plain words",
        "return to the main menu and try again.",
    ])
    func proseLinesStartingWithKeywordsDoNotCount(_ line: String) {
        #expect(CodeLineTests.codeLines(line) == 0, "\(line)")
    }
}
