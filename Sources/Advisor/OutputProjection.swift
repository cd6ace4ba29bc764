/// How many output tokens a request will produce when the caller did not say.
///
/// The rule, by task kind (`TaskKind`), with `input` the prompt's input tokens:
///
/// | kind            | point                     | low              | high                |
/// |-----------------|---------------------------|------------------|---------------------|
/// | yesNo           | 3                         | 1                | 40                  |
/// | label           | 5                         | 1                | 40                  |
/// | extraction      | 15% of input, 20…800      | 5% (≥ 10)        | 50% (≥ 100)         |
/// | summary         | 20% of input, 60…1,000    | 8% (≥ 30)        | 40% (≥ 250)         |
/// | transformation  | 110% of input, ≥ 20       | 70% (≥ 10)       | 160% (≥ 60)         |
/// | code            | 700                       | 200              | 2,500               |
/// | longForm        | 900                       | 400              | 2,000               |
/// | explanation     | 450                       | 200              | 1,000               |
/// | general         | 350                       | 100              | 1,000               |
///
/// An explicit length in the prompt ("in 300 words", "under 100 words") overrides the table:
/// point = words × 4/3 (OpenAI's rule of thumb, ¾ of a word per English token), low 0.8×,
/// high 1.3×. Every value is then capped by `maxOutputTokens` (when the caller gives one), by
/// the model's maximum output and, when the planner asks (a model the caller named), by the room
/// the model's context window leaves after the input, so `high` never exceeds the cap.
///
/// Reasoning is part of the output and shares its cap (OpenAI's `max_output_tokens`,
/// Anthropic's `max_tokens` and Gemini's `maxOutputTokens` all count it): reasoning the caller
/// states, or the default `ReasoningProjection` for a reasoning model, is taken off the cap
/// first, and the visible answer gets what is left.
///
/// Where the numbers come from: they are priors, not measurements. Short kinds follow from the
/// answer's form (a label is 1–3 tokens; chat models often add a short sentence, hence the
/// high end). Summary ratios follow common abstractive-summary compression (news summaries run
/// roughly 10–25 % of the article). Transformations preserve length (translations into
/// non-English scripts run longer in tokens, hence 160 %). Code, long-form and explanation
/// values are typical chat-model answer lengths (an essay of ~650 words ≈ 900 tokens). The
/// spread (low/high) is deliberately wide and becomes `cost.range`. A calibration against logged
/// usage should replace this table; it is isolated here for that reason.
public struct OutputProjection: Sendable, Equatable, Codable {
    /// The kind of task the projection assumed.
    public let kind: TaskKind
    /// The point estimate of output tokens.
    public let tokens: Int
    /// The short end of the expected range.
    public let low: Int
    /// The long end of the expected range.
    public let high: Int
    /// The cap applied (the smaller of the caller's `maxOutputTokens` and the model's maximum).
    public let cap: Int?
    /// Whether the cap cut the uncapped projection.
    public let capped: Bool
    /// How the number was reached, for `reason` texts and documentation.
    public let basis: String
    /// The default reasoning projected on top of `tokens` for a reasoning model whose caller
    /// stated no `reasoningTokens`; `nil` otherwise.
    public let reasoning: ReasoningProjection?

    /// Creates a projection; `project` is the producer.
    public init(kind: TaskKind, tokens: Int, low: Int, high: Int, cap: Int?, capped: Bool, basis: String,
                reasoning: ReasoningProjection? = nil) {
        self.kind = kind
        self.tokens = tokens
        self.low = low
        self.high = high
        self.cap = cap
        self.capped = capped
        self.basis = basis
        self.reasoning = reasoning
    }

    /// Projects the output of a request whose instruction text is `text`.
    ///
    /// - Parameters:
    ///   - text: what the task kind and explicit length are read from.
    ///   - inputTokens: input size, which summary, extraction and transformation scale with.
    ///   - maxOutputTokens: the caller's cap, if any.
    ///   - modelMaxOutput: the model's maximum output, if known.
    public static func project(text: String, inputTokens: Int, maxOutputTokens: Int? = nil,
                               modelMaxOutput: Int? = nil) -> OutputProjection {
        project(cues: TextCues(text), inputTokens: inputTokens, maxOutputTokens: maxOutputTokens,
                modelMaxOutput: modelMaxOutput)
    }

    /// What the projection reads from the instruction text: the task kind (with the phrase that
    /// decided it) and an explicit word count.
    ///
    /// A separate value so a caller pricing many models reads the text once: the planner
    /// projects the output for every catalog model (each has its own input count and output
    /// cap), and detection was nearly all of an estimate's time on a 3,000-model catalog.
    public struct TextCues: Sendable, Equatable {
        /// The kind of task.
        public let kind: TaskKind
        /// The phrase that decided `kind`, if any.
        public let evidence: String?
        /// The length the prompt asks for ("in 300 words"), if any.
        public let explicitWords: Int?

        /// Reads the cues of `text`.
        public init(_ text: String) {
            (kind, evidence) = TaskKind.detect(in: text)
            explicitWords = OutputProjection.explicitWordCount(in: text)
        }
    }

