import CLibXML2

/// `strip`: keeps the article of a page (title, publish date, issuer, breadcrumb, site name
/// and the body as paragraphs) and drops the page chrome. HTML goes through libxml2; plain
/// text is cleaned line by line.
public struct StripStage: DocumentStage {
    public typealias Options = StripOptions
    public typealias Input = DecodedDocument
    public typealias Output = StrippedDocument

    public static let name = "strip"
    public static let summary = "keeps the article of a page: title, date, issuer, breadcrumb and body paragraphs"
    public static let version = 1

    let html: HTMLStripper
    let text: PlainTextStripper
    let maxParagraphs: Int

    public init(options: StripOptions) throws {
        // libxml2 sets up its globals here, once, before documents are parsed on several threads.
        xmlInitParser()
        let filter = try TextChromeFilter(extraPatterns: options.chromePatterns,
                                          maxLineChars: options.maxChromeLineChars)
        let body = BodyParagraphs(filter: filter, minParagraphChars: options.minParagraphChars,
                                  minBodyChars: options.minBodyChars)
        html = HTMLStripper(chrome: ChromeRemover(bodySelectors: options.bodySelectors), body: body,
                            keepTables: options.keepTables)
        text = PlainTextStripper(filter: filter, body: body)
        maxParagraphs = options.maxParagraphs
    }

    public func process(_ input: DecodedDocument, document: DocumentRef) throws -> StrippedDocument {
        let stripped = input.isHTML ? try html.strip(input.text) : try text.strip(input.text)
        guard stripped.paragraphs.count <= maxParagraphs else {
            throw StageFailure("strip.too_many_paragraphs", """
                the body has \(stripped.paragraphs.count) paragraphs, over the limit of \(maxParagraphs) \
                (strip.maxParagraphs); a report has a few hundred, so this is likely a listing or a generated \
                page: raise strip.maxParagraphs to keep it
                """)
        }
        return stripped
    }
}
