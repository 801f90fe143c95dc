// The payload fields of segment's records, written and read without Codable's containers
// (BinaryPayloadRecord): the same keys in the same order as their synthesized Codable.

extension Section: BinaryPayloadRecord {
    func write(to fields: BinaryPayloadFieldWriter) {
        fields.write("sectionId", sectionId)
        fields.write("level", level)
        fields.write("marker", marker)
        fields.write("heading", heading)
        fields.write("part", part)
        fields.write("paragraphNo", paragraphNo)
    }

    init(fields: inout BinaryPayloadFields) throws {
        var sectionId: String?, level: Int?, marker: String?, heading: String?, part: String?, paragraphNo: Int?
        while let field = try fields.next() {
            switch field {
            case "sectionId": sectionId = try fields.string(field)
            case "level": level = try fields.int(field)
            case "marker": marker = try fields.string(field)
            case "heading": heading = try fields.string(field)
            case "part": part = try fields.string(field)
            case "paragraphNo": paragraphNo = try fields.int(field)
            default: break
            }
        }
        guard let sectionId, let level, let marker, let heading, let part, let paragraphNo else { throw BinaryPayloadFields.Fallback() }
        self.init(sectionId: sectionId, level: level, marker: marker, heading: heading, part: part, paragraphNo: paragraphNo)
    }
}

extension ScalarSpan: BinaryPayloadRecord {
    func write(to fields: BinaryPayloadFieldWriter) {
        fields.write("start", start)
        fields.write("end", end)
    }

    init(fields: inout BinaryPayloadFields) throws {
        var start: Int?, end: Int?
        while let field = try fields.next() {
            switch field {
            case "start": start = try fields.int(field)
            case "end": end = try fields.int(field)
            default: break
            }
        }
        guard let start, let end else { throw BinaryPayloadFields.Fallback() }
        self.init(start, end)
    }
}

extension SegmentedParagraph: BinaryPayloadRecord {
    func write(to fields: BinaryPayloadFieldWriter) {
        fields.write("sectionId", sectionId)
        fields.write("text", text)
        fields.write("sourceText", sourceText)
        fields.write("sentences", sentences)
    }

    init(fields: inout BinaryPayloadFields) throws {
        var sectionId: String?, text: String?, sourceText: String?, sentences: [ScalarSpan]?
        while let field = try fields.next() {
            switch field {
            case "sectionId": sectionId = try fields.string(field)
            case "text": text = try fields.string(field)
            case "sourceText": sourceText = try fields.string(field)
            case "sentences": sentences = try fields.records(field)
            default: break
            }
        }
        guard let sectionId, let text, let sourceText, let sentences else { throw BinaryPayloadFields.Fallback() }
        self.init(sectionId: sectionId, text: text, sourceText: sourceText, sentences: sentences)
    }
}

extension SegmentedDocument: BinaryPayloadRecord {
    func write(to fields: BinaryPayloadFieldWriter) {
        fields.write("sections", sections)
        fields.write("paragraphs", paragraphs)
        fields.write("title", title)
        fields.write("issuer", issuer)
        fields.write("publishDate", publishDate)
    }

    init(fields: inout BinaryPayloadFields) throws {
        var sections: [Section]?, paragraphs: [SegmentedParagraph]?, title: String?, issuer: String?, publishDate: String?
        while let field = try fields.next() {
            switch field {
            case "sections": sections = try fields.records(field)
            case "paragraphs": paragraphs = try fields.records(field)
            case "title": title = try fields.string(field)
            case "issuer": issuer = try fields.string(field)
            case "publishDate": publishDate = try fields.string(field)
            default: break
            }
        }
        guard let sections, let paragraphs, let title, let issuer, let publishDate else { throw BinaryPayloadFields.Fallback() }
        self.init(sections: sections, paragraphs: paragraphs, title: title, issuer: issuer, publishDate: publishDate)
    }
}
