/// What a framer extracts from the byte stream: a message body or a framing failure.
///
/// Failures are events rather than thrown errors because the stream goes on after them: the
/// server answers each failure with one error reply and keeps reading.
public enum FrameEvent: Sendable, Equatable {
    /// One complete message body (UTF-8 JSON text, not yet parsed).
    case message([UInt8])
    /// A message longer than the limit; its bytes are being discarded as they arrive.
    /// `declared` is the Content-Length when the header gave one.
    case tooLarge(declared: Int?)
    /// A header block without a usable Content-Length; the reader is resynchronising.
    case malformedHeader(String)
}
