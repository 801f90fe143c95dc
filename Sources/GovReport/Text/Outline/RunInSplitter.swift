/// Finds the places inside a paragraph where a new paragraph may begin: outline markers that
/// stand after a boundary (one-line texts such as `…总结如下: 一、… (一)… 全面落实…`, or an
/// `一是` after a sentence end), and breaks that scraping flattened into a space after a
/// sentence end (`…工作。 自…`).
///
/// Whether a marker found here is a heading is for `OutlineParser` to decide (its number must
/// continue the outline exactly); this type only says where one could stand.
public enum RunInSplitter {
    /// A place where a new paragraph could start.
    public struct Cut: Sendable, Equatable {
        /// Unicode-scalar offset in the paragraph.
        public var offset: Int
        /// The marker standing there, if any.
        public var marker: OutlineMarker?
        /// Whether the offset follows whitespace after a sentence end, a flattened paragraph break.
        public var isSpacedBreak: Bool
    }

    /// Characters before a boundary-free `（一）` that make it a reference, not a heading
    /// (`第（一）项`, `条(二)`).
    static let referenceLeads: ScalarSet = ["第", "条", "款", "项", "目", "号", "章", "节", "表", "图"]

    /// Cuts in `scalars[from..<to]` after `from`, in order; markers deeper than `maxLevel` are
    /// not reported.
    public static func cuts(in scalars: [Unicode.Scalar], from: Int, to: Int, maxLevel: Int) -> [Cut] {
        cuts(in: scalars, from: from, to: to, maxLevel: maxLevel, enclosures: EnclosureMap(scalars))
    }

    static func cuts(in s: [Unicode.Scalar], from: Int, to: Int, maxLevel: Int, enclosures: EnclosureMap) -> [Cut] {
        var result: [Cut] = []
        var offset = from + 1
        while offset < to {
            defer { offset += 1 }
            if s[offset].isWhiteSpace || enclosures.isEnclosed(offset) { continue }
            let spaced = followsSpacedBreak(s, at: offset, from: from, enclosures: enclosures)
            var marker: OutlineMarker?
            if let found = OutlineMarkerRecognizer.marker(in: s, at: offset), found.level <= maxLevel,
               hasBoundary(s, before: found, from: from) {
                marker = found
            }
            if marker != nil || spaced { result.append(Cut(offset: offset, marker: marker, isSpacedBreak: spaced)) }
        }
        return result
    }

    /// A marker inside a paragraph needs something that ends what came before: whitespace, a
    /// sentence end or a colon. `（一）` may also follow text directly (`…主要举措和成效（一）加强…`,
    /// one-line texts scraped without spaces) unless it reads as a reference (`第（一）项`); `（1）`
    /// may not, as `附件(1)` is common in body text.
    static func hasBoundary(_ s: [Unicode.Scalar], before marker: OutlineMarker, from: Int) -> Bool {
        var j = marker.start - 1
        guard j >= from else { return false }
        let glued = !s[j].isWhiteSpace
        while j > from, s[j].isWhiteSpace { j -= 1 }
        let previous = s[j]
        if previous == "第" { return false }
        if !glued || HeadingText.terminators.contains(previous) { return true }
        guard marker.level == 2 else { return false }
        let isAlphanumeric = previous.isASCII && previous.properties.isAlphabetic || OutlineOrdinal.digit(previous) != nil
        return !referenceLeads.contains(previous) && !isAlphanumeric && !OutlineOrdinal.isChineseNumeral(previous)
    }

    /// Whether `offset` starts text after a whitespace run that follows a sentence end.
    static func followsSpacedBreak(_ s: [Unicode.Scalar], at offset: Int, from: Int, enclosures: EnclosureMap) -> Bool {
        var j = offset - 1
        guard j > from, s[j].isWhiteSpace else { return false }
        while j > from, s[j].isWhiteSpace { j -= 1 }
        return SentenceSplitter.enders.contains(s[j]) && !enclosures.isEnclosed(j)
    }
}
