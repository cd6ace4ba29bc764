/// How the `character` of an LSP position counts: in UTF-8 bytes, UTF-16 code units (the
/// protocol's default, and what VS Code and most clients use) or Unicode scalars (UTF-32).
///
/// LSP 3.17 lets the client offer encodings (`general.positionEncodings`) and the server choose
/// one; a client that offers none gets UTF-16. Preflight prefers UTF-8 — its documents are
/// stored as UTF-8, so positions map to offsets without decoding — then UTF-32, then UTF-16.
public enum PositionEncoding: String, Sendable, CaseIterable, Codable {
    /// `character` counts UTF-8 bytes.
    case utf8 = "utf-8"
    /// `character` counts UTF-16 code units (a non-BMP character such as an emoji counts 2).
    case utf16 = "utf-16"
    /// `character` counts Unicode scalars.
    case utf32 = "utf-32"

    /// The encoding to use with a client that offers `offered` (in its order of preference,
    /// `nil` when it says nothing): UTF-8 when offered, else UTF-32 when offered, else UTF-16,
    /// which every client must support.
    public static func negotiate(offered: [String]?) -> PositionEncoding {
        guard let offered else { return .utf16 }
        if offered.contains(PositionEncoding.utf8.rawValue) { return .utf8 }
        if offered.contains(PositionEncoding.utf32.rawValue) { return .utf32 }
        return .utf16
    }

    /// How many code units of this encoding `scalar` takes.
    @inline(__always)
    func width(of scalar: Unicode.Scalar) -> Int {
        switch self {
        case .utf8: return UTF8.width(scalar)
        case .utf16: return scalar.value > 0xFFFF ? 2 : 1
        case .utf32: return 1
        }
    }
}
