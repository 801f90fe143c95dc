import Foundation

/// What one document adds to the tables: its rows of each table (in `TablesWriter.tables`
/// order), its status and its share of the indicator coverage.
struct DocumentPart {
    enum Content {
        /// The cells, for a write with the workbook.
        case rows([[TableRow]])
        /// Checked and encoded CSV lines.
        case encoded([TableWriter.EncodedGroup])
    }

    var docId: String
    var status: String
    var coverage: IndicatorCoverage.Share?
    var content: Content
    /// The rows to keep in the store, when they were made now rather than taken from it.
    var keep: WorkStore.StoredRows?

    /// What the store keeps of a document's part (a payload in the stage outputs' format).
    private struct Kept: Codable {
        var status: String
        var coverage: IndicatorCoverage.Share?
        var tables: [TableWriter.EncodedGroup]
    }

    /// The cells of every table, for the workbook.
    init(rowsOf bundle: DocumentBundle) {
        docId = bundle.docId
        status = bundle.status
        coverage = bundle.extracted.map { IndicatorCoverage.Share(metrics: $0.metrics) }
        content = .rows(Self.rows(bundle))
        keep = nil
    }

    /// Made, checked and encoded now; kept under `key`.
    init(encoding bundle: DocumentBundle, key: String, encoder: CSVEncoder) throws {
        docId = bundle.docId
        status = bundle.status
        coverage = bundle.extracted.map { IndicatorCoverage.Share(metrics: $0.metrics) }
        let groups = try zip(TablesWriter.tables, Self.rows(bundle)).map { schema, rows in
            let group = try TableWriter.EncodedGroup(rows: rows, schema: schema, encoder: encoder)
            // Every table's key starts with doc_id, which lets a kept group be placed by document.
            guard group.group == nil || group.group == bundle.docId else {
                throw TableWriterError(table: schema.name, message: "a row of \(bundle.docId) has \(group.group!) as its first key")
            }
            return group
        }
        content = .encoded(groups)
        keep = WorkStore.StoredRows(key: key, payload: try PayloadCodec.encode(Kept(status: status, coverage: coverage, tables: groups)))
    }

    /// As kept in the store; nil when the payload cannot be read back (then the rows are made again).
    init?(stored: WorkStore.StoredRows, docId: String) {
        guard let kept = try? PayloadCodec.decode(Kept.self, from: stored.payload),
              kept.tables.count == TablesWriter.tables.count,
              kept.tables.allSatisfy({ $0.group == nil || $0.group == docId }) else { return nil }
        self.docId = docId
        status = kept.status
        coverage = kept.coverage
        content = .encoded(kept.tables)
        keep = nil
    }

    private static func rows(_ bundle: DocumentBundle) -> [[TableRow]] {
        TablesWriter.tables.map { schema in
            switch schema.name {
            case "documents": return [TableRows.documents(bundle)]
            case "sections": return TableRows.sections(bundle)
            case "paragraphs": return TableRows.paragraphs(bundle)
            case "metrics": return TableRows.metrics(bundle)
            case "citations": return TableRows.citations(bundle)
            case "entities": return TableRows.entities(bundle)
            case "indicators": return TableRows.indicators(bundle)
            case "errors": return TableRows.errors(bundle)
            default: preconditionFailure("TablesWriter.tables names a table DocumentPart does not make: \(schema.name)")
            }
        }
    }
}
