import ArgumentParser
import Foundation
import JSONRPC
import PreflightServer
import PreflightAPI
import JSON
import Log

/// What every advisor command does around its method call: load the catalog, read the prompt,
/// and turn failures into the documented exit codes (2 input or catalog error, 64 usage error).
enum AdvisorCommandSupport {
    /// A server context whose advisor has the requested catalog loaded; exits 2 with the file,
    /// line and column when the catalog cannot be used.
    static func context(common: CommonOptions, options: AdvisorOptions, command: String) throws -> ServerContext {
        let log = StderrLog(level: common.logLevel)
        let models = ModelsDirectoryLocator.locate(
            option: common.modelsDirectory, environment: ProcessInfo.processInfo.environment)
        let context = ServerContext(log: log, modelsDirectory: models?.path)
        guard let path = options.catalog ?? context.advisor.bundledCatalogPath else {
            throw fail(command, "no models/ directory found, so there is no bundled catalog "
                       + "(use --catalog, --models-dir or PREFLIGHT_MODELS)")
        }
        do throws(CatalogLoadError) {
            try context.advisor.use(catalogAt: path)
        } catch {
            throw fail(command, "invalid catalog: \(error)")
        }
        return context
    }

    /// The prompt text of `file` (`-` or absent: stdin), byte for byte — CRLF stays CRLF and a
    /// final newline is counted. Exits 2 when it cannot be read or is not UTF-8.
    static func readPrompt(_ file: String?, command: String) throws -> (text: String, label: String) {
        let data: Data
        let label: String
        if file == nil || file == "-" {
            if isatty(0) != 0 {
                FileHandle.standardError.write(Data(
                    "preflight \(command): reading the prompt from the terminal; end it with Ctrl-D (or pass a FILE)\n".utf8))
            }
            data = FileHandle.standardInput.readDataToEndOfFile()
            label = "stdin"
        } else {
            guard let contents = FileManager.default.contents(atPath: file!) else {
                throw fail(command, "cannot read \(file!): \(readFailureReason(file!))")
            }
            data = contents
            label = file!
        }
        // `String(validating:)` keeps every byte (a BOM included), unlike Foundation's decoding.
        let bytes = [UInt8](data)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw fail(command, "\(label): not valid UTF-8 at byte \(firstInvalidUTF8Offset(bytes))")
        }
        return (text, label)
    }

    /// Offset of the first byte that does not start or continue a valid UTF-8 sequence.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int {
        var offset = 0
        while offset < bytes.count {
            let length: Int
            switch bytes[offset] {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return offset
            }
            guard offset + length <= bytes.count,
                  String(validating: bytes[offset..<(offset + length)], as: UTF8.self) != nil else { return offset }
            offset += length
        }
        return offset
    }

    static func readFailureReason(_ path: String) -> String {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) { return "no such file" }
        return isDirectory.boolValue ? "it is a directory" : "permission denied"
    }

    /// Calls a method function. Usage errors were caught before (the options' own checks,
    /// exit 64); what the method refuses is about the prompt or the catalog, exit 2.
    static func call<Result>(_ command: String, _ body: () throws(JSONRPCError) -> Result) throws -> Result {
        do throws(JSONRPCError) {
            return try body()
        } catch {
            throw fail(command, error.message)
        }
    }

    /// A method's result as the compact JSON the server would send.
    static func json<Result: Encodable>(_ result: Result) throws -> String {
        try JSONValueEncoder().encode(result).serializedString
    }

    /// Prints `preflight COMMAND: error: message` and yields exit code 2.
    static func fail(_ command: String, _ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("preflight \(command): error: \(message)\n".utf8))
        return ExitCode(2)
    }

    /// Writes `text` and a newline to stdout.
    static func print(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
