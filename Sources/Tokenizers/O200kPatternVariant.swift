/// What distinguishes the patterns built on o200k_base's (Tekken v3's drops the contraction
/// suffixes and takes numbers one digit at a time), as compile-time constants.
///
/// A type parameter of `O200kStyleScanner` rather than stored flags, so each variant's scanner
/// is specialised with the constants folded in and o200k's hot loop pays nothing for Tekken.
protocol O200kPatternVariant: Sendable {
    /// Whether words take o200k's `(?i:'s|'t|'re|'ve|'m|'ll|'d)?` suffix.
    static var matchesContractions: Bool { get }
    /// How many digits one number piece takes: 3 (`\p{N}{1,3}`) or 1 (`\p{N}`).
    static var maxDigits: Int { get }
}

/// OpenAI's o200k_base pattern.
enum O200kBasePattern: O200kPatternVariant {
    static var matchesContractions: Bool { true }
    static var maxDigits: Int { 3 }
}

/// Mistral's Tekken v3 pattern (`tekken_240911.json`'s `config.pattern`).
enum TekkenPattern: O200kPatternVariant {
    static var matchesContractions: Bool { false }
    static var maxDigits: Int { 1 }
}
