import Foundation
import Logging

/// The `write` stage: builds every table from the store and writes the set atomically. When
/// nothing the tables are built from has changed since the last write (same stage outputs,
/// failures, listing and write options) and the files are in place, the write is skipped, so a
/// nightly run with no change leaves the outputs byte for byte as they were.
struct TablesWriter {
    let store: WorkStore
    let options: WriteOptions
    let outputDirectory: URL
    let fingerprint: String
    let logger: Logger

    /// The tables written, in order.
    static let tables: [TableSchema] = [
        TableCatalog.documents, TableCatalog.sections, TableCatalog.paragraphs, TableCatalog.metrics,
        TableCatalog.citations, TableCatalog.entities, TableCatalog.indicators, TableCatalog.errors,
    ]

    private var writerOptions: TableWriter.Options {
        TableWriter.Options(formats: options.formats.compactMap(TableWriter.Format.init(rawValue:)),
                            csv: CSVEncoder.Options(spreadsheetSafe: options.spreadsheetSafe, excelBOM: options.excelBOM),
                            gzipLevel: options.gzipLevel)
    }

    /// Writes the tables unless they are up to date; returns whether it wrote. Fills the report's
    /// document statuses, table row counts and error codes either way.
    func write(force: Bool, report: inout RunReport) throws -> Bool {
        let stateKey = sha256Hex(Data((fingerprint + "\n" + (try store.tablesFingerprint())).utf8))
        let expectedFiles = Self.tables.flatMap { schema in writerOptions.formats.map { TableWriter.fileName(table: schema.name, format: $0) } }
            + [DataPackage.fileName]
        let filesPresent = expectedFiles.allSatisfy {
            FileManager.default.fileExists(atPath: outputDirectory.appendingPathComponent($0).path)
        }
        if !force, filesPresent, try store.meta("tables.state") == stateKey,
           let summaryText = try store.meta("tables.summary"),
           let summary = try? JSONDecoder().decode(TablesSummary.self, from: Data(summaryText.utf8)) {
            summary.apply(to: &report)
            logger.info("tables are up to date: nothing to write")
            return false
        }

        // Streamed: each document's rows go to the table files as soon as they are made, so
        // memory holds one document, not every table (peak RSS no longer grows with the corpus).
        let failuresByDoc = Dictionary(grouping: try store.failures(), by: \.docId)
        var summary = TablesSummary()
        var coverage = IndicatorCoverage.Tally()
        let index = Dictionary(uniqueKeysWithValues: Self.tables.enumerated().map { ($1.name, $0) })
        let (written, counts) = try TableWriter(options: writerOptions).writeStreaming(Self.tables, to: outputDirectory) { sink in
            for document in try store.listedDocuments() {
                let bundle = try store.bundle(for: document, failures: failuresByDoc[document.docId] ?? [])
                try sink.append([TableRows.documents(bundle)], toTable: index["documents"]!)
                try sink.append(TableRows.sections(bundle), toTable: index["sections"]!)
                try sink.append(TableRows.paragraphs(bundle), toTable: index["paragraphs"]!)
                try sink.append(TableRows.metrics(bundle), toTable: index["metrics"]!)
                try sink.append(TableRows.citations(bundle), toTable: index["citations"]!)
                try sink.append(TableRows.entities(bundle), toTable: index["entities"]!)
                try sink.append(TableRows.indicators(bundle), toTable: index["indicators"]!)
                try sink.append(TableRows.errors(bundle), toTable: index["errors"]!)
                if let metrics = bundle.extracted?.metrics { coverage.add(docId: document.docId, metrics: metrics) }
                summary.count(status: bundle.status)
                for failure in bundle.failures { summary.errorsByCode[failure.code, default: 0] += 1 }
            }
        }
        for (schema, count) in zip(Self.tables, counts) { summary.tables[schema.name] = count }
        summary.coverage = IndicatorCoverage(coverage, top: 20)
        summary.notes = written.notes
        let encoded = String(decoding: try JSONEncoder().encode(summary), as: UTF8.self)
        try store.setMeta("tables.state", stateKey)
        try store.setMeta("tables.summary", encoded)
        summary.apply(to: &report)
        logger.info("wrote \(Self.tables.count) tables to \(outputDirectory.path)")
        return true
    }
}

/// What the last write found, kept in the store so that a skipped write can still report it.
struct TablesSummary: Codable {
    var ok = 0, empty = 0, failed = 0, stale = 0
    var tables: [String: Int] = [:]
    var errorsByCode: [String: Int] = [:]
    var coverage: IndicatorCoverage?
    var notes: [String] = []

    mutating func count(status: String) {
        switch status {
        case "ok": ok += 1
        case "empty": empty += 1
        case "stale": stale += 1
        default: failed += 1
        }
    }

    func apply(to report: inout RunReport) {
        report.documents.ok = ok
        report.documents.empty = empty
        report.documents.failed = failed
        report.documents.stale = stale
        report.tables = tables
        report.errorsByCode = errorsByCode
        report.indicatorCoverage = coverage
        report.notes += notes
    }
}
