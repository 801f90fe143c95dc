/// Question marks that a page's encoder wrote for characters its charset lacked (a decorative
/// glyph or a rare ideograph saved as GB2312 becomes `?` or `??`).
///
/// Only marks that cannot be punctuation are removed: a run of two or more `?` right after a
/// Chinese character and before a line end or space (法治基础不断夯实?? at the end of a heading),
/// and a run of `?` opening a paragraph before Chinese text (a lost bullet). A single `?` after
/// Chinese text may be a question mark, and marks inside a word (法治??设) stay, like U+FFFD,
/// as evidence of the loss.
public enum LostCharacterMarks {
    public static func remove(from text: String) -> String {
        let scalars = text.scalarArray
        guard scalars.contains("?") else { return text }
        var keep = [Bool](repeating: true, count: scalars.count)
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "?" else { index += 1; continue }
            var end = index
            while end < scalars.count, scalars[end] == "?" { end += 1 }
            let before = scalars[..<index].last { !$0.isWhiteSpace }
            let atStart = before == nil
            let atEnd = end == scalars.count || scalars[end].isWhiteSpace
            let trailing = end - index >= 2 && atEnd && index > 0 && CJKScalars.isWide(scalars[index - 1])
            let leading = atStart && end < scalars.count && CJKScalars.isWide(scalars[end])
            if trailing || leading {
                for position in index..<end { keep[position] = false }
            }
            index = end
        }
        return String(scalars: scalars.indices.lazy.filter { keep[$0] }.map { scalars[$0] })
    }
}
