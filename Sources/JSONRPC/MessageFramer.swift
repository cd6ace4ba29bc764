/// Turns a byte stream into message bodies, whatever the framing.
///
/// Implementations are incremental: `append(_:)` may be called with any split of the stream
/// (one byte at a time, or several messages at once) and returns every event completed so far.
public protocol MessageFramer {
    /// Feeds bytes that just arrived and returns the events they complete, in order.
    mutating func append(_ bytes: UnsafeRawBufferPointer) -> [FrameEvent]
    /// Frames an outgoing message body for this framing (header + body, or body + newline).
    func frame(_ body: [UInt8]) -> [UInt8]
}

extension MessageFramer {
    /// Convenience for tests and small inputs.
    public mutating func append(_ bytes: [UInt8]) -> [FrameEvent] {
        bytes.withUnsafeBytes { append($0) }
    }
}
