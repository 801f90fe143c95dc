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

    private var writerOptions: TableWriter.Options {
        TableWriter.Options(formats: options.formats.compactMap(TableWriter.Format.init(rawValue:)),
                            csv: CSVEncoder.Options(spreadsheetSafe: options.spreadsheetSafe, excelBOM: options.excelBOM),
                            gzipLevel: options.gzipLevel, compressInBackground: jobs > 1)
    }

    /// Writes the tables unless they are up to date; returns whether it wrote. Fills the report's
    /// document statuses, table row counts and error codes either way.
    func write(force: Bool, report: inout RunReport) throws -> Bool {
        // A set staged by a run that was killed is finished or thrown away first, also when
        // the tables turn out to be up to date and nothing new is written.
        if PosixIO.kind(outputDirectory.path) == .directory {
            try AtomicOutputSet.recover(outputDirectory: outputDirectory)
        }
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
        let (written, counts) = try TableWriter(options: writerOptions).writeStreaming(Self.tables, to: outputDirectory) { sink in
            // Loading and decoding each document's outputs and making its rows is about half the
            // work and needs no order: `jobs` threads do it a batch at a time, and the rows go to
            // the files in document order. With more than one job the next batch is made while
            // this one is written (encoding and compressing the lines is the other half).
            let documents = try store.listedDocuments()
            let size = 32 * max(1, jobs)
            let batches = stride(from: 0, to: documents.count, by: size).map { documents[$0..<min(documents.count, $0 + size)] }
            let store = store, jobs = jobs
            let makeBatch: @Sendable (ArraySlice<WorkStore.ListedDocument>) throws -> [DocumentTables] = { batch in
                try DocumentTables.make(batch, jobs: jobs) {
                    DocumentTables(try store.bundle(for: $0, failures: failuresByDoc[$0.docId] ?? []))
                }
            }
            var next: BackgroundWork<[DocumentTables]>?
            defer { next?.wait() }
            for (index, batch) in batches.enumerated() {
                let made = try next?.value() ?? makeBatch(batch)
                next = jobs > 1 && index + 1 < batches.count ? BackgroundWork { [batch = batches[index + 1]] in try makeBatch(batch) } : nil
                for document in made {
                    for (table, rows) in document.rows.enumerated() { try sink.append(rows, toTable: table) }
                    if let metrics = document.bundle.extracted?.metrics { coverage.add(docId: document.bundle.docId, metrics: metrics) }
                    summary.count(status: document.bundle.status)
                    for failure in document.bundle.failures { summary.errorsByCode[failure.code, default: 0] += 1 }
                }
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

/// One document's rows of every table, in the order of `TablesWriter.tables`.
struct DocumentTables {
    var bundle: DocumentBundle
    var rows: [[TableRow]]

    init(_ bundle: DocumentBundle) {
        self.bundle = bundle
        rows = TablesWriter.tables.map { schema in
            switch schema.name {
            case "documents": return [TableRows.documents(bundle)]
            case "sections": return TableRows.sections(bundle)
            case "paragraphs": return TableRows.paragraphs(bundle)
            case "metrics": return TableRows.metrics(bundle)
            case "citations": return TableRows.citations(bundle)
            case "entities": return TableRows.entities(bundle)
            case "indicators": return TableRows.indicators(bundle)
            case "errors": return TableRows.errors(bundle)
            default: preconditionFailure("TablesWriter.tables names a table DocumentTables does not make: \(schema.name)")
            }
        }
    }

    /// `make` applied to each document on `jobs` threads; the results in the documents' order.
    /// The first error thrown is rethrown once all threads are done.
    static func make(_ documents: ArraySlice<WorkStore.ListedDocument>, jobs: Int,
                     _ make: @Sendable (WorkStore.ListedDocument) throws -> DocumentTables) throws -> [DocumentTables] {
        let documents = Array(documents)
        let threads = max(1, min(jobs, documents.count))
        if threads == 1 { return try documents.map(make) }
        let slots = ResultSlots<DocumentTables>(count: documents.count)
        defer { slots.release() }
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            for index in stride(from: thread, to: documents.count, by: threads) {
                slots.set(index, Result { try make(documents[index]) })
            }
        }
        return try slots.values()
    }
}

/// Results written by several threads, each to its own index, read once they are all done.
/// Unsafe storage because a Swift array stored in a class would be checked for exclusive
/// access on every write and trap when two threads write at once, even to different elements.
private final class ResultSlots<Value>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Result<Value, Error>?>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    func set(_ index: Int, _ value: Result<Value, Error>) { storage[index] = value }

    func values() throws -> [Value] { try storage.map { try $0!.get() } }

    func release() {
        _ = storage.deinitialize()
        storage.deallocate()
    }
}

/// Work started on a global queue now and waited for later: the next batch of documents is
/// decoded while the writer encodes and compresses the one before.
private final class BackgroundWork<Value>: @unchecked Sendable {
    private let done = DispatchGroup()
    // Written once by the worker before `done.leave()`, read only after `done.wait()`.
    private var result: Result<Value, Error>?

    init(_ work: @escaping @Sendable () throws -> Value) {
        done.enter()
        DispatchQueue.global().async {
            self.result = Result { try work() }
            self.done.leave()
        }
    }

    func wait() {
        done.wait()
    }

    func value() throws -> Value {
        done.wait()
        return try result!.get()
    }
}
