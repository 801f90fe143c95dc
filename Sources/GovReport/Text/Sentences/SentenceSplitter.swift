/// Splits a paragraph into sentences: after 。！？； (and ASCII `!?;`, half-width `｡`), never
/// inside quotes or brackets (“…” 《…》 （…）), and at the paragraph end.
///
/// ICU's sentence break iterator would split inside 《…》 and “…” and treats `；` as no break,
/// which the genre uses between list items, so the rule is written out here.
public enum SentenceSplitter {
    public static let enders: ScalarSet = ["。", "！", "？", "；", "!", "?", ";", "｡"]

    /// Half-open Unicode-scalar spans into `text`; each starts at non-whitespace, ends after its
    /// final punctuation (a run such as `？！` stays together) and has no trailing whitespace.
    public static func split(_ text: String) -> [ScalarSpan] {
        let scalars = text.scalarArray
        return split(scalars, enclosures: EnclosureMap(scalars))
    }

    static func split(_ s: [Unicode.Scalar], enclosures: EnclosureMap) -> [ScalarSpan] {
        var spans: [ScalarSpan] = []
        func append(_ from: Int, _ to: Int) {
            var a = from
            var b = to
            while a < b, s[a].isWhiteSpace { a += 1 }
            while b > a, s[b - 1].isWhiteSpace { b -= 1 }
            if a < b { spans.append(ScalarSpan(a, b)) }
        }
        var start = 0
        var i = 0
        while i < s.count {
            if enders.contains(s[i]), !enclosures.isEnclosed(i) {
                var end = i + 1
                while end < s.count, enders.contains(s[end]), !enclosures.isEnclosed(end) { end += 1 }
                append(start, end)
                start = end
                i = end
            } else {
                i += 1
            }
        }
        append(start, s.count)
        return spans
    }
}
