import Testing
@testable import Advisor

@Suite struct OutputProjectionTests {
    /// The default reasoning projection's basis is shown to users: it names the task kind without
    /// an article (it once read "on a explanation task", "on a yesNo task").
    @Test func theDefaultReasoningBasisNamesTheTaskKindReadably() {
        for kind in [TaskKind.explanation, .extraction, .yesNo, .longForm] {
            let basis = ReasoningProjection.defaults(for: kind).basis
            #expect(basis.hasPrefix("default for a reasoning model, task kind \(kind.rawValue) ("))
            #expect(!basis.contains("on a "))
        }
    }

    @Test func shortAnswersAreShort() {
        let yesNo = OutputProjection.project(text: "Is Paris in France? Answer yes or no.", inputTokens: 10)
        #expect(yesNo.kind == .yesNo)
        #expect(yesNo.tokens == 3 && yesNo.low == 1 && yesNo.high == 40)
        let label = OutputProjection.project(text: "Classify the sentiment of: I loved it", inputTokens: 10)
        #expect(label.kind == .label)
        #expect(label.tokens == 5)
    }

    @Test func summariesScaleWithTheInput() {
        let text = "Summarize the following report."
        let small = OutputProjection.project(text: text, inputTokens: 100)
        #expect(small.kind == .summary)
        #expect(small.tokens == 60)                 // 20 % = 20, raised to the 60 floor
        let medium = OutputProjection.project(text: text, inputTokens: 2_000)
        #expect(medium.tokens == 400)               // 20 % of 2,000
        #expect(medium.low == 160 && medium.high == 800)
        let large = OutputProjection.project(text: text, inputTokens: 100_000)
        #expect(large.tokens == 1_000)              // point capped at 1,000
        #expect(large.high == 40_000)
    }

    @Test func essaysAndCodeAreLong() {
        let essay = OutputProjection.project(text: "Write an essay about the history of Rome.", inputTokens: 12)
        #expect(essay.kind == .longForm)
        #expect(essay.tokens == 900 && essay.low == 400 && essay.high == 2_000)
        let code = OutputProjection.project(text: "Write a function that reverses a linked list in Swift.", inputTokens: 12)
        #expect(code.kind == .code)
        #expect(code.tokens == 700)
    }

    @Test func explicitWordCountsOverrideTheTable() {
        let p = OutputProjection.project(text: "Write a story in 300 words about a cat.", inputTokens: 12)
        #expect(p.tokens == 400)   // 300 × 4/3
        #expect(p.low == 320 && p.high == 520)
        #expect(OutputProjection.explicitWordCount(in: "a 1,500-word article") == 1_500)
        #expect(OutputProjection.explicitWordCount(in: "no length here 42") == nil)
    }

    @Test func capsApplyToPointAndRange() {
        let capped = OutputProjection.project(text: "Write an essay about Rome.", inputTokens: 10, maxOutputTokens: 500)
        #expect(capped.capped)
        #expect(capped.cap == 500)
        #expect(capped.tokens == 500 && capped.high == 500 && capped.low == 400)
        let modelCap = OutputProjection.project(text: "Write an essay about Rome.", inputTokens: 10,
                                                maxOutputTokens: 5_000, modelMaxOutput: 300)
        #expect(modelCap.cap == 300)
        #expect(modelCap.tokens == 300 && modelCap.low == 300 && modelCap.high == 300)
        let loose = OutputProjection.project(text: "Write an essay about Rome.", inputTokens: 10, maxOutputTokens: 4_000)
        #expect(!loose.capped)
        #expect(loose.high == 2_000)
    }

    @Test func generalFallback() {
        let p = OutputProjection.project(text: "Capital of France", inputTokens: 4)
        #expect(p.kind == .general)
        #expect(p.tokens == 350 && p.low == 100 && p.high == 1_000)
    }
}
