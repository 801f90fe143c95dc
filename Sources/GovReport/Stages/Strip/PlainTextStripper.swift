/// Plain text (a page saved as text or markdown): every line is a paragraph, chrome lines go,
/// and the title, date, issuer and breadcrumb are read from the top lines before they do.
struct PlainTextStripper: Sendable {
    let filter: TextChromeFilter
    let body: BodyParagraphs

    func strip(_ text: String) throws -> StrippedDocument {
        let lines = Self.lines(of: text)
            .map { InlineText.collapse(TextChromeFilter.cleanMarkdown($0), markupBreaks: false) }
            .filter { !$0.isEmpty }

        var result = StrippedDocument()
        for line in lines where line.hasAtMostScalars(filter.maxLineChars) {
            if result.breadcrumb.isEmpty, let items = PageMetadata.breadcrumb(in: line), !items.isEmpty {
                result.breadcrumb = items
            }
            if result.publishDate.isEmpty, let date = PageMetadata.labeledDate(in: line) {
                result.publishDate = date
            }
            if result.issuer.isEmpty, let issuer = PageMetadata.labeledIssuer(in: line) {
                result.issuer = issuer
            }
        }
        result.title = title(in: lines) ?? ""
        result.paragraphs = try body.finish(lines, titles: [result.title])
        return result
    }

    /// The text between line breaks (\n, \r or \r\n), empty pieces left out. Split by UTF-8
    /// bytes: splitting the Characters needed grapheme breaking, half of this stripper's cost.
    /// The pieces are the same: \r and \n never join another scalar into a Character (only
    /// each other, as \r\n, which gives an empty piece here), and empty pieces are dropped.
    static func lines(of text: String) -> [String] {
        UTF8Scalars.withBytes(text) { bytes in
            var lines: [String] = []
            var start = 0
            for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x0A || bytes[i] == 0x0D {
                if i > start { lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)) }
                start = i + 1
            }
            return lines
        }
    }

    /// The first line that is not chrome, when it reads like a report title, or like a
    /// headline right after the breadcrumb.
    private func title(in lines: [String]) -> String? {
        var afterBreadcrumb = false
        for line in lines {
            if filter.isChrome(line) {
                if PageMetadata.breadcrumb(in: line) != nil { afterBreadcrumb = true }
                continue
            }
            if PageMetadata.looksLikeReportTitle(line) || (afterBreadcrumb && PageMetadata.looksLikeHeadline(line)) {
                return line
            }
            return nil
        }
        return nil
    }
}
