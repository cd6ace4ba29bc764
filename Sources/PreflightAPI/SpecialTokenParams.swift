import JSON

/// `params.allowedSpecial`: `"all"`, or a list of the tokenizer's special-token names that count
/// as single tokens. Absent, special-token text counts as ordinary text (a prompt that quotes
/// `<|endoftext|>` is priced as the text it is).
public enum SpecialTokenParams: Decodable, Sendable, Equatable {
    /// Every special token of the tokenizer.
    case all
    /// These names (checked against the tokenizer by the method, which knows it).
    case names([String])

    /// Reads `"all"` or an array of strings.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let all = try? container.decode(String.self), all == "all" {
            self = .all
            return
        }
        guard var array = try? decoder.unkeyedContainer() else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "must be \"all\" or a list of special-token names"))
        }
        var names: [String] = []
        while !array.isAtEnd { names.append(try array.decode(String.self)) }
        self = .names(names)
    }
}
