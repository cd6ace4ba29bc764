import Testing
import JSONRPC
@testable import PreflightServer
import JSON
import Log

@Suite struct ModelsDirectoryLocatorTests {
    @Test func optionBeatsEnvironmentBeatsCheckout() {
        #expect(ModelsDirectoryLocator.locate(option: "/a", environment: ["PREFLIGHT_MODELS": "/b"])?.path == "/a")
        #expect(ModelsDirectoryLocator.locate(option: nil, environment: ["PREFLIGHT_MODELS": "/b"])?.source == .environment)
    }

    @Test func findsTheCheckoutAboveTheBuildDirectory() {
        let root = String(#filePath.split(separator: "/Tests/")[0])
        let found = ModelsDirectoryLocator.locate(
            option: nil, environment: [:], executablePath: "\(root)/.build/x86_64-unknown-linux-gnu/debug/preflight")
        #expect(found?.path == "\(root)/models")
        #expect(found?.source == .checkout)
    }

    @Test func nothingFoundOutsideACheckout() {
        #expect(ModelsDirectoryLocator.locate(option: nil, environment: [:], executablePath: "/nonexistent/bin/preflight") == nil)
    }
}

@Suite struct LifecycleUnitTests {
    func server() -> PreflightLanguageServer {
        PreflightLanguageServer(context: ServerContext(log: StderrLog(level: .off), modelsDirectory: nil))
    }

    func code(_ body: () throws(JSONRPCError) -> JSONValue) -> JSONRPCErrorCode? {
        do throws(JSONRPCError) { _ = try body(); return nil } catch { return error.code }
    }

    @Test func statesFollowLSP() {
        let s = server()
        #expect(s.state == .awaitingInitialize)
        #expect(code { () throws(JSONRPCError) in try s.handleRequest(method: "shutdown", params: nil, id: .integer(1)) } == .serverNotInitialized)
        s.handleNotification(method: "initialized", params: nil)
        #expect(s.state == .awaitingInitialize)
        #expect(code { () throws(JSONRPCError) in try s.handleRequest(method: "initialize", params: nil, id: .integer(1)) } == nil)
        #expect(s.state == .initializing)
        s.handleNotification(method: "initialized", params: nil)
        #expect(s.state == .running)
        #expect(code { () throws(JSONRPCError) in try s.handleRequest(method: "initialize", params: nil, id: .integer(2)) } == .invalidRequest)
        #expect(code { () throws(JSONRPCError) in try s.handleRequest(method: "$/x", params: nil, id: .integer(3)) } == .methodNotFound)
        #expect(code { () throws(JSONRPCError) in try s.handleRequest(method: "shutdown", params: nil, id: .integer(4)) } == nil)
        #expect(code { () throws(JSONRPCError) in try s.handleRequest(method: "preflight/countTokens", params: nil, id: .integer(5)) } == .invalidRequest)
        #expect(s.requestedExitCode == nil)
        s.handleNotification(method: "exit", params: nil)
        #expect(s.requestedExitCode == 0)
    }

    @Test func exitBeforeShutdownIsOne() {
        let s = server()
        s.handleNotification(method: "exit", params: nil)
        #expect(s.requestedExitCode == 1)
    }

    @Test func registryAdvertisesCustomMethods() {
        #expect(server().customMethods.contains("preflight/countTokens"))
    }
}
