// The parts of the stage outputs that the table write reads, read the fast way
// (BinaryPayloadReadable): through Codable's containers, reading the segment facts alone cost
// as much as the rest of a document's bundle. Any surprise (a missing key, another type)
// sends the payload through their Codable `init(from:)` as before.

extension DecodedFacts: BinaryPayloadReadable {
    init(fields: inout BinaryPayloadFields) throws {
        var declared: String?, detected: String?, invalid: Int?
        while let field = try fields.next() {
            switch field {
            case "encodingDeclared": declared = try fields.string(field)
            case "encodingDetected": detected = try fields.string(field)
            case "invalidBytes": invalid = try fields.int(field)
            default: break
            }
        }
        guard let declared, let detected, let invalid else { throw BinaryPayloadFields.Fallback() }
        self.init(encodingDeclared: declared, encodingDetected: detected, invalidBytes: invalid)
    }
}

extension StrippedFacts: BinaryPayloadReadable {
    init(fields: inout BinaryPayloadFields) throws {
        var title: String?, publishDate: String?, issuer: String?, breadcrumb: [String]?
        while let field = try fields.next() {
            switch field {
            case "title": title = try fields.string(field)
            case "publishDate": publishDate = try fields.string(field)
            case "issuer": issuer = try fields.string(field)
            case "breadcrumb": breadcrumb = try fields.strings(field)
            default: break
            }
        }
        guard let title, let publishDate, let issuer, let breadcrumb else { throw BinaryPayloadFields.Fallback() }
        self.init(title: title, publishDate: publishDate, issuer: issuer, breadcrumb: breadcrumb)
    }
}

extension NormalizedFacts: BinaryPayloadReadable {
    init(fields: inout BinaryPayloadFields) throws {
        var script: String?, title: String?, issuer: String?
        while let field = try fields.next() {
            switch field {
            case "script": script = try fields.string(field)
            case "title": title = try fields.string(field)
            case "issuer": issuer = try fields.string(field)
            default: break
            }
        }
        guard let script, let title, let issuer else { throw BinaryPayloadFields.Fallback() }
        self.init(script: script, title: title, issuer: issuer)
    }
}

extension SegmentedFacts.Paragraph: BinaryPayloadReadable {
    init(fields: inout BinaryPayloadFields) throws {
        var sectionId: String?, text: String?
        while let field = try fields.next() {
            switch field {
            case "sectionId": sectionId = try fields.string(field)
            case "text": text = try fields.string(field)
            default: break
            }
        }
        guard let sectionId, let text else { throw BinaryPayloadFields.Fallback() }
        self.init(sectionId: sectionId, text: text)
    }
}

extension SegmentedFacts: BinaryPayloadReadable {
    init(fields: inout BinaryPayloadFields) throws {
        var sections: [Section]?, paragraphs: [Paragraph]?, title: String?, issuer: String?, publishDate: String?
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
