/// Reads the signature block at the end of a report: the body's name and the date, each on a
/// short line of its own (新开铺街道办事处 / 2022年1月29), or both on one line.
enum SignatureDateFinder {
    /// The last paragraphs that are short enough to be a signature, nearest the end first; the
    /// scan stops at the first paragraph of body text.
    static func signatureLines(_ paragraphs: [String]) -> [String] {
        var lines: [String] = []
        for paragraph in paragraphs.reversed() {
            let line = HanTextScan.trimmed(paragraph)
            if line.isEmpty { continue }
            let scalars = HanTextScan.scalars(line)
            let hasSentencePunctuation = scalars.contains { HanTextScan.clauseEnds.contains($0) }
            guard scalars.count <= 40, !hasSentencePunctuation, lines.count < 3 else { break }
            lines.append(line)
        }
        return lines
    }

    /// The signature date as ISO `yyyy-mm-dd`: 2022年1月29日, 2022年1月29, 二〇二二年一月二十九日.
    /// The date must end its line and carry a year.
    static func find(in paragraphs: [String]) -> String? {
        for line in signatureLines(paragraphs) {
            if let (date, _) = trailingDate(of: line), date.year != nil {
                return date.iso(defaultYear: nil)
            }
        }
        return nil
    }

    /// A date that ends the line, with the text before it (the body's name or "").
    static func trailingDate(of line: String) -> (ReportCalendarDate, String)? {
        let scalars = HanTextScan.scalars(line)
        for date in ReportDateParser.dates(in: scalars, dayMarkOptional: true)
        where date.range.upperBound == scalars.count {
            let before = HanTextScan.trimmed(HanTextScan.string(scalars, 0..<date.range.lowerBound))
            return (date, before)
        }
        return nil
    }
}
