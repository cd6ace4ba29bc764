/// Newline-delimited JSON for scripts: each line is one message and each reply is one line.
///
/// Blank lines are skipped and a trailing `\r` is dropped, so files written on Windows work.
/// A line longer than `maxMessageBytes` yields one `.tooLarge` and is discarded up to its
/// newline without being stored.
public struct NewlineDelimitedFramer: MessageFramer {
    private let maxMessageBytes: Int
    private var line: [UInt8] = []
    private var discardingOversizedLine = false

    /// Creates a framer that refuses lines longer than `maxMessageBytes`.
    public init(maxMessageBytes: Int) {
        self.maxMessageBytes = maxMessageBytes
    }

    /// Feeds bytes and returns completed events.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) -> [FrameEvent] {
        var events: [FrameEvent] = []
        var input = bytes[...]
        while !input.isEmpty {
            let newline = input.firstIndex(of: 0x0A)
            let chunk = input[..<(newline ?? input.endIndex)]
            input = newline.map { input[($0 + 1)...] } ?? input[input.endIndex...]
            if !discardingOversizedLine {
                if line.count + chunk.count > maxMessageBytes + 1 {
                    line = []
                    discardingOversizedLine = true
                    events.append(.tooLarge(declared: nil))
                } else {
                    line.append(contentsOf: chunk)
                }
            }
            guard newline != nil else { break }
            if discardingOversizedLine {
                discardingOversizedLine = false
            } else {
                if line.last == 0x0D { line.removeLast() }
                if line.count > maxMessageBytes {
                    events.append(.tooLarge(declared: nil))
                } else if line.contains(where: { !Self.isWhitespace($0) }) {
                    events.append(.message(line))
                }
            }
            line = []
        }
        return events
    }

    /// Called at end of input: a last line without a newline is still a message.
    public mutating func finish() -> [FrameEvent] {
        defer { line = []; discardingOversizedLine = false }
        guard !discardingOversizedLine, line.contains(where: { !Self.isWhitespace($0) }) else { return [] }
        if line.last == 0x0D { line.removeLast() }
        return [.message(line)]
    }

    /// The body followed by `\n` (compact JSON never contains a raw newline).
    public func frame(_ body: [UInt8]) -> [UInt8] {
        var framed = body
        framed.append(0x0A)
        return framed
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }
}
