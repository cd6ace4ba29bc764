import Foundation
import JSON

/// Reads labelled rows from JSON Lines files in `route-eval`'s format, refusing the first bad
/// line with its path, line and field (a silently skipped row would bias the fit).
public enum LabelledRowReader {
    /// The rows of every file in order.
    public static func read(paths: [String]) throws(LabelledRowError) -> [LabelledRow] {
        var rows: [LabelledRow] = []
        for path in paths { rows += try read(path: path) }
        return rows
    }

    /// The rows of one file; blank lines are skipped.
    public static func read(path: String) throws(LabelledRowError) -> [LabelledRow] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LabelledRowError(path: path, line: 0, field: "", message: "cannot read the file")
        }
        let defaultSource = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        var rows: [LabelledRow] = []
        var lineNumber = 0
        // A byte-order mark (editors on Windows write one) is not part of the first row.
        let bytes = JSONValue.withoutByteOrderMark([UInt8](data))
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            rows.append(try parse(Array(line), path: path, line: lineNumber, defaultSource: defaultSource))
        }
        return rows
    }

    /// One line's row.
    static func parse(_ bytes: [UInt8], path: String, line: Int, defaultSource: String) throws(LabelledRowError) -> LabelledRow {
        let json: JSONValue
        do {
            json = try JSONValue.parse(bytes, rejectingDuplicateKeys: true)
        } catch {
            throw LabelledRowError(path: path, line: line, field: "", message: "invalid JSON: \(error.message)")
        }
        guard json.kind == .object else {
            throw LabelledRowError(path: path, line: line, field: "", message: "must be a JSON object")
        }
        guard let prompt = json["prompt"]?.stringValue else {
            throw LabelledRowError(path: path, line: line, field: "prompt", message: "must be a string")
        }
        func outcome(_ name: String, required: Bool) throws(LabelledRowError) -> Double? {
            guard let value = json[name], !value.isNull else {
                if required {
                    throw LabelledRowError(path: path, line: line, field: name, message: "is required")
                }
                return nil
            }
            if let flag = value.boolValue { return flag ? 1 : 0 }
            guard value.kind == .integer || value.kind == .real, let number = value.doubleValue,
                  number >= 0, number <= 1 else {
                throw LabelledRowError(path: path, line: line, field: name,
                                       message: "must be a boolean or a number in 0…1, got \(value.serializedString)")
            }
            return number
        }
        let weak = try outcome("weak_correct", required: true)!
        let strong = try outcome("strong_correct", required: true)!
        let economy = try outcome("economy_correct", required: false)
        var source = defaultSource
        if let value = json["source"], !value.isNull {
            guard let text = value.stringValue, !text.isEmpty else {
                throw LabelledRowError(path: path, line: line, field: "source", message: "must be a non-empty string")
            }
            source = text
        }
        return LabelledRow(prompt: prompt, source: source, weak: weak, strong: strong, economy: economy)
    }
}
