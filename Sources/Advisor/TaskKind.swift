/// What kind of answer a prompt asks for, which decides how long the answer will be.
///
/// Detected from the wording of the request (the prompt, or the last user message) with plain
/// keyword rules, first match wins in the order of `detect(in:)`: the cheap signals are reliable
/// enough for an output-length prior and they are easy to explain in `reason`.
public enum TaskKind: String, Sendable, CaseIterable, Codable {
    /// A yes/no or true/false verdict.
    case yesNo
    /// A class label, a sentiment, a category, a score.
    case label
    /// Pulling fields or entities out of the input.
    case extraction
    /// A summary, an abstract, key points, a TL;DR.
    case summary
    /// The same content in another language or wording (translate, rewrite, proofread).
    case transformation
    /// Writing or fixing code.
    case code
    /// An essay, article, story, report, letter.
    case longForm
    /// Explaining how or why.
    case explanation
    /// Anything else: a question or an instruction with no length cue.
    case general

    /// The kind of task `text` asks for, with the phrase that decided it.
    ///
    /// The instruction phrases are looked for in the first and last 600 characters (where an
    /// instruction sits around pasted material); the code phrases anywhere, by one pass over the
    /// UTF-8 bytes (`firstCodePhrase`), so a prompt of tens of megabytes is never copied or
    /// lower-cased whole.
    public static func detect(in text: String) -> (kind: TaskKind, evidence: String?) {
        let head = String(text.prefix(600)).lowercased()
        let tail = String(text.suffix(600)).lowercased()
        let instruction = head + "\n" + tail
        func firstHit(_ phrases: [String], in haystack: String) -> String? {
            phrases.first { haystack.contains($0) }
        }
        if let hit = firstHit(["yes or no", "yes/no", "true or false", "true/false", "answer yes", "reply yes",
                               "respond with yes"], in: instruction) {
            return (.yesNo, hit)
        }
        if let hit = firstHit(["classify", "categorize", "categorise", "sentiment", "label the", "label this",
                               "which category", "one word", "single word", "rate this", "score from",
                               "answer with only", "respond with only", "reply with only"], in: instruction) {
            return (.label, hit)
        }
        if let hit = firstHit(["extract", "list all the", "pull out", "find all the", "parse the", "as json",
                               "into json", "to json"], in: instruction) {
            return (.extraction, hit)
        }
        if let hit = firstHit(["summarize", "summarise", "summary", "tl;dr", "tldr", "key points", "abstract of",
                               "condense", "résumé", "要約", "总结", "सारांश"], in: instruction) {
            return (.summary, hit)
        }
        if let hit = firstHit(["translate", "translation", "rewrite", "rephrase", "paraphrase", "proofread",
                               "correct the grammar", "fix the grammar", "reformat", "convert this", "翻訳", "翻译"],
                              in: instruction) {
            return (.transformation, hit)
        }
        if let hit = firstCodePhrase(in: text) {
            return (.code, hit.trimmingCharacters())
        }
        if let hit = firstHit(["essay", "article", "blog post", "story", "report", "cover letter", "letter to",
                               "speech", "chapter", "write a detailed", "in detail", "comprehensive"],
                              in: instruction) {
            return (.longForm, hit)
        }
        if let hit = firstHit(["explain", "why ", "how does", "how do", "what is the difference", "describe",
                               "compare"], in: instruction) {
            return (.explanation, hit.trimmingCharacters())
        }
        return (.general, nil)
    }

    /// The phrases that make a prompt a code task wherever they appear, in priority order.
    static let codePhrases = ["```", "write a function", "write code", "implement", "refactor", "debug",
                              "fix the bug", "unit test", "write a script", "write a program", "sql query",
                              "regex", "def ", "func ", "function ", "class ", "#include", "import "]

    /// The first of `codePhrases` (in list order) that occurs anywhere in `text`, ignoring ASCII
    /// case — what searching the lower-cased text finds, since the phrases are ASCII.
    static func firstCodePhrase(in text: String) -> String? {
        // Phrase indices by first byte, as bit masks (bit k = phrase k), so most bytes cost one load.
        var byFirstByte = [UInt32](repeating: 0, count: 256)
        let phrases = codePhrases.map { Array($0.utf8) }
        for (index, phrase) in phrases.enumerated() { byFirstByte[Int(phrase[0])] |= 1 << UInt32(index) }
        var text = text
        let found = text.withUTF8 { bytes -> Int? in
            byFirstByte.withUnsafeBufferPointer { table -> Int? in
                var best = phrases.count   // the lowest phrase index found so far
                let count = bytes.count
                var i = 0
                while i < count {
                    var byte = bytes[i]
                    if byte &- 0x41 < 26 { byte |= 0x20 }
                    var candidates = table[Int(byte)] & ((1 << UInt32(best)) &- 1)
                    while candidates != 0 {
                        let index = candidates.trailingZeroBitCount
                        candidates &= candidates &- 1
                        let phrase = phrases[index]
                        guard i + phrase.count <= count else { continue }
                        var k = 1
                        while k < phrase.count {
                            var other = bytes[i + k]
                            if other &- 0x41 < 26 { other |= 0x20 }
                            if other != phrase[k] { break }
                            k += 1
                        }
                        if k == phrase.count {
                            best = index
                            if best == 0 { return 0 }
                            break
                        }
                    }
                    i += 1
                }
                return best == phrases.count ? nil : best
            }
        }
        return found.map { codePhrases[$0] }
    }
}

extension String {
    fileprivate func trimmingCharacters() -> String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