    /// Projects the output from already-read `cues`; otherwise as `project(text:…)`.
    ///
    /// - Parameters:
    ///   - room: the tokens the model's context window leaves after the input, when that should
    ///     cap the projection too (a model the caller named, which is priced even when the
    ///     projection would not fit).
    ///   - statedReasoning: reasoning tokens the caller stated; they are taken off the cap first.
    ///   - projectsReasoning: whether to add the default `ReasoningProjection` (a reasoning model
    ///     and no stated reasoning).
    public static func project(cues: TextCues, inputTokens: Int, maxOutputTokens: Int? = nil,
                               modelMaxOutput: Int? = nil, room: Int? = nil, statedReasoning: Int = 0,
                               projectsReasoning: Bool = false) -> OutputProjection {
        let kind = cues.kind
        let evidence = cues.evidence
        let base: (point: Int, low: Int, high: Int, basis: String)
        if let words = cues.explicitWords {
            let point = (words * 4 + 2) / 3
            base = (point, point * 8 / 10, point * 13 / 10,
                    "the prompt asks for about \(words) words (≈ \(point) tokens at ¾ word per token)")
        } else {
            let table = tableValues(kind: kind, inputTokens: max(0, inputTokens))
            let cue = evidence.map { " (\"\($0)\")" } ?? ""
            base = (table.point, table.low, table.high, "\(kind.rawValue) task\(cue): \(table.rule)")
        }
        let cap = [maxOutputTokens, modelMaxOutput, room].compactMap { $0 }.min()
        var reasoning = projectsReasoning ? ReasoningProjection.defaults(for: kind) : nil
        if let cap, let projected = reasoning { reasoning = projected.capped(at: cap) }
        var point = base.point, low = min(base.low, base.point), high = max(base.high, base.point)
        var capped = reasoning.map { $0.high < ReasoningProjection.defaults(for: kind).high } ?? false
        var basis = base.basis
        if let cap {
            // What the reasoning leaves of the cap, end by end (stated reasoning is one figure).
            func limit(_ reasoningEnd: Int?) -> Int { max(0, max(0, cap) - (reasoningEnd ?? statedReasoning)) }
            let limits = (point: limit(reasoning?.tokens), low: limit(reasoning?.low), high: limit(reasoning?.high))
            if high > limits.high || point > limits.point || low > limits.low {
                capped = true
                basis += reasoning == nil && statedReasoning == 0
                    ? "; capped at \(max(0, cap))" : "; capped at \(max(0, cap)) with the reasoning"
            }
            point = min(point, limits.point)
            low = min(low, limits.low)
            high = min(high, limits.high)
        }
        return OutputProjection(kind: kind, tokens: point, low: low, high: high, cap: cap,
                                capped: capped, basis: basis, reasoning: reasoning)
    }

    /// The table row for `kind`, before caps.
    static func tableValues(kind: TaskKind, inputTokens input: Int) -> (point: Int, low: Int, high: Int, rule: String) {
        func percent(_ p: Int) -> Int { (input * p + 50) / 100 }
        switch kind {
        case .yesNo: return (3, 1, 40, "a yes/no answer")
        case .label: return (5, 1, 40, "a label")
        case .extraction:
            return (min(800, max(20, percent(15))), max(10, percent(5)), max(100, percent(50)),
                    "15% of the input (20…800)")
        case .summary:
            return (min(1000, max(60, percent(20))), max(30, percent(8)), max(250, percent(40)),
                    "20% of the input (60…1,000)")
        case .transformation:
            return (max(20, percent(110)), max(10, percent(70)), max(60, percent(160)),
                    "about as long as the input (110%)")
        case .code: return (700, 200, 2500, "typical code answer")
        case .longForm: return (900, 400, 2000, "typical long-form answer (~650 words)")
        case .explanation: return (450, 200, 1000, "typical explanation")
        case .general: return (350, 100, 1000, "typical chat answer")
        }
    }

    /// The word count in "in 300 words", "300-word", "under 100 words", "at most 50 words".
    ///
    /// Read from the UTF-8 bytes in one pass without copying the text (a prompt may be tens of
    /// megabytes): digits, the word "word" and the separators are ASCII, so case-folding ASCII
    /// letters finds exactly what lower-casing the whole text would.
    static func explicitWordCount(in text: String) -> Int? {
        var text = text
        return text.withUTF8 { bytes -> Int? in
            let count = bytes.count
            @inline(__always) func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
            @inline(__always) func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
            var i = 0
            while i < count {
                guard isDigit(bytes[i]) else {
                    i += 1
                    continue
                }
                var value = 0
                var j = i
                while j < count, isDigit(bytes[j]) || bytes[j] == 0x2C {
                    if bytes[j] != 0x2C { value = value * 10 + Int(bytes[j] - 0x30) }
                    j += 1
                    if value > 1_000_000 { break }
                }
                var k = j
                while k < count, bytes[k] == 0x20 || bytes[k] == 0x2D { k += 1 }
                if value > 0, k + 4 <= count, lower(bytes[k]) == 0x77, lower(bytes[k + 1]) == 0x6F,
                   lower(bytes[k + 2]) == 0x72, lower(bytes[k + 3]) == 0x64 {
                    return value
                }
                i = max(j, i + 1)
            }
            return nil
        }
    }
}
