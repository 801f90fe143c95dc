/// The last steps shared by pages and plain text: drop chrome lines, the title where the body
/// repeats it at its top, and paragraphs that are too short; refuse a body that is too small.
struct BodyParagraphs: Sendable {
    let filter: TextChromeFilter
    let minParagraphChars: Int
    let minBodyChars: Int

    func finish(_ lines: [String], titles: [String]) throws -> [String] {
        var paragraphs = lines.filter { !filter.isChrome($0) }
        dropLeadingTitle(&paragraphs, titles: titles)
        // Each paragraph counted once, for the minimum and the total together.
        var total = 0
        paragraphs = paragraphs.filter { paragraph in
            let count = InlineText.visibleCount(paragraph)
            guard count >= minParagraphChars else { return false }
            total += count
            return true
        }
        guard total >= max(1, minBodyChars) else {
            throw StageFailure("strip.no_body",
                               "no article text found: \(total) characters of body after removing page chrome")
        }
        return paragraphs
    }

    /// Removes the title from the first lines (also a title broken over two lines by <br>).
    private func dropLeadingTitle(_ paragraphs: inout [String], titles: [String]) {
        // At most two titles, compared with `==`: a Set hashed each candidate whole (hashing
        // normalises the text), where `==` stops at the first difference.
        var wanted: [String] = []
        for title in titles.map(Self.squeezed) where !title.isEmpty && !wanted.contains(title) { wanted.append(title) }
        guard let longest = wanted.map({ $0.unicodeScalars.count }).max() else { return }
        for start in 0..<min(3, paragraphs.count) {
            // Scalars gathered in an array and read by bytes: appending to a
            // String.UnicodeScalarView cost most of this function's 19 M instructions.
            var joined: [Unicode.Scalar] = []
            joined.reserveCapacity(longest + 1)
            lines: for end in start..<min(start + 3, paragraphs.count) {
                // Squeezed no further than a title is long: a one-line report's single paragraph
                // is the whole text, and squeezing it whole three times cost more than the rest.
                let tooLong = UTF8Scalars.withBytes(paragraphs[end]) { bytes -> Bool in
                    var i = 0
                    while i < bytes.count {
                        let scalar = UTF8Scalars.decode(bytes, &i)
                        if InlineText.isSpace(scalar) { continue }
                        joined.append(scalar)
                        if joined.count > longest { return true }
                    }
                    return false
                }
                if tooLong { break lines }
                if wanted.contains(String(scalars: joined)) {
                    paragraphs.removeSubrange(start...end)
                    return
                }
            }
        }
    }

    static func squeezed(_ text: String) -> String {
        String(scalars: text.scalarArray.filter { !InlineText.isSpace($0) })
    }
}
