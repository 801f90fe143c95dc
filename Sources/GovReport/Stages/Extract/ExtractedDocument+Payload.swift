// The payload fields of extract's records, written and read without Codable's containers
// (BinaryPayloadRecord): the same keys in the same order as their synthesized Codable.

extension Metric: BinaryPayloadRecord {
    func write(to fields: BinaryPayloadFieldWriter) {
        fields.write("metricId", metricId)
        fields.write("paragraphNo", paragraphNo)
        fields.write("sectionId", sectionId)
        fields.write("subject", subject)
        fields.write("indicator", indicator)
        fields.write("value", value)
        fields.write("unit", unit)
        fields.write("qualifier", qualifier)
        fields.write("raw", raw)
        fields.write("context", context)
        fields.write("parentMetricId", parentMetricId)
        fields.write("charStart", charStart)
        fields.write("charEnd", charEnd)
    }

    init(fields: inout BinaryPayloadFields) throws {
        var metricId: Int?, paragraphNo: Int?, sectionId: String?, subject: String?, indicator: String?, value: Double?
        var unit: String?, qualifier: String?, raw: String?, context: String?, parentMetricId: Int?, charStart: Int?, charEnd: Int?
        while let field = try fields.next() {
            switch field {
            case "metricId": metricId = try fields.int(field)
            case "paragraphNo": paragraphNo = try fields.int(field)
            case "sectionId": sectionId = try fields.string(field)
            case "subject": subject = try fields.string(field)
            case "indicator": indicator = try fields.string(field)
            case "value": value = try fields.double(field)
            case "unit": unit = try fields.string(field)
            case "qualifier": qualifier = try fields.string(field)
            case "raw": raw = try fields.string(field)
            case "context": context = try fields.string(field)
            case "parentMetricId": parentMetricId = try fields.optionalInt(field)
            case "charStart": charStart = try fields.int(field)
            case "charEnd": charEnd = try fields.int(field)
            default: break
            }
        }
        guard let metricId, let paragraphNo, let sectionId, let subject, let indicator, let value, let unit, let qualifier,
              let raw, let context, let charStart, let charEnd else { throw BinaryPayloadFields.Fallback() }
        self.init(metricId: metricId, paragraphNo: paragraphNo, sectionId: sectionId, subject: subject, indicator: indicator,
                  value: value, unit: unit, qualifier: qualifier, raw: raw, context: context, parentMetricId: parentMetricId,
                  charStart: charStart, charEnd: charEnd)
    }
}

extension Citation: BinaryPayloadRecord {
    func write(to fields: BinaryPayloadFieldWriter) {
        fields.write("title", title)
        fields.write("docNumber", docNumber)
        fields.write("kind", kind)
        fields.write("paragraphNo", paragraphNo)
        fields.write("charStart", charStart)
        fields.write("charEnd", charEnd)
    }

    init(fields: inout BinaryPayloadFields) throws {
        var title: String?, docNumber: String?, kind: String?, paragraphNo: Int?, charStart: Int?, charEnd: Int?
        while let field = try fields.next() {
            switch field {
            case "title": title = try fields.string(field)
            case "docNumber": docNumber = try fields.string(field)
            case "kind": kind = try fields.string(field)
            case "paragraphNo": paragraphNo = try fields.int(field)
            case "charStart": charStart = try fields.int(field)
            case "charEnd": charEnd = try fields.int(field)
            default: break
            }
        }
        guard let title, let docNumber, let kind, let paragraphNo, let charStart, let charEnd else { throw BinaryPayloadFields.Fallback() }
        self.init(title: title, docNumber: docNumber, kind: kind, paragraphNo: paragraphNo, charStart: charStart, charEnd: charEnd)
    }
}

extension Entity: BinaryPayloadRecord {
    func write(to fields: BinaryPayloadFieldWriter) {
        fields.write("type", type)
        fields.write("text", text)
        fields.write("normalized", normalized)
        fields.write("paragraphNo", paragraphNo)
        fields.write("charStart", charStart)
        fields.write("charEnd", charEnd)
    }

    init(fields: inout BinaryPayloadFields) throws {
        var type: String?, text: String?, normalized: String?, paragraphNo: Int?, charStart: Int?, charEnd: Int?
        while let field = try fields.next() {
            switch field {
            case "type": type = try fields.string(field)
            case "text": text = try fields.string(field)
            case "normalized": normalized = try fields.string(field)
            case "paragraphNo": paragraphNo = try fields.int(field)
            case "charStart": charStart = try fields.int(field)
            case "charEnd": charEnd = try fields.int(field)
            default: break
            }
        }
        guard let type, let text, let normalized, let paragraphNo, let charStart, let charEnd else { throw BinaryPayloadFields.Fallback() }
        self.init(type: type, text: text, normalized: normalized, paragraphNo: paragraphNo, charStart: charStart, charEnd: charEnd)
    }
}

