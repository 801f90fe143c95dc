import Foundation

/// `govreport extract-text`: runs normalize, segment and extract over plain text (one paragraph a
/// line), with the options of a pipeline when one is given, so that an analyst sees exactly what
/// the pipeline's rules make of a sentence.
public enum TextExtraction {
    public static func extract(_ text: String, config: PipelineConfig? = nil) throws -> (SegmentedDocument, ExtractedDocument) {
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        let document = DocumentRef(docId: "stdin", source: "-")
        let stripped = StrippedDocument(paragraphs: lines)
        let normalized = try NormalizeStage(options: options(NormalizeStage.self, config)).process(stripped, document: document)
        let segmented = try SegmentStage(options: options(SegmentStage.self, config)).process(normalized, document: document)
        let extracted = try ExtractStage(options: options(ExtractStage.self, config)).process(segmented, document: document)
        return (segmented, extracted)
    }

    /// The stage's options from the config when it configures that stage, else the defaults.
    private static func options<S: DocumentStage>(_: S.Type, _ config: PipelineConfig?) -> S.Options {
        config?.documentOptions[S.name] as? S.Options ?? S.Options()
    }

    public static func json(_ segmented: SegmentedDocument, _ extracted: ExtractedDocument) -> String {
        let metrics: [[String: Any]] = extracted.metrics.map { m in
            var object: [String: Any] = [
                "metric_id": m.metricId, "paragraph_no": m.paragraphNo + 1, "section_id": m.sectionId,
                "subject": m.subject, "indicator": m.indicator, "value": m.value, "unit": m.unit,
                "qualifier": m.qualifier, "raw": m.raw, "context": m.context,
                "char_start": m.charStart, "char_end": m.charEnd,
            ]
            object["parent_metric_id"] = m.parentMetricId ?? NSNull()
            return object
        }
        let citations: [[String: Any]] = extracted.citations.map { c in
            ["title": c.title, "doc_number": c.docNumber, "kind": c.kind, "paragraph_no": c.paragraphNo + 1,
             "char_start": c.charStart, "char_end": c.charEnd]
        }
        let object: [String: Any] = ["metrics": metrics, "citations": citations]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// Metrics as CSV (the `metrics` table's columns without doc_id), then a blank line and the citations.
    public static func csv(_ segmented: SegmentedDocument, _ extracted: ExtractedDocument) -> String {
        let encoder = CSVEncoder(options: .init(spreadsheetSafe: false, excelBOM: false))
        let document = DocumentBundle(docId: "stdin", source: "-", sha256: "", size: nil, segmented: segmented,
                                      extracted: extracted, failures: [])
        var text = encoder.headerLine(Array(TableCatalog.metrics.fieldNames.dropFirst()))
        for row in TableRows.metrics(document) { text += encoder.line(Array(row.dropFirst())) }
        text += "\n" + encoder.headerLine(Array(TableCatalog.citations.fieldNames.dropFirst()))
        for row in TableRows.citations(document) { text += encoder.line(Array(row.dropFirst())) }
        return text
    }
}
