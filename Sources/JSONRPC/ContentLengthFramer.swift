/// The Language Server Protocol's base framing: `Content-Length: N\r\n` headers, an empty line,
/// then exactly N bytes of JSON.
///
/// Header names are case-insensitive; `Content-Type` and unknown headers are accepted and
/// ignored; a bare `\n` line ending is tolerated. Memory never depends on the untrusted header: a
/// body is buffered only up to `maxMessageBytes` and only as its bytes arrive; a larger declared
/// length yields `.tooLarge` and the body is dropped as it streams past. A header block without
/// a numeric Content-Length yields `.malformedHeader` and the framer skips ahead to the next
/// `Content-Length:` it sees (even one that follows garbage on the same line, since clients send
/// frames back to back without a newline between them).
///
/// Resynchronisation rules, so one broken frame never costs the next one:
/// - **Bytes that cannot start a header.** A header line is a name of token characters
///   (RFC 9110 `tchar`; spaces and tabs tolerated) up to a `:`. The first byte of a line that
///   breaks this — typically the tail of a body longer than its declared Content-Length, as a
///   client counting characters instead of UTF-8 bytes sends — is one `.malformedHeader`, and
///   the search for the next `Content-Length:` starts *at that byte*, so a frame that follows
///   the tail directly (on the same line) is read.
/// - **Duplicated Content-Length.** Several `Content-Length` headers with the same value are
///   one; differing values are a `.malformedHeader` naming both, and the framer skips to the
///   next `Content-Length:` after that header block.
public struct ContentLengthFramer: MessageFramer {
    /// Header blocks larger than this are treated as malformed (LSP headers are ~60 bytes).
    public static let maxHeaderBytes = 8 * 1024

    private enum State {
        case header
        case body(length: Int)
        case discarding(remaining: Int)
        case resynchronising
    }

    private let maxMessageBytes: Int
    private var state: State = .header
    /// Header bytes read so far, a body being filled, or the tail kept while resynchronising.
    private var buffer: [UInt8] = []
    /// Where the header line being read starts inside `buffer`.
    private var lineStart = 0
    /// Whether the header line being read has reached its `:` (what follows is its value,
    /// where any byte goes).
    private var lineHasColon = false

    /// Creates a framer that refuses bodies larger than `maxMessageBytes`.
    public init(maxMessageBytes: Int) {
        self.maxMessageBytes = maxMessageBytes
    }