extension ReportMetadata: BinaryPayloadRecord {
    func write(to fields: BinaryPayloadFieldWriter) {
        fields.write("reportYear", reportYear)
        fields.write("issuer", issuer)
        fields.write("publishDate", publishDate)
        fields.write("province", province)
        fields.write("city", city)
        fields.write("county", county)
        fields.write("township", township)
    }

    init(fields: inout BinaryPayloadFields) throws {
        var reportYear: Int?, issuer: String?, publishDate: String?, province: String?, city: String?, county: String?, township: String?
        while let field = try fields.next() {
            switch field {
            case "reportYear": reportYear = try fields.optionalInt(field)
            case "issuer": issuer = try fields.string(field)
            case "publishDate": publishDate = try fields.string(field)
            case "province": province = try fields.string(field)
            case "city": city = try fields.string(field)
            case "county": county = try fields.string(field)
            case "township": township = try fields.string(field)
            default: break
            }
        }
        guard let issuer, let publishDate, let province, let city, let county, let township else { throw BinaryPayloadFields.Fallback() }
        self.init(reportYear: reportYear, issuer: issuer, publishDate: publishDate, province: province, city: city,
                  county: county, township: township)
    }
}

extension PanelEntry: BinaryPayloadRecord {
    func write(to fields: BinaryPayloadFieldWriter) {
        fields.write("indicator", indicator)
        fields.write("value", value)
        fields.write("unit", unit)
        fields.write("n_mentions", nMentions)
        fields.write("metric_ids", metricIds)
    }

    init(fields: inout BinaryPayloadFields) throws {
        var indicator: String?, value: Double?, unit: String?, nMentions: Int?, metricIds: [Int]?
        while let field = try fields.next() {
            switch field {
            case "indicator": indicator = try fields.string(field)
            case "value": value = try fields.double(field)
            case "unit": unit = try fields.string(field)
            case "n_mentions": nMentions = try fields.int(field)
            case "metric_ids": metricIds = try fields.ints(field)
            default: break
            }
        }
        guard let indicator, let value, let unit, let nMentions, let metricIds else { throw BinaryPayloadFields.Fallback() }
        self.init(indicator: indicator, value: value, unit: unit, nMentions: nMentions, metricIds: metricIds)
    }
}

extension PanelRow: BinaryPayloadRecord {
    func write(to fields: BinaryPayloadFieldWriter) {
        fields.write("entry", entry)
        fields.write("nameZh", nameZh)
        fields.write("nameEn", nameEn)
    }

    init(fields: inout BinaryPayloadFields) throws {
        var entry: PanelEntry?, nameZh: String?, nameEn: String?
        while let field = try fields.next() {
            switch field {
            case "entry": entry = try fields.record(field)
            case "nameZh": nameZh = try fields.string(field)
            case "nameEn": nameEn = try fields.string(field)
            default: break
            }
        }
        guard let entry, let nameZh, let nameEn else { throw BinaryPayloadFields.Fallback() }
        self.init(entry: entry, nameZh: nameZh, nameEn: nameEn)
    }
}

extension ExtractedDocument: BinaryPayloadRecord {
    func write(to fields: BinaryPayloadFieldWriter) {
        fields.write("metadata", metadata)
        fields.write("metrics", metrics)
        fields.write("citations", citations)
        fields.write("entities", entities)
        fields.write("panel", panel)
    }

    init(fields: inout BinaryPayloadFields) throws {
        var metadata: ReportMetadata?, metrics: [Metric]?, citations: [Citation]?, entities: [Entity]?, panel: [PanelRow]?
        while let field = try fields.next() {
            switch field {
            case "metadata": metadata = try fields.record(field)
            case "metrics": metrics = try fields.records(field)
            case "citations": citations = try fields.records(field)
            case "entities": entities = try fields.records(field)
            case "panel": panel = try fields.records(field)
            default: break
            }
        }
        guard let metadata, let metrics, let citations, let entities, let panel else { throw BinaryPayloadFields.Fallback() }
        self.init(metadata: metadata, metrics: metrics, citations: citations, entities: entities, panel: panel)
    }
}
