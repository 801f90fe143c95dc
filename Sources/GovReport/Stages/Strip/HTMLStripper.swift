/// A web page: parse, find the article container, read the page as lines, take the metadata
/// from the government-guideline <meta> tags or from the lines nearest the article, and keep
/// the body lines.
struct HTMLStripper: Sendable {
    let chrome: ChromeRemover
    let body: BodyParagraphs
    let keepTables: Bool

    /// Names of the guideline <meta> tags (lower-cased), in order of preference.
    static let titleMetas = ["articletitle"]
    static let dateMetas = ["pubdate", "publishdate", "firstpublishedtime", "article:published_time"]
    static let issuerMetas = ["contentsource"]
    static let siteMetas = ["sitename"]
    static let columnMetas = ["columnname"]
    /// A headline must share this much (bigram Dice) with the <title> to be taken as the title.
    static let headlineSimilarity = 0.5

    func strip(_ html: String) throws -> StrippedDocument {
        let document = try HTMLDocument.parse(html)
        let scorer = BodyScorer(document: document, chrome: chrome)
        let container = scorer.container(in: document, from: document.bodyIndex)
        let lines = PageLineBuilder(document: document, scorer: scorer, container: container,
                                    keepTables: keepTables).build()
        let bodyStart = lines.firstIndex(where: \.isBody) ?? lines.count
        let near = Nearness(lines: lines, start: bodyStart, maxChars: body.filter.maxLineChars)

        var result = StrippedDocument()
        let (titleArticle, titleSite) = PageMetadata.splitTitle(InlineText.collapse(document.title, markupBreaks: true))
        let headline = bestHeadline(lines, document: document, containerEnd: Int(document.nodes[container].end),
                                    titleArticle: titleArticle)
        result.title = meta(Self.titleMetas, document) ?? headline ?? (titleArticle.isEmpty ? nil : titleArticle)
            ?? fallbackHeadline(lines, document: document, bodyStart: bodyStart) ?? ""
        result.siteName = meta(Self.siteMetas, document) ?? titleSite

        result.publishDate = meta(Self.dateMetas, document).flatMap { DateParsing.firstISODate(in: $0) }
            ?? near.first(PageMetadata.labeledDate)
            ?? near.first { line in
                PageMetadata.labeledIssuer(in: line) == nil ? nil : DateParsing.firstISODate(in: line)
            } ?? ""
        result.issuer = meta(Self.issuerMetas, document) ?? near.first(PageMetadata.labeledIssuer) ?? ""
        result.breadcrumb = breadcrumb(lines, document: document)
            ?? meta(Self.columnMetas, document).map { [$0] } ?? []

        let bodyLines = lines.filter(\.isBody).map { TextChromeFilter.cleanMarkdown($0.text) }.filter { !$0.isEmpty }
        result.paragraphs = try body.finish(bodyLines, titles: [result.title, headline ?? ""])
        return result
    }

    private func meta(_ names: [String], _ document: HTMLDocument) -> String? {
        for name in names {
            if let value = document.metas[name] {
                let text = InlineText.collapse(value, markupBreaks: true)
                if !text.isEmpty { return text }
            }
        }
        return nil
    }

    // MARK: title

    private struct Headline {
        var text: String
        var line: Int
    }

    /// Lines of headings (h1–h4) and of elements named like a title, a heading broken by <br>
    /// joined back into one.
    private func headlines(_ lines: [PageLine], document: HTMLDocument, before end: Int) -> [Headline] {
        var result: [Headline] = []
        var previousBlock: Int32 = -1
        // A block's lines come together: its answer is worked out once.
        var checked: (block: Int32, isHeadline: Bool) = (-1, false)
        for (index, line) in lines.enumerated() where Int(line.block) < end {
            if checked.block != line.block { checked = (line.block, isHeadlineBlock(Int(line.block), document)) }
            guard checked.isHeadline else { previousBlock = -1; continue }
            if line.block == previousBlock, var last = result.popLast() {
                last.text = InlineText.collapse(last.text + "\n" + line.text, markupBreaks: true)
                result.append(last)
            } else {
                result.append(Headline(text: line.text, line: index))
            }
            previousBlock = line.block
        }
        return result.filter { $0.text.count <= 200 }
    }

    private func isHeadlineBlock(_ index: Int, _ document: HTMLDocument) -> Bool {
        let tag = document.nodes[index].tag
        if tag == .h1 || tag == .h2 || tag == .h3 || tag == .h4 { return true }
        var k = index
        for _ in 0..<2 where k > 0 {
            let idClass = document.nodes[k].idClass
            if !idClass.isEmpty, Self.namesTitle(idClass) { return true }
            k = Int(document.nodes[k].parent)
        }
        return false
    }

    /// Whether an id-and-class list has a word (split at spaces, "-" and "_") that starts or ends
    /// with "title" or is "tit", "bt" or "biaoti". Read as bytes: splitting into substrings for
    /// every line of every page cost a tenth of the strip stage. A word with a non-ASCII byte is
    /// compared as a string, as before (a combining mark after "title" makes another character).
    static func namesTitle(_ idClass: String) -> Bool {
        var idClass = idClass
        return idClass.withUTF8 { bytes in
            var start = 0
            for end in 0...bytes.count where end == bytes.count || [0x20, 0x2D, 0x5F].contains(bytes[end]) {
                defer { start = end + 1 }
                guard end > start else { continue }
                let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if word.contains(where: { $0 >= 0x80 }) {
                    let text = String(decoding: word, as: UTF8.self)
                    if text.hasPrefix("title") || text.hasSuffix("title") { return true }
                } else if isTitleWord(word) {
                    return true
                }
            }
            return false
        }
    }

