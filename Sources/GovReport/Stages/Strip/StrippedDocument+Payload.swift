// The payload fields of strip's record, written and read without Codable's containers
// (BinaryPayloadRecord): the same keys in the same order as its synthesized Codable.

extension StrippedDocument: BinaryPayloadRecord {
    func write(to fields: BinaryPayloadFieldWriter) {
        fields.write("title", title)
        fields.write("publishDate", publishDate)
        fields.write("issuer", issuer)
        fields.write("breadcrumb", breadcrumb)
        fields.write("siteName", siteName)
        fields.write("paragraphs", paragraphs)
    }

    init(fields: inout BinaryPayloadFields) throws {
        var title: String?, publishDate: String?, issuer: String?, breadcrumb: [String]?, siteName: String?,
            paragraphs: [String]?
        while let field = try fields.next() {
            switch field {
            case "title": title = try fields.string(field)
            case "publishDate": publishDate = try fields.string(field)
            case "issuer": issuer = try fields.string(field)
            case "breadcrumb": breadcrumb = try fields.strings(field)
            case "siteName": siteName = try fields.string(field)
            case "paragraphs": paragraphs = try fields.strings(field)
            default: break
            }
        }
        guard let title, let publishDate, let issuer, let breadcrumb, let siteName, let paragraphs else {
            throw BinaryPayloadFields.Fallback()
        }
        self.init(title: title, publishDate: publishDate, issuer: issuer, breadcrumb: breadcrumb, siteName: siteName,
                  paragraphs: paragraphs)
    }
}
