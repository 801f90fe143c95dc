/// The heading text that follows a marker, and where the body after it starts.
///
/// Rule: a paragraph that is only a heading (no sentence end or colon after the marker, and no
/// longer than `maxChars`) is all heading, spaces included (`（一）加强组织领导 健全机制保障`).
/// Otherwise the heading is run-in and ends at the first of: 。！？；!?; or a colon, or whitespace
/// (one-line texts put a space between a heading and its body) — never inside quotes or
/// brackets. A heading still longer than `maxChars` (a run-in heading glued to its body with no
/// separator) is cut at the last ，、 within the limit, else at the limit. Trailing punctuation
/// goes, and so does the `：` or `，` some writers put after `一是`.
enum HeadingText {
    static let terminators: ScalarSet = SentenceSplitter.enders.union(["：", ":"])
    static let clauseMarks: ScalarSet = ["，", ",", "、"]
    static let trailing: ScalarSet = terminators.union(clauseMarks)

    struct Result: Equatable {
        var heading: String
        /// Offset where the body text after the heading begins (`end` when there is none).
        var bodyStart: Int
    }

    static func extract(_ s: [Unicode.Scalar], marker: OutlineMarker, end: Int,
                        enclosures: EnclosureMap, maxChars: Int) -> Result {
        var a = marker.end
        while a < end, s[a].isWhiteSpace || (marker.level == 5 && (s[a] == "：" || s[a] == ":" || clauseMarks.contains(s[a]))) {
            a += 1
        }
        let firstTerminator = (a..<end).first { terminators.contains(s[$0]) && !enclosures.isEnclosed($0) }
        if firstTerminator == nil, end - a <= maxChars {
            return Result(heading: clean(s[a..<end]), bodyStart: end)
        }
        let stop = (a..<end).first {
            (terminators.contains(s[$0]) || s[$0].isWhiteSpace) && !enclosures.isEnclosed($0)
        } ?? end
        var cut = stop
        if cut - a > maxChars {
            let limit = a + maxChars
            cut = (a + 1..<limit).last { clauseMarks.contains(s[$0]) && !enclosures.isEnclosed($0) } ?? limit
        }
        var body = cut
        if body < end, terminators.contains(s[body]) { body += 1 }
        while body < end, s[body].isWhiteSpace { body += 1 }
        return Result(heading: clean(s[a..<cut]), bodyStart: body)
    }

    /// Collapses whitespace runs to one space and trims trailing punctuation and spaces.
    private static func clean(_ slice: ArraySlice<Unicode.Scalar>) -> String {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(slice.count)
        var pendingSpace = false
        for scalar in slice {
            if scalar.isWhiteSpace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                out.append(scalar)
                pendingSpace = false
            }
        }
        while let last = out.last, trailing.contains(last) || last.isWhiteSpace { out.removeLast() }
        return String(scalars: out)
    }
}