    /// Feeds bytes and returns completed events.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) -> [FrameEvent] {
        var events: [FrameEvent] = []
        var input = bytes[...]
        while !input.isEmpty {
            switch state {
            case .discarding(let remaining):
                let take = min(remaining, input.count)
                input = input.dropFirst(take)
                state = remaining == take ? .header : .discarding(remaining: remaining - take)
            case .body(let length):
                let take = min(length - buffer.count, input.count)
                buffer.append(contentsOf: input.prefix(take))
                input = input.dropFirst(take)
                if buffer.count == length {
                    events.append(.message(buffer))
                    buffer = []
                    state = .header
                }
            case .header:
                if let event = consumeHeader(&input) { events.append(event) }
            case .resynchronising:
                // `buffer` holds at most the last 14 bytes seen, in case the marker spans reads.
                // Searching the input in place keeps this linear however many broken headers
                // a read holds.
                let carried = buffer.count
                let probe = buffer + Array(input.prefix(Self.marker.count - 1))
                if let start = Self.findMarker(in: probe), start < carried {
                    let head = Array(buffer[start...])
                    buffer = []
                    state = .header
                    // `head` is shorter than the marker: it only starts the header, no event.
                    events += head.withUnsafeBytes { append($0) }
                } else if let start = Self.findMarker(in: input) {
                    buffer = []
                    input = input[start...]
                    state = .header
                } else {
                    buffer = Array((buffer + Array(input)).suffix(Self.marker.count - 1))
                    input = input[input.endIndex...]
                }
            }
        }
        return events
    }

    /// Reads header bytes line by line, copying only header bytes. Returns an event when the
    /// header block is complete and produced one; leaves `input` at the first unread byte.
    private mutating func consumeHeader(_ input: inout Slice<UnsafeRawBufferPointer>) -> FrameEvent? {
        while true {
            // Skip blank lines before a header (some clients separate frames with one).
            if buffer.isEmpty {
                while let first = input.first, first == 0x0D || first == 0x0A { input = input.dropFirst() }
            }
            let newline = input.firstIndex(of: 0x0A)
            if let bad = firstByteOutsideHeaderName(input[..<(newline ?? input.endIndex)]) {
                // Not a header: skip to the next Content-Length from this very byte.
                input = input[bad...]
                return startResynchronising("bytes that are not a header line (a body longer than its Content-Length?)")
            }
            guard let newline else {
                buffer.append(contentsOf: input)
                input = input[input.endIndex...]
                return buffer.count > Self.maxHeaderBytes ? startResynchronising("header too large") : nil
            }
            buffer.append(contentsOf: input[input.startIndex...newline])
            input = input[(newline + 1)...]
            let lineLength = buffer.count - lineStart
            let isBlankLine = lineLength == 1 || (lineLength == 2 && buffer[lineStart] == 0x0D)
            if !isBlankLine {
                if !lineHasColon {
                    // A whole line of name characters without a colon is not a header either.
                    return startResynchronising("a header line without a colon")
                }
                lineStart = buffer.count
                lineHasColon = false
                if buffer.count > Self.maxHeaderBytes { return startResynchronising("header too large") }
                continue
            }
            let header = Array(buffer[0..<lineStart])
            buffer = []
            lineStart = 0
            lineHasColon = false
            switch Self.contentLength(in: header) {
            case .success(let length):
                if length > maxMessageBytes {
                    state = .discarding(remaining: length)
                    return .tooLarge(declared: length)
                }
                if length == 0 { return .message([]) }
                state = .body(length: length)
                return nil
            case .failure(let problem):
                return startResynchronising(problem.message)
            }
        }
    }

    /// Drops the broken header and skips ahead to the next `Content-Length:`.
    private mutating func startResynchronising(_ reason: String) -> FrameEvent {
        buffer = []
        lineStart = 0
        lineHasColon = false
        state = .resynchronising
        return .malformedHeader(reason)
    }

    /// Checks the header name of the line being read, in the bytes of it that just arrived
    /// (`line` stops before its `\n`): notes the `:` that ends the name, and returns the first
    /// byte that no header name can hold. A `\r` passes only as the line's last byte (the
    /// `\r\n` ending; when it ends a read, the next read's first byte decides).
    private mutating func firstByteOutsideHeaderName(_ line: Slice<UnsafeRawBufferPointer>) -> Int? {
        guard !lineHasColon else { return nil }
        var index = line.startIndex
        if index != line.endIndex, buffer.count > lineStart, buffer.last == 0x0D {
            // A `\r` that ended the previous read is followed by more of the line.
            return index
        }
        while index != line.endIndex {
            let byte = line[index]
            if byte == 0x3A {
                lineHasColon = true
                return nil
            }
            if byte == 0x0D {
                let next = line.index(after: index)
                if next != line.endIndex { return index }
            } else if !Self.isHeaderNameByte(byte) {
                return index
            }
            index = line.index(after: index)
        }
        return nil
    }

    /// RFC 9110 `tchar` (ALPHA, DIGIT and ``!#$%&'*+-.^_`|~``), plus space and tab, which
    /// clients put around names.
    private static func isHeaderNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        case 0x21, 0x23, 0x24, 0x25, 0x26, 0x27, 0x2A, 0x2B, 0x2D, 0x2E, 0x5E, 0x5F, 0x60, 0x7C, 0x7E: return true
        case 0x20, 0x09: return true
        default: return false
        }
    }

    private struct HeaderProblem: Error { let message: String }

    /// Parses the header lines; Content-Length must be present and a non-negative decimal.
    private static func contentLength(in header: [UInt8]) -> Result<Int, HeaderProblem> {
        var length: Int?
        // Split on bytes: in a Swift String "\r\n" is one Character and would not split on "\n".
        for rawLine in header.split(separator: 0x0A, omittingEmptySubsequences: true) {
            let lineBytes = rawLine.last == 0x0D ? rawLine.dropLast() : rawLine
            let line = Substring(String(decoding: lineBytes, as: UTF8.self))
            guard let colon = line.firstIndex(of: ":") else {
                return .failure(HeaderProblem(message: "malformed header line"))
            }
            let name = line[..<colon].trimmingSpaces().lowercased()
            let value = line[line.index(after: colon)...].trimmingSpaces()
            if name == "content-length" {
                guard !value.isEmpty, value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
                    return .failure(HeaderProblem(message: "Content-Length is not a number"))
                }
                // Saturate instead of overflowing: a huge value is simply "too large".
                let given = Int(value) ?? Int.max
                if let length, length != given {
                    // Which one the client meant cannot be known: neither is used.
                    return .failure(HeaderProblem(message: "conflicting Content-Length headers (\(length) and \(given))"))
                }
                length = given
            }
        }
        guard let length else { return .failure(HeaderProblem(message: "missing Content-Length header")) }
        return .success(length)
    }

    private static let marker = Array("content-length:".utf8)

    /// Index of the first case-insensitive "content-length:" in `bytes`.
    private static func findMarker<Bytes: Collection>(in bytes: Bytes) -> Bytes.Index? where Bytes.Element == UInt8 {
        var index = bytes.startIndex
        while index != bytes.endIndex {
            var probe = index
            var matched = 0
            while matched < marker.count, probe != bytes.endIndex {
                var byte = bytes[probe]
                if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
                if byte != marker[matched] { break }
                matched += 1
                probe = bytes.index(after: probe)
            }
            if matched == marker.count { return index }
            index = bytes.index(after: index)
        }
        return nil
    }

    /// `Content-Length: N\r\n\r\n` followed by the body.
    public func frame(_ body: [UInt8]) -> [UInt8] {
        var framed = Array("Content-Length: \(body.count)\r\n\r\n".utf8)
        framed.reserveCapacity(framed.count + body.count)
        framed.append(contentsOf: body)
        return framed
    }
}

extension Substring {
    /// The substring without leading and trailing spaces and tabs.
    fileprivate func trimmingSpaces() -> Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" { result = result.dropFirst() }
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}
