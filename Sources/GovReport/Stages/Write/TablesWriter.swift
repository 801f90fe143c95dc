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
    /// Threads that load and decode the documents' stage outputs (the run's --jobs).
    var jobs = 1

    /// The tables written, in order.
    static let tables: [TableSchema] = [
        TableCatalog.documents, TableCatalog.sections, TableCatalog.paragraphs, TableCatalog.metrics,
        TableCatalog.citations, TableCatalog.entities, TableCatalog.indicators, TableCatalog.errors,
    ]

    /// The stages whose outputs each table's rows are made from (besides the document's
    /// identity and failures, which every table reads): a table none of whose stages changed is
    /// the file it was, and stays as it is.
    static let tableStages: [String: Set<String>] = [
        "documents": Set(StageRegistry.all.map { $0.name }),
        "sections": ["segment"],
        "paragraphs": ["strip", "normalize", "segment"],
        "metrics": ["extract"], "citations": ["extract"], "entities": ["extract"], "indicators": ["extract"],
        "errors": [],
    ]

    private var writerOptions: TableWriter.Options {
        TableWriter.Options(formats: options.formats.compactMap(TableWriter.Format.init(rawValue:)),
                            csv: CSVEncoder.Options(spreadsheetSafe: options.spreadsheetSafe, excelBOM: options.excelBOM),
                            gzipLevel: options.gzipLevel, compressInBackground: jobs > 1)
    }

    /// Writes the tables unless they are up to date; returns whether it wrote. Fills the report's
    /// document statuses, table row counts and error codes either way. `remake` makes every
    /// document's rows again rather than take those kept in the store (`--force`).
    func write(force: Bool, remake: Bool = false, report: inout RunReport) throws -> Bool {
        // A set staged by a run that was killed is finished or thrown away first, also when
        // the tables turn out to be up to date and nothing new is written.
        if PosixIO.kind(outputDirectory.path) == .directory {
            try AtomicOutputSet.recover(outputDirectory: outputDirectory)
        }
        // A forced write reads every document's keys anyway, and their scan gives the whole hash
        // too: read once, not twice (the second scan was a tenth of a --from extract run's
        // overhead). Otherwise the whole hash alone decides whether anything is to be written.
        let forcedInputs = force ? try store.tableInputs(writeFingerprint: fingerprint, tables: Self.tableStages) : nil
        let stateKey = sha256Hex(Data((fingerprint + "\n" + (try forcedInputs?.fingerprint ?? store.tablesFingerprint())).utf8))
        let expectedFiles = Self.tables.flatMap { schema in writerOptions.formats.map { TableWriter.fileName(table: schema.name, format: $0) } }
            + [DataPackage.fileName]
        let filesPresent = expectedFiles.allSatisfy {
            FileManager.default.fileExists(atPath: outputDirectory.appendingPathComponent($0).path)
        }
        // What the last write found; a kept table's row count comes from it too.
        let previous = try store.meta("tables.summary").flatMap { try? JSONDecoder().decode(TablesSummary.self, from: Data($0.utf8)) }
        if !force, filesPresent, try store.meta("tables.state") == stateKey, let summary = previous {
            summary.apply(to: &report)
            logger.info("tables are up to date: nothing to write")
            return false
        }

        let inputs = try forcedInputs ?? store.tableInputs(writeFingerprint: fingerprint, tables: Self.tableStages)
        // Streamed: each document's rows go to the table files as soon as they are made, so
        // memory holds a few batches of documents, not every table (peak RSS does not grow with the
        // corpus). Rows are kept encoded in the store by document, under a key of all they are
        // made from; the workbook needs the cells, so with xlsx every document's rows are made.
        let failuresByDoc = Dictionary(grouping: try store.failures(), by: \.docId)
        let encoded = !writerOptions.formats.contains(.xlsx)
        let reuse = encoded && !remake
        let files = TableFiles(directory: outputDirectory, formats: writerOptions.formats,
                               stored: try store.meta("tables.files"), keys: inputs.tableKeys)
        // A table is kept only when the last write's count of its rows is known.
        let keeping = reuse ? Set(Self.tables.indices.filter { index in
            previous?.tables[Self.tables[index].name] != nil && files.isIntact(Self.tables[index].name)
        }) : []
        // With every table kept, the last write's summary still holds: the statuses and error
        // codes come from what the documents table is made from, the coverage from what the
        // metrics table is. No document need be read.
        let summaryKept = keeping.count == Self.tables.count ? previous : nil
        let encoder = CSVEncoder(options: writerOptions.csv)
        var summary = TablesSummary()
        var coverage = IndicatorCoverage.Tally()
        var reused = 0
        let (written, counts) = try TableWriter(options: writerOptions).writeStreaming(Self.tables, to: outputDirectory,
                                                                                       keeping: keeping) { sink in
            if summaryKept != nil { return }
            // Loading and decoding each document's outputs and making its rows is about half the
            // work and needs no order: `jobs` threads make them a few documents at a time, and the
            // rows go to the files in document order on this thread, which also keeps the rows
            // made now in the store. Encoding and compressing the lines is the other half.
            let documents = try store.listedDocuments()
            let size = 16
            let store = store, keys = inputs.documentKeys
            var toKeep: [(docId: String, rows: WorkStore.StoredRows)] = []
            try OrderedWork.run(count: (documents.count + size - 1) / size, jobs: jobs, window: 4 * max(1, jobs)) { index in
                let batch = documents[(index * size)..<min(documents.count, (index + 1) * size)]
                let kept = reuse ? try store.documentRows(batch.map(\.docId)) : [:]
                return try batch.map { document in
                    let key = keys[document.docId] ?? ""
                    if let stored = kept[document.docId], stored.key == key, let part = DocumentPart(stored: stored, docId: document.docId) {
                        return part
                    }
                    let bundle = try store.bundle(for: document, failures: failuresByDoc[document.docId] ?? [])
                    return encoded ? try DocumentPart(encoding: bundle, key: key, encoder: encoder) : DocumentPart(rowsOf: bundle)
                }
            } take: { parts in
                for part in parts {
                    switch part.content {
                    case .rows(let tables):
                        for (table, rows) in tables.enumerated() { try sink.append(rows, toTable: table) }
                    case .encoded(let groups):
                        for (table, group) in groups.enumerated() { try sink.append(group, toTable: table) }
                    }
                    if let share = part.coverage { coverage.add(docId: part.docId, share: share) }
                    summary.count(status: part.status)
                    for failure in failuresByDoc[part.docId] ?? [] { summary.errorsByCode[failure.code, default: 0] += 1 }
                    if let keep = part.keep {
                        toKeep.append((part.docId, keep))
                    } else if encoded {
                        reused += 1
                    }
                }
                // Kept a few batches at a time, in one transaction each.
                if toKeep.count >= 64 {
                    try store.storeDocumentRows(toKeep)
                    toKeep.removeAll(keepingCapacity: true)
                }
            }
            try store.storeDocumentRows(toKeep)
        }
        try store.pruneDocumentRows()
        if let summaryKept {
            summary = summaryKept
        } else {
            for (index, (schema, count)) in zip(Self.tables, counts).enumerated() {
                summary.tables[schema.name] = keeping.contains(index) ? previous?.tables[schema.name] : count
            }
            summary.coverage = IndicatorCoverage(coverage, top: 20)
            summary.notes = written.notes
        }
        let encodedSummary = String(decoding: try JSONEncoder().encode(summary), as: UTF8.self)
        // Together: a kept table's row count comes from the summary written with its stamp.
        try store.setMeta([("tables.files", files.stamped(Self.tables.map(\.name))), ("tables.state", stateKey),
                           ("tables.summary", encodedSummary)])
        summary.apply(to: &report)
        let kept = keeping.map { Self.tables[$0].name }.sorted()
        let message = "wrote \(Self.tables.count - kept.count) tables to \(outputDirectory.path)"
            + (kept.isEmpty ? "" : "; unchanged, kept as they were: \(kept.joined(separator: ", "))")
            + (reused == 0 ? "" : "; the rows of \(reused) unchanged documents taken from the work store")
        logger.info("\(message)")
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
