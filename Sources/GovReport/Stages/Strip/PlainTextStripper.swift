/// Plain text (a page saved as text or markdown): every line is a paragraph, chrome lines go,
/// and the title, date, issuer and breadcrumb are read from the top lines before they do.
struct PlainTextStripper: Sendable {
    let filter: TextChromeFilter
    let body: BodyParagraphs

    func strip(_ text: String) throws -> StrippedDocument {
        let lines = text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
            .map { InlineText.collapse(TextChromeFilter.cleanMarkdown(String($0)), markupBreaks: false) }
            .filter { !$0.isEmpty }

        var result = StrippedDocument()
        for line in lines where line.unicodeScalars.count <= filter.maxLineChars {
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
