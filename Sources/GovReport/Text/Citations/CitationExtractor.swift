/// Finds the laws and documents a paragraph cites: every 《…》 with the document number that
/// follows it directly (《…》国发〔2021〕5号) or in parentheses (《…》(沪府规〔2020〕3号)).
///
/// Titles nest: 《中共中央国务院关于印发<法治政府建设实施纲要(2015-2020年)>的通知》 is one
/// citation whose title keeps the inner <…> (〈…〉 and a misused inner 《…》 likewise). A 《
/// that is not closed before a sentence end or the paragraph end is not a citation (a later
/// 《…》 still is). Short forms (《条例》, 《宪法》) are citations too.
///
/// Hand-written: bracket nesting is beyond a regular expression, and offsets are Unicode
/// scalars, which is what the tables use.
public enum CitationExtractor {
    public static func extract(paragraph: String) -> [CitationMention] {
        extract(scalars: paragraph.scalarArray)
    }

    /// The same from the paragraph's scalars (the extract stage decodes each paragraph once).
    static func extract(scalars: [Unicode.Scalar]) -> [CitationMention] {
        var mentions: [CitationMention] = []
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "《", let close = closingMark(scalars, openingAt: index) else {
                index += 1
                continue
            }
            let title = String(scalars: scalars[(index + 1)..<close])
            guard !title.allSatisfy(\.isWhitespace) else {
                index = close + 1
                continue
            }
            let number = documentNumber(scalars, after: close + 1)
            mentions.append(CitationMention(title: title,
                                            docNumber: number?.number ?? "",
                                            kind: CitationKindClassifier.classify(title),
                                            charStart: index,
                                            charEnd: number?.end ?? close + 1))
            // Continue after the title, not after the number: a parenthesis that also holds
            // 以下简称《条例》 still yields that short form.
            index = close + 1
        }
        return mentions
    }

    /// Marks that end a sentence: a title never holds them, so reaching one means the 《 is
    /// unclosed.
    private static let sentenceEnds: ScalarSet = ["。", "！", "？", "；", "\n"]

    /// Longest title looked for, in scalars. The longest real titles (a notice that prints a
    /// plan: 关于印发《…》的通知) run to about a hundred characters; an unclosed 《 in text run
    /// together without sentence marks would otherwise be scanned to the end of the paragraph
    /// for every 《 (quadratic) and give a title of the whole paragraph.
    static let maxTitleScalars = 150

    /// The offset of the 》 that closes the 《 at `open`, counting nested 《…》.
    private static func closingMark(_ scalars: [Unicode.Scalar], openingAt open: Int) -> Int? {
        var depth = 0
        var index = open
        let end = min(scalars.count, open + maxTitleScalars + 2)
        while index < end {
            let scalar = scalars[index]
            if sentenceEnds.contains(scalar) { return nil }
            if scalar == "《" { depth += 1 }
            if scalar == "》" {
                depth -= 1
                if depth == 0 { return index }
            }
            index += 1
        }
        return nil
    }

    /// The document number right after a title, bare or in parentheses; `end` includes the
    /// closing parenthesis when it directly follows the number.
    private static func documentNumber(_ scalars: [Unicode.Scalar], after start: Int) -> (number: String, end: Int)? {
        let index = DocumentNumberScanner.skipSpaces(scalars, start)
        guard index < scalars.count else { return nil }
        if scalars[index] == "(" || scalars[index] == "（" {
            let inner = DocumentNumberScanner.skipSpaces(scalars, index + 1)
            guard let found = DocumentNumberScanner.match(scalars, at: inner) else { return nil }
            let after = DocumentNumberScanner.skipSpaces(scalars, found.end)
            if after < scalars.count, scalars[after] == ")" || scalars[after] == "）" {
                return (found.number, after + 1)
            }
            return found
        }
        return DocumentNumberScanner.match(scalars, at: index)
    }
}
