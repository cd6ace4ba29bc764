/// Where a normalised text differs from the caller's text, so offsets into the normalised text
/// (where the tokens are found) can be reported as offsets into the caller's text.
///
/// Normalisation (Qwen's NFC) rewrites short stretches — a letter and its combining marks, a
/// run of Hangul jamo, a singleton such as U+212B ANGSTROM SIGN — and copies everything else.
/// The map lists the rewritten stretches in order; between them the two texts are byte for
/// byte the same, so an offset there maps exactly. An offset strictly inside a rewritten stretch
/// has no counterpart (the bytes were composed or reordered), so a span that starts or ends
/// there is widened to the whole stretch and marked approximate.
public struct NormalizationMap: Sendable, Equatable {
    /// One rewritten stretch: `original` in the caller's text became `normalized`.
    public struct Change: Sendable, Equatable {
        /// UTF-8 byte range in the caller's text.
        public let original: Range<Int>
        /// UTF-8 byte range in the normalised text.
        public let normalized: Range<Int>
    }

    /// The rewritten stretches, in text order (empty when normalisation changed nothing).
    public private(set) var changes: [Change] = []

    /// Records a rewritten stretch; stretches are recorded in text order.
    mutating func record(original: Range<Int>, normalized: Range<Int>) {
        changes.append(Change(original: original, normalized: normalized))
    }

    /// `span` (offsets into the normalised text) as offsets into the caller's text.
    ///
    /// Exact at both ends unless an end falls strictly inside a rewritten stretch: that end
    /// moves outward to the stretch's edge (the start to its start, the end to its end), so the
    /// span covers every byte of the caller's text its token came from, and `approximate` is
    /// `true`. Approximate spans may overlap their neighbours; exact ones tile the text.
    public func originalSpan(_ span: TokenSpan) -> TokenSpan {
        if changes.isEmpty { return span }
        let (start, startInside) = originalOffset(span.start, roundingUp: false)
        let (end, endInside) = originalOffset(span.end, roundingUp: true)
        return TokenSpan(id: span.id, start: start, end: end,
                         approximate: startInside || endInside ? true : span.approximate)
    }

    /// The caller's offset for normalised offset `offset`, and whether `offset` was strictly
    /// inside a rewritten stretch (then the stretch's start, or its end when `roundingUp`).
    private func originalOffset(_ offset: Int, roundingUp: Bool) -> (Int, Bool) {
        // The last change starting at or before `offset`.
        var low = 0, high = changes.count
        while low < high {
            let middle = (low + high) / 2
            if changes[middle].normalized.lowerBound <= offset { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return (offset, false) }
        let change = changes[low - 1]
        if offset >= change.normalized.upperBound {
            return (offset - change.normalized.upperBound + change.original.upperBound, false)
        }
        if offset == change.normalized.lowerBound { return (change.original.lowerBound, false) }
        return (roundingUp ? change.original.upperBound : change.original.lowerBound, true)
    }
}
