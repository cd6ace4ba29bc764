import Testing
@testable import Advisor

@Test func openAIMessageOverheadIsThreePerMessageOnePerNameThreeToPrime() {
    let messages = [ChatMessage(role: "system", text: "Be brief."),
                    ChatMessage(role: "user", text: "Hi", name: "bob"),
                    ChatMessage(role: "assistant", text: "Hello")]
    #expect(MessageOverhead.openAI.tokens(for: messages) == 3 * 3 + 1 + 3)
    #expect(MessageOverhead.openAI.tokens(for: []) == 0)
}
