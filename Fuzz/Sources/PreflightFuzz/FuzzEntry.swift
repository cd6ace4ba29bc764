import Foundation
import JSONRPC
import PreflightServer
import JSON
import Log

/// One server for the whole run: building it per input would fuzz the constructor, not the
/// protocol. Its lifecycle state is reset by giving each input a fresh `PreflightLanguageServer`
/// over the shared context.
nonisolated(unsafe) private var sharedContext: ServerContext?

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> Int32 {
    JanssonRuntime.seed()
    // By default the real models/ (vocabularies and catalog), so exact BPE and the advisor are
    // fuzzed too. PREFLIGHT_MODELS=none runs the server without them: every method still
    // dispatches and answers (estimates, or errors naming what is missing), many times faster,
    // which suits long runs over the transport.
    let repository = String(#filePath.split(separator: "/Fuzz/Sources/")[0])
    let setting = ProcessInfo.processInfo.environment["PREFLIGHT_MODELS"] ?? "\(repository)/models"
    sharedContext = ServerContext(log: StderrLog(level: .off), modelsDirectory: setting == "none" ? nil : setting)
    return 0
}

/// The first byte picks the shape of the session: bit 0 prepends a valid `initialize` (so the
/// fuzzer reaches the method handlers), bit 1 its framing, bits 2–7 the read size the input is
/// split into (1–64 bytes), so split reads are fuzzed too.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    if sharedContext == nil {
        // LLVMFuzzerInitialize is optional for libFuzzer drivers; never depend on it.
        _ = fuzzInitialize(UnsafeMutablePointer(mutating: [Int32(0)]), UnsafeMutablePointer(mutating: [nil]))
    }
    guard let context = sharedContext else { fatalError("fuzz context failed to initialise") }
    let control = data[0]
    let body = UnsafeRawBufferPointer(start: data + 1, count: size - 1)
    let server = PreflightLanguageServer(context: context)
    var emitted = 0
    let session = JSONRPCSession(maxMessageBytes: 64 * 1024, log: StderrLog(level: .off)) { emitted &+= $0.count }

    if control & 1 == 1 {
        let initialize = #"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{}}"#
        let prefix = control & 2 == 0
            ? "Content-Length: \(initialize.utf8.count)\r\n\r\n\(initialize)"
            : initialize + "\n"
        Array(prefix.utf8).withUnsafeBytes { session.receive($0) }
    }
    let chunk = Int(control >> 2) + 1
    var offset = 0
    while offset < body.count {
        let end = min(offset + chunk, body.count)
        session.receive(UnsafeRawBufferPointer(rebasing: body[offset..<end]))
        offset = end
        while server.requestedExitCode == nil, session.dispatchNext(to: server) {}
        if server.requestedExitCode != nil { return 0 }
    }
    session.receiveEndOfInput()
    while server.requestedExitCode == nil, session.dispatchNext(to: server) {}
    return 0
}
