import Advisor
import JSONRPC
import Log
import PreflightAPI
import Testing
@testable import PreflightServer

/// The long methods poll for cancellation between chunks of work and stop with -32800 once
/// the client has cancelled (the transport side — a cancel read while a handler runs — is in
/// `CancellationTests`).
@Suite struct MethodCancellationTests {
    func context() -> ServerContext {
        let context = ServerContext(log: StderrLog(level: .off), modelsDirectory: ServerHarness.modelsDirectory)
        context.advisor.loadAtStart(catalogPath: nil)
        return context
    }

    /// A cancellation flag that turns true at poll number `turnsTrueAt` and counts the polls.
    final class Flag: @unchecked Sendable {
        let turnsTrueAt: Int
        var polls = 0
        init(turnsTrueAt: Int) { self.turnsTrueAt = turnsTrueAt }
        func poll() -> Bool {
            polls += 1
            return polls >= turnsTrueAt
        }
    }

    func code(_ body: () throws(JSONRPCError) -> Void) -> JSONRPCErrorCode? {
        do throws(JSONRPCError) {
            try body()
            return nil
        } catch {
            return error.code
        }
    }

    @Test func anEstimateStopsBetweenTheModelsItPrices() throws {
        let context = context()
        let params = EstimateParams(EstimateRequest(input: .prompt(String(repeating: "cost me ", count: 2_000))))
        let never = Flag(turnsTrueAt: .max)
        _ = try AdvisorMethods.estimate(params, advisor: context.advisor, isCancelled: never.poll)
        #expect(never.polls > 10, "one poll per model priced")
        let third = Flag(turnsTrueAt: 3)
        #expect(code { () throws(JSONRPCError) in
            _ = try AdvisorMethods.estimate(params, advisor: context.advisor, isCancelled: third.poll)
        } == .requestCancelled)
        #expect(third.polls == 3, "it stops at the poll that saw the cancel")
        let check = CheckParams(estimate: params, budget: BudgetParams(try Budget(balance: 1)))
        #expect(code { () throws(JSONRPCError) in
            _ = try AdvisorMethods.check(check, advisor: context.advisor, isCancelled: Flag(turnsTrueAt: 1).poll)
        } == .requestCancelled)
    }

    @Test func aChatCountStopsBetweenItsTexts() throws {
        let context = context()
        let chat = CountTokensParams(input: .messages((0..<4).map { ChatMessage(role: "user", text: "message \($0)") }))
        let never = Flag(turnsTrueAt: .max)
        let counted = try TokenCountMethods.countTokens(chat, context: context, isCancelled: never.poll)
        #expect(never.polls == 8, "a role and a text per message")
        #expect(counted.exact)
        let fifth = Flag(turnsTrueAt: 5)
        #expect(code { () throws(JSONRPCError) in
            _ = try TokenCountMethods.countTokens(chat, context: context, isCancelled: fifth.poll)
        } == .requestCancelled)
        #expect(fifth.polls == 5)
    }
}
