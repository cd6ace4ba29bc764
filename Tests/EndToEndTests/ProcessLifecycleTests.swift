import Foundation
import Testing
import TestSupport

/// What only a real process shows: exit codes, end of input, and cancellation through real pipes.
/// (The lifecycle rules themselves are tested in process, in PreflightServerTests.)
@Suite struct ProcessLifecycleTests {
    @Test func exitWithoutShutdownIsOne() throws {
        let server = try ServerProcess()
        server.sendLine(initializeLine)
        server.sendLine(#"{"jsonrpc":"2.0","method":"exit"}"#)
        #expect(server.waitForExit() == 1)
        let before = try ServerProcess()
        before.sendLine(#"{"jsonrpc":"2.0","method":"exit"}"#)
        #expect(before.waitForExit() == 1)
    }

    @Test func shutdownThenExitIsZeroWhileInputIsOpen() throws {
        let server = try ServerProcess()
        server.sendLine(initializeLine)
        server.sendLine(#"{"jsonrpc":"2.0","id":1,"method":"shutdown","params":null}"#)
        server.sendLine(#"{"jsonrpc":"2.0","method":"exit"}"#)
        #expect(server.waitForExit() == 0)
    }

    @Test func endOfInputExitsZero() throws {
        let session = try runSession([initializeLine])
        #expect(session.status == 0)
        let empty = try runSession([])
        #expect(empty.status == 0)
        #expect(empty.stdout.isEmpty)
    }

    @Test func cancelArrivingBeforeItsRequestIsHandledGives32800() throws {
        // One write: everything is readable before the first handler runs.
        let session = try runSession([
            initializeLine,
            #"{"jsonrpc":"2.0","id":5,"method":"preflight/countTokens","params":{"text":"x"}}"#,
            #"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":5}}"#,
        ])
        try #require(session.messages.count == 2)
        #expect(session.messages[1].errorCode == -32800)
        #expect(session.messages[1].idNumber == 5)
    }
}

/// The spawned binary never reads the developer's own files: a price-overrides file or a
/// reference catalog under the real HOME would otherwise change the prices these tests check.
@Suite struct SpawnedEnvironmentTests {
    @Test func theUsersFilesAreOutOfReach() throws {
        let real = ProcessInfo.processInfo.environment
        let isolated = try ServerProcess.isolatedEnvironment()
        #expect(isolated["PREFLIGHT_PRICE_OVERRIDES"] == nil && isolated["PREFLIGHT_REFERENCE"] == nil)
        let home = try #require(isolated["HOME"])
        #expect(home != real["HOME"] && home.hasPrefix(FileManager.default.temporaryDirectory.path))
        for name in ["XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"] {
            #expect(isolated[name]?.hasPrefix(home) == true, "\(name) is \(isolated[name] ?? "unset")")
        }
        #expect(isolated["PREFLIGHT_MODELS"] == PreflightBinary.modelsDirectory)
        #expect(isolated["PREFLIGHT_VOCAB_CACHE"] == PreflightBinary.vocabularyCache)
    }
}
