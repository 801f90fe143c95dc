/// Small helpers for scanning Chinese text by Unicode scalars.
///
/// Every offset in the project is a Unicode-scalar offset, so the metadata and entity finders
/// work on `[Unicode.Scalar]` arrays: an index into the array is the offset the tables report.
/// Hand-written because the rules are word-list and boundary heuristics over Han text that no
/// regular-expression or NLP library available to the project expresses at scalar offsets.
enum HanTextScan {
    typealias Scalars = [Unicode.Scalar]

    static func scalars(_ text: String) -> Scalars { text.scalarArray }

    static func string<S: Collection>(_ scalars: S) -> String where S.Element == Unicode.Scalar {
        String(scalars: scalars)
    }

    static func string(_ scalars: Scalars, _ range: Range<Int>) -> String {
        string(scalars[range])
    }

    /// Whether `word` stands in `scalars` starting at `index`.
    static func matches(_ scalars: Scalars, at index: Int, _ word: Scalars) -> Bool {
        guard index >= 0, index + word.count <= scalars.count else { return false }
        for offset in 0..<word.count where scalars[index + offset] != word[offset] {
            return false
        }
        return true
    }

    /// Whether `word` ends exactly at `end` (exclusive).
    static func matches(_ scalars: Scalars, endingAt end: Int, _ word: Scalars) -> Bool {
        matches(scalars, at: end - word.count, word)
    }

    /// The first of `words` (tried in order) standing at `index`.
    static func firstMatch(_ scalars: Scalars, at index: Int, in words: WordList) -> Scalars? {
        words.first(in: scalars, at: index)
    }

    /// The first of `words` (tried in order) ending at `end`.
    static func firstMatch(_ scalars: Scalars, endingAt end: Int, in words: WordList) -> Scalars? {
        words.first(in: scalars, endingAt: end)
    }

    /// Positions of `word` in `scalars`, in order.
    static func occurrences(of word: Scalars, in scalars: Scalars) -> [Int] {
        guard !word.isEmpty, scalars.count >= word.count else { return [] }
        return (0...(scalars.count - word.count)).filter { matches(scalars, at: $0, word) }
    }

    /// Sorted by length, longest first, so that the longest suffix wins.
    static func words(_ list: [String]) -> WordList {
        WordList(list)
    }

    static func set(_ chars: String) -> ScalarSet { ScalarSet(chars) }

    /// Han ideographs, by the Unicode property (the same class as `CJKScalars.isHan`).
    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        CJKScalars.isHan(scalar)
    }

    static func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x30 && scalar.value <= 0x39
    }

    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isWhiteSpace
    }

    /// Clause ends, in both the full-width forms and the ASCII forms the normaliser may produce.
    static let clauseEnds = set("，。；！？：,;!?:\n")
    /// Sentence ends.
    static let sentenceEnds = set("。；！？;!?\n")

    /// Marks each scalar that stands inside a 《…》 title (the marks included), so that finders
    /// can skip law and document titles, which belong to citations.
    static func bookTitleMask(_ scalars: Scalars) -> [Bool] {
        var mask = [Bool](repeating: false, count: scalars.count)
        var depth = 0
        for (index, scalar) in scalars.enumerated() {
            if scalar == "《" { depth += 1 }
            if depth > 0 { mask[index] = true }
            if scalar == "》", depth > 0 { depth -= 1 }
            // An unclosed title does not swallow the rest of a paragraph.
            if depth > 0, sentenceEnds.contains(scalar) { depth = 0 }
        }
        return mask
    }

    /// Marks each scalar inside “…” (or 「…」) quotes, the marks included.
    static func quoteMask(_ scalars: Scalars) -> [Bool] {
        var mask = [Bool](repeating: false, count: scalars.count)
        var open: Int?
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "“", "「": open = index
            case "”", "」":
                if let start = open {
                    for position in start...index { mask[position] = true }
                    open = nil
                }
            default: break
            }
        }
        return mask
    }

    /// The string trimmed of whitespace (including the ideographic space).
    static func trimmed(_ text: String) -> String {
        // Most lines have nothing to trim: answered from their two ends, not a copy of the whole.
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return text }
        if !isWhitespace(first), !isWhitespace(last) { return text }
        let scalars = text.scalarArray
        return string(scalars[trimmedRange(scalars)])
    }

    /// `trimmed` for text already in scalars: the same scalars as `scalars(trimmed(text))`.
    static func trimmed(_ scalars: Scalars) -> Scalars {
        let range = trimmedRange(scalars)
        return range.count == scalars.count ? scalars : Scalars(scalars[range])
    }

    private static func trimmedRange(_ scalars: Scalars) -> Range<Int> {
        var start = 0
        var end = scalars.count
        while start < end, isWhitespace(scalars[start]) { start += 1 }
        while end > start, isWhitespace(scalars[end - 1]) { end -= 1 }
        return start..<end
    }
}