    private static let titleWords: [[UInt8]] = ["tit", "bt", "biaoti"].map { Array($0.utf8) }
    private static let title = Array("title".utf8)

    private static func isTitleWord(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        word.starts(with: title) || word.reversed().starts(with: title.reversed())
            || titleWords.contains { $0.elementsEqual(word) }
    }

    /// The on-page headline that best matches the article part of <title>.
    private func bestHeadline(_ lines: [PageLine], document: HTMLDocument, containerEnd: Int,
                              titleArticle: String) -> String? {
        guard !titleArticle.isEmpty else { return nil }
        var best: (text: String, score: Double)? = nil
        for headline in headlines(lines, document: document, before: containerEnd) {
            let score = PageMetadata.similarity(headline.text, titleArticle)
            if score >= Self.headlineSimilarity, score > (best?.score ?? 0) { best = (headline.text, score) }
        }
        return best?.text
    }

    /// Without a usable <title>: the last headline before the body, else the first in it.
    private func fallbackHeadline(_ lines: [PageLine], document: HTMLDocument, bodyStart: Int) -> String? {
        let candidates = headlines(lines, document: document, before: document.nodes.count)
            .filter { !lines[$0.line].inChromeTag }
        return candidates.last(where: { $0.line < bodyStart })?.text ?? candidates.first?.text
    }

    // MARK: breadcrumb

    private func breadcrumb(_ lines: [PageLine], document: HTMLDocument) -> [String]? {
        for line in lines {
            guard let items = PageMetadata.breadcrumb(in: line.text) else { continue }
            if items.count < 2, let anchors = anchorTexts(in: Int(line.block), document), anchors.count >= 2 {
                return anchors
            }
            if !items.isEmpty { return items }
        }
        // No labelled chain: an element named like a breadcrumb (<nav class="breadcrumb"><ol><li>…).
        for index in document.nodes.indices where isBreadcrumbElement(document.nodes[index]) {
            let end = Int(document.nodes[index].end)
            let inside = lines.filter { Int($0.block) >= index && Int($0.block) < end }
            guard !inside.isEmpty, inside.count <= 12 else { continue }
            var items = inside.flatMap { PageMetadata.splitBreadcrumb($0.text) }
            items = items.filter { item in !PageMetadata.breadcrumbLabels.contains { item.hasPrefix($0) } }
            if items.count < 2, let anchors = anchorTexts(in: index, document), anchors.count >= 2 {
                return anchors
            }
            if !items.isEmpty { return items }
        }
        return nil
    }

    private func isBreadcrumbElement(_ node: HTMLDocument.Node) -> Bool {
        guard node.tag != .text, !node.idClass.isEmpty else { return false }
        return node.idClass.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" }).contains { part in
            InlineText.contains(part, "crumb") || part.hasPrefix("position") || part.hasPrefix("location")
                || part == "dqwz" || part == "weizhi" || part == "mianbao"
        }
    }

    /// The link texts of a small block (a breadcrumb whose separators are images).
    private func anchorTexts(in block: Int, _ document: HTMLDocument) -> [String]? {
        let nodes = document.nodes
        var texts: [String] = []
        var i = block
        let end = Int(nodes[block].end)
        while i < end {
            if nodes[i].tag == .a {
                let anchorEnd = Int(nodes[i].end)
                let raw = ((i + 1)..<anchorEnd).filter { nodes[$0].tag == .text }.map(document.text(of:)).joined()
                let text = InlineText.collapse(raw, markupBreaks: true)
                if !text.isEmpty { texts.append(text) }
                if texts.count > 8 { return nil }
                i = anchorEnd
            } else {
                i += 1
            }
        }
        return texts
    }
}

/// Ranks page lines by their distance from the article's top (its first body line): a line `d`
/// lines above it, or `d` lines below it (in the body or after it), is `d` away, and of two lines
/// as near the earlier comes first. Only short lines are metadata lines. The order is walked
/// outwards from the top when asked, not sorted: the nearest line usually answers.
struct Nearness {
    let lines: [PageLine]
    /// The body's first line (lines.count when the page has no body line).
    let start: Int
    let maxChars: Int

    init(lines: [PageLine], start: Int, maxChars: Int) {
        self.lines = lines
        self.start = start
        self.maxChars = maxChars
    }

    /// The value `read` finds in the nearest short line that has one.
    func first<T>(_ read: (String) -> T?) -> T? {
        var found: T? = nil
        walk { index in
            guard lines[index].text.hasAtMostScalars(maxChars), let value = read(lines[index].text) else { return false }
            found = value
            return true
        }
        return found
    }

    /// Calls `visit` with each index in order until it returns true.
    private func walk(_ visit: (Int) -> Bool) {
        var distance = 0
        while start - distance >= 0 || start + distance < lines.count {
            if distance > 0, start - distance >= 0, visit(start - distance) { return }
            if start + distance < lines.count, visit(start + distance) { return }
            distance += 1
        }
    }
}
