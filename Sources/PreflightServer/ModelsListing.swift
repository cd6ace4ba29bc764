/// How `preflight/models`' `search` compares names: lower-cased, with `.` between digits read as
/// `-` (`claude-sonnet-4.5` finds `claude-sonnet-4-5`), so a search matches what a user types the
/// way the naming rules do.
enum ModelsListing {
    /// The form `search` and ids are compared in.
    static func searchKey(_ text: String) -> String {
        let bytes = Array(text.lowercased().utf8)
        var out = bytes
        for i in bytes.indices where bytes[i] == UInt8(ascii: ".") && i > 0 && i + 1 < bytes.count {
            let digit = { (b: UInt8) in b >= 48 && b <= 57 }
            if digit(bytes[i - 1]) && digit(bytes[i + 1]) { out[i] = UInt8(ascii: "-") }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
