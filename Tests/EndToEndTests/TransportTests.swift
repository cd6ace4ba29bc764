import Foundation
import Testing
import TestSupport

/// LSP framing, limits and stream hygiene through real pipes.
@Suite struct TransportTests {
    @Test func contentLengthSessionWithSplitWritesAndMixedHeaders() throws {
        let server = try ServerProcess(arguments: ["serve", "--log-level", "debug"])
        let initialize = #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"capabilities":{}}}"#
        let frame = Array("Content-Length: \(initialize.utf8.count)\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n\(initialize)".utf8)
        // Dribble the first frame in pieces so the server sees split reads.
        for chunk in stride(from: 0, to: frame.count, by: 7) {
            server.send(Array(frame[chunk..<min(chunk + 7, frame.count)]))
            usleep(1_000)
        }
        let count = #"{"jsonrpc":"2.0","id":2,"method":"preflight/countTokens","params":{"text":"héllo"}}"#
        let shutdown = #"{"jsonrpc":"2.0","id":3,"method":"shutdown"}"#
        // Two frames in one write, the second with a lower-case header name.
        server.send("Content-Length: \(count.utf8.count)\r\n\r\n\(count)content-length: \(shutdown.utf8.count)\r\n\r\n\(shutdown)")
        server.sendFramed(#"{"jsonrpc":"2.0","method":"exit"}"#)
        #expect(server.waitForExit() == 0)
        // stdout is frames only, although debug logging was on (it went to stderr).
        let replies = try ServerProcess.split(server.stdout, framing: .contentLength)
        #expect(replies.map(\.idNumber) == [1, 2, 3])
        #expect(server.stderr.contains("preflight: debug:"))
    }

    @Test func tooLargeMessageIsRefusedAndTheNextOneServed() throws {
        let server = try ServerProcess(arguments: ["serve", "--max-message-bytes", "200"])
        server.sendFramed(initializeLine)
        let big = #"{"jsonrpc":"2.0","id":2,"method":"preflight/countTokens","params":{"text":"\#(String(repeating: "a", count: 5000))"}}"#
        server.sendFramed(big)
        server.sendFramed(#"{"jsonrpc":"2.0","id":3,"method":"shutdown"}"#)
        server.closeInput()
        #expect(server.waitForExit() == 0)
        let replies = try ServerProcess.split(server.stdout, framing: .contentLength)
        try #require(replies.count == 3)
        #expect(replies[1].errorCode == -32600)
        #expect(replies[1].error?.message == "message too large")
        #expect(replies[1]["id"]?.isNull == true)
        #expect(replies[2].idNumber == 3)
    }

    @Test func tooLargeLineInNewlineFraming() throws {
        let server = try ServerProcess(arguments: ["serve", "--max-message-bytes", "200"])
        server.sendLine(initializeLine)
        server.sendLine(#"{"jsonrpc":"2.0","id":2,"method":"preflight/countTokens","params":{"text":"\#(String(repeating: "a", count: 5000))"}}"#)
        server.sendLine(#"{"jsonrpc":"2.0","id":3,"method":"shutdown"}"#)
        server.closeInput()
        #expect(server.waitForExit() == 0)
        let replies = try ServerProcess.split(server.stdout, framing: .newline)
        #expect(replies.map(\.errorCode) == [nil, -32600, nil])
    }

    @Test func badHeaderGivesParseErrorAndTheReaderResynchronises() throws {
        let server = try ServerProcess()
        server.sendFramed(initializeLine)
        server.send("Content-Length: banana\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\"}")
        server.send("Content-Type: text/plain\r\n\r\n")
        server.sendFramed(#"{"jsonrpc":"2.0","id":4,"method":"shutdown"}"#)
        server.closeInput()
        #expect(server.waitForExit() == 0)
        let replies = try ServerProcess.split(server.stdout, framing: .contentLength)
        #expect(replies.map(\.errorCode) == [nil, -32700, nil])
        #expect(replies.last?.idNumber == 4)
    }

    @Test func aBodyLongerThanItsContentLengthDoesNotSwallowTheNextRequest() throws {
        // A client that counts characters, not UTF-8 bytes: "é" and "世界" make the body longer
        // than declared. The cut body and its tail are one -32700 each; the next request is
        // answered (before the fix it was read as part of a broken header and never answered).
        let server = try ServerProcess()
        server.sendFramed(initializeLine)
        let miscounted = #"{"jsonrpc":"2.0","id":2,"method":"preflight/countTokens","params":{"text":"héllo 世界"}}"#
        server.send("Content-Length: \(miscounted.count)\r\n\r\n\(miscounted)")
        server.sendFramed(#"{"jsonrpc":"2.0","id":3,"method":"preflight/countTokens","params":{"text":"ok"}}"#)
        let replies = server.waitForMessages(4, framing: .contentLength, timeout: 20)
        server.closeInput()
        #expect(server.waitForExit() == 0)
        #expect(replies.map(\.errorCode) == [nil, -32700, -32700, nil], "\(replies)")
        #expect(replies.last?.idNumber == 3)
        #expect(replies.dropFirst().first?["id"]?.isNull == true)
    }

    @Test func duplicatedContentLengthHeaders() throws {
        // Identical duplicates are one header; differing ones are -32700 naming the header, and
        // the reader resynchronises at the next frame.
        let server = try ServerProcess()
        server.sendFramed(initializeLine)
        let shutdown = #"{"jsonrpc":"2.0","id":2,"method":"preflight/countTokens","params":{"text":"a"}}"#
        server.send("Content-Length: \(shutdown.utf8.count)\r\nContent-Length: \(shutdown.utf8.count)\r\n\r\n\(shutdown)")
        server.send("Content-Length: 5\r\nContent-Length: 7\r\n\r\n{\"a\":1}")
        server.sendFramed(#"{"jsonrpc":"2.0","id":4,"method":"shutdown"}"#)
        server.closeInput()
        #expect(server.waitForExit() == 0)
        let replies = try ServerProcess.split(server.stdout, framing: .contentLength)
        #expect(replies.map(\.errorCode) == [nil, nil, -32700, nil], "\(replies)")
        #expect(replies.map(\.idNumber) == [0, 2, nil, 4])
        #expect(replies.count > 2 && replies[2].error?.message.contains("Content-Length") == true)
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let server = try ServerProcess()
        server.send([0xEF, 0xBB, 0xBF])
        server.sendLine(initializeLine)
        server.closeInput()
        #expect(server.waitForExit() == 0)
        let replies = try ServerProcess.split(server.stdout, framing: .newline)
        try #require(replies.count == 1)
    }

    @Test func aClientThatStopsReadingDoesNotKillTheServerWithSIGPIPE() throws {
        // No reader on the server's stdout at all: its first reply fails with EPIPE. With
        // SIGPIPE ignored it notices, says so on stderr and exits normally instead of dying.
        let server = try ServerProcess(arguments: ["serve", "--log-level", "info"], readsStdout: false)
        server.sendLine(initializeLine)
        for i in 0..<50 {
            server.sendLine(#"{"jsonrpc":"2.0","id":\#(i),"method":"preflight/countTokens","params":{"text":"x"}}"#)
        }
        server.closeInput()
        server.waitForExit()
        #expect(server.process.terminationReason == .exit)
        #expect(server.process.terminationStatus == 0)
        #expect(server.stderr.contains("closed its end of the output"))
    }
}

/// The command line: version, help, usage errors, placeholder commands.
@Suite struct CommandLineTests {
    @Test func versionAndHelp() throws {
        let version = try runCLI(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
        let help = try runCLI(["--help"])
        #expect(help.status == 0)
        for command in ["serve", "count", "estimate", "check", "models"] {
            #expect(help.stdout.contains(command))
        }
    }

    @Test func usageErrorsExit64() throws {
        #expect(try runCLI(["--no-such-option"]).status == 64)
        #expect(try runCLI(["serve", "--max-message-bytes", "0"]).status == 64)
        #expect(try runCLI(["serve", "--log-level", "loud"]).status == 64)
    }
}

/// Runs the binary with `arguments`, stdin closed, and returns its outputs.
func runCLI(_ arguments: [String], input: String = "",
            environment: [String: String] = [:]) throws -> (status: Int32?, stdout: String, stderr: String) {
    let server = try ServerProcess(arguments: arguments, environment: environment)
    if !input.isEmpty { server.send(input) }
    server.closeInput()
    let status = server.waitForExit()
    return (status, String(decoding: server.stdout, as: UTF8.self), server.stderr)
}
