import Crypto
import Foundation
import GRDB

/// The work store: one SQLite database (WAL) in the work directory with each document's raw
/// bytes, each stage's cached output, failures and fetch state. What one pass over a chunk of
/// documents makes (their content and stage outputs) is one transaction, so a killed run never
/// leaves half a record.
///
/// Analysts can query it: `SELECT doc_id, stage, code, message FROM failures`.
final class WorkStore: Sendable {
    let pool: DatabasePool
    private let checkpointer: LogCheckpointer?
    static let fileName = "govreport.sqlite"

    /// - Parameter checkpointsBeside: copy the log back on a thread of its own (LogCheckpointer);
    ///   otherwise the committing thread does, every 64 MiB. A run with one job does it in its one
    ///   thread, as it compresses the tables there too: `--jobs 1` uses one core.
    init(directory: URL, checkpointsBeside: Bool = true) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        // Pages are read with a pread each, not through a memory map (PRAGMA mmap_size): mapped
        // pages count in the process's resident size, which reached 1.4 GB at 20,000 pages
        // against 109 MB without (the syscalls saved were a few percent of a run).
        let path = directory.appendingPathComponent(Self.fileName).path
        pool = try DatabasePool(path: path, configuration: configuration)
        try Self.migrator.migrate(pool)
        // The log is copied back into the database each 64 MiB, not each 4 MiB as by default:
        // each copy syncs the log and the database, and at 20,000 pages that was 1,783 syncs
        // (4.2 s) against 132 (2.8 s). With `checkpointsBeside` the copy and its syncs run on a
        // thread of their own, and no worker waits for them.
        if checkpointsBeside {
            let checkpointer = try LogCheckpointer(path: path)
            checkpointer.attach(to: pool)
            self.checkpointer = checkpointer
        } else {
            try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_autocheckpoint = \(LogCheckpointer.defaultPages)") }
            checkpointer = nil
        }
    }

    deinit {
        checkpointer?.detach(from: pool)
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE documents (
                    doc_id TEXT PRIMARY KEY,
                    source TEXT NOT NULL,
                    listed INTEGER NOT NULL DEFAULT 1,
                    first_listed TEXT NOT NULL,
                    sha256 TEXT,
                    size INTEGER,
                    declared_charset TEXT,
                    content_type TEXT,
                    content BLOB,
                    fetched_at TEXT,
                    etag TEXT,
                    last_modified TEXT
                );
                CREATE TABLE outputs (
                    doc_id TEXT NOT NULL,
                    stage TEXT NOT NULL,
                    cache_key TEXT NOT NULL,
                    output_hash TEXT NOT NULL,
                    payload BLOB NOT NULL,
                    updated_at TEXT NOT NULL,
                    PRIMARY KEY (doc_id, stage)
                );
                CREATE TABLE failures (
                    doc_id TEXT NOT NULL,
                    stage TEXT NOT NULL,
                    source TEXT NOT NULL,
                    cache_key TEXT NOT NULL,
                    code TEXT NOT NULL,
                    message TEXT NOT NULL,
                    failed_at TEXT NOT NULL,
                    PRIMARY KEY (doc_id, stage)
                );
                CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                """)
        }
        // The file's stat when its content was read, so that a rerun need not read and hash an
        // unchanged file (FileStamp).
        migrator.registerMigration("v2-file-stamp") { db in
            try db.execute(sql: "ALTER TABLE documents ADD COLUMN file_stamp TEXT")
        }
        // Each document's part of the tables as the write stage last made it (WorkStore+DocumentRows).
        migrator.registerMigration("v3-document-rows") { db in
            try db.execute(sql: "CREATE TABLE document_rows (doc_id TEXT PRIMARY KEY, rows_key TEXT NOT NULL, payload BLOB NOT NULL)")
        }
        // Indexes holding every column that the listing, the per-chunk read of the stages' keys
        // and the hash of the tables' inputs ask for, so that those reads never touch the rows:
        // each row holds a document's bytes or a stage's output and fills a page of its own, and
        // the reads went through a page a row (120,000 pages at 20,000 documents, a second of
        // `--from extract`).
        migrator.registerMigration("v4-covering-indexes") { db in
            try db.execute(sql: """
                CREATE INDEX documents_listing ON documents (doc_id, listed, source, sha256, size);
                CREATE INDEX outputs_keys ON outputs (doc_id, stage, cache_key, output_hash);
                """)
        }
        return migrator
    }

    // The reads that `documents_listing` and `outputs_keys` cover (a test checks SQLite's plan).
    static let listingSQL = "SELECT doc_id, source, listed FROM documents"

    static func stageKeysSQL(count: Int) -> String {
        "SELECT doc_id, stage, cache_key, output_hash FROM outputs WHERE doc_id IN (\(databaseQuestionMarks(count: count)))"
    }

    static let tableInputRowsSQL = """
        SELECT d.doc_id, d.source, d.sha256, d.size, o.stage, o.output_hash FROM documents d
        LEFT JOIN outputs o ON o.doc_id = d.doc_id WHERE d.listed = 1 ORDER BY d.doc_id, o.stage
        """

    // MARK: listing

    /// Records the documents the sources list now; those no longer listed drop out of the tables.
    /// Returns how many are new and how many were removed since the last listing.
    func recordListing(_ items: [SourceItem], extraIds: [(String, String)]) throws -> (new: Int, removed: Int) {
        let now = Self.timestamp()
        return try pool.write { db in
            // Only the rows whose listing changes are written: a row holds the document's bytes,
            // and rewriting every row on every run (a nightly rerun with nothing new) cost more
            // than all the rest of that run.
            var known: [String: (source: String, listed: Bool)] = [:]
            let rows = try GRDB.Row.fetchCursor(db, sql: Self.listingSQL)
            while let row = try rows.next() {
                known[row["doc_id"]] = (row["source"], row["listed"] as Int != 0)
            }
            var new = 0
            var listedNow = Set<String>()
            let all = items.map { ($0.docId, $0.source) } + extraIds
            let insert = try db.cachedStatement(sql: """
                INSERT INTO documents (doc_id, source, listed, first_listed) VALUES (?, ?, 1, ?)
                ON CONFLICT(doc_id) DO UPDATE SET listed = 1, source = excluded.source
                """)
            for (docId, source) in all {
                listedNow.insert(docId)
                guard let entry = known[docId] else {
                    new += 1
                    try insert.execute(arguments: [docId, source, now])
                    continue
                }
                if !entry.listed || entry.source != source { try insert.execute(arguments: [docId, source, now]) }
            }
            let unlist = try db.cachedStatement(sql: "UPDATE documents SET listed = 0 WHERE doc_id = ?")
            var removed = 0
            for (docId, entry) in known where entry.listed && !listedNow.contains(docId) {
                try unlist.execute(arguments: [docId])
                removed += 1
            }
            return (new, removed)
        }
    }

    // MARK: raw documents

    func rawDocument(_ docId: String) throws -> RawDocument? {
        try pool.read { db in
            guard let row = try GRDB.Row.fetchOne(db, sql: """
                SELECT doc_id, source, content, sha256, declared_charset, content_type
                FROM documents WHERE doc_id = ? AND content IS NOT NULL
                """, arguments: [docId]) else { return nil }
            let data: Data = row["content"]
            return RawDocument(docId: row["doc_id"], source: row["source"], bytes: [UInt8](data),
                               sha256: row["sha256"], declaredCharset: row["declared_charset"],
                               contentType: row["content_type"])
        }
    }

    /// The stored content hash and source metadata, without loading the bytes.
    func rawFingerprint(_ docId: String) throws -> String? {
        try pool.read { db in try Self.rawFingerprint(docId, in: db) }
    }

    private static func rawFingerprint(_ docId: String, in db: Database) throws -> String? {
        try storedContent(docId, in: db)?.fingerprint
    }

    /// What is known of a document's stored content: its fingerprint, its hash and the stamp of
    /// the file it was read from.
    struct StoredContent {
        var fingerprint: String
        var sha256: String
        var fileStamp: FileStamp?
    }

    private static func storedContent(_ docId: String, in db: Database) throws -> StoredContent? {
        try GRDB.Row.fetchOne(db.cachedStatement(sql: """
            SELECT sha256, declared_charset, content_type, file_stamp FROM documents
            WHERE doc_id = ? AND content IS NOT NULL
            """), arguments: [docId]).map(storedContent)
    }

    private static func storedContent(_ row: GRDB.Row) -> StoredContent {
        StoredContent(fingerprint: rawFingerprint(sha256: row["sha256"], charset: row["declared_charset"], contentType: row["content_type"]),
                      sha256: row["sha256"], fileStamp: (row["file_stamp"] as String?).flatMap(FileStamp.init(text:)))
    }

    static func rawFingerprint(sha256: String, charset: String?, contentType: String?) -> String {
        "raw:\(sha256)|\(charset ?? "")|\(contentType ?? "")"
    }

    /// Stores a document's bytes with the HTTP validators that came with them (nil for files).
    func storeRaw(_ raw: RawDocument, etag: String? = nil, lastModified: String? = nil) throws {
        let now = Self.timestamp()
        try pool.write { db in try Self.storeRaw(raw, etag: etag, lastModified: lastModified, at: now, in: db) }
    }

    private static func storeRaw(_ raw: RawDocument, etag: String?, lastModified: String?, fileStamp: FileStamp? = nil,
                                 at now: String, in db: Database) throws {
        try db.cachedStatement(sql: """
            UPDATE documents SET source = ?, sha256 = ?, size = ?, declared_charset = ?, content_type = ?,
                content = ?, fetched_at = ?, etag = ?, last_modified = ?, file_stamp = ? WHERE doc_id = ?
            """).execute(arguments: [raw.source, raw.sha256, raw.bytes.count, raw.declaredCharset, raw.contentType,
                                     Data(raw.bytes), now, etag, lastModified, fileStamp?.text, raw.docId])
        try db.cachedStatement(sql: "DELETE FROM failures WHERE doc_id = ? AND stage = 'fetch'").execute(arguments: [raw.docId])
    }

    // MARK: stage outputs and failures

    struct CacheState {
        var cacheKey: String
        var outputHash: String
    }

    /// What the store knows of one document's stages before it is processed: per stage, the
    /// cached output's key and hash and the key of a recorded failure. One read per document
    /// instead of two per stage; the runner writes only this document's rows for the rest of its
    /// pass, and only rows of stages it has already passed, so the snapshot stays true for the
    /// stages it has not reached.
    struct DocumentState {
        /// nil while no content is stored.
        var content: StoredContent?
        /// What `rawFingerprint` gives: nil while no content is stored.
        var rawFingerprint: String? { content?.fingerprint }
        var outputs: [String: CacheState] = [:]
        var failureKeys: [String: String] = [:]
    }

    func documentState(_ docId: String) throws -> DocumentState {
        try documentStates([docId])[docId] ?? DocumentState()
    }

    /// The states of a few documents in one read transaction: a transaction per document cost
    /// as much as the queries of a rerun with nothing to do.
    func documentStates(_ docIds: [String]) throws -> [String: DocumentState] {
        guard !docIds.isEmpty else { return [:] }
        return try pool.read { db in
            var states: [String: DocumentState] = [:]
            let marks = databaseQuestionMarks(count: docIds.count)
            let arguments = StatementArguments(docIds)
            let contents = try GRDB.Row.fetchCursor(db.cachedStatement(sql: """
                SELECT doc_id, sha256, declared_charset, content_type, file_stamp FROM documents
                WHERE doc_id IN (\(marks)) AND content IS NOT NULL
                """), arguments: arguments)
            while let row = try contents.next() {
                states[row["doc_id"], default: DocumentState()].content = Self.storedContent(row)
            }
            let outputs = try GRDB.Row.fetchCursor(db.cachedStatement(sql: Self.stageKeysSQL(count: docIds.count)),
                                                   arguments: arguments)
            while let row = try outputs.next() {
                states[row["doc_id"], default: DocumentState()].outputs[row["stage"]] =
                    CacheState(cacheKey: row["cache_key"], outputHash: row["output_hash"])
            }
            let failures = try GRDB.Row.fetchCursor(db.cachedStatement(sql: """
                SELECT doc_id, stage, cache_key FROM failures WHERE doc_id IN (\(marks))
                """), arguments: arguments)
            while let row = try failures.next() {
                states[row["doc_id"], default: DocumentState()].failureKeys[row["stage"]] = row["cache_key"]
            }
            return states
        }
    }

    func cacheState(_ docId: String, stage: String) throws -> CacheState? {
        try pool.read { db in
            try GRDB.Row.fetchOne(db, sql: "SELECT cache_key, output_hash FROM outputs WHERE doc_id = ? AND stage = ?",
                             arguments: [docId, stage]).map { CacheState(cacheKey: $0["cache_key"], outputHash: $0["output_hash"]) }
        }
    }

    func failureKey(_ docId: String, stage: String) throws -> String? {
        try pool.read { db in
            try String.fetchOne(db, sql: "SELECT cache_key FROM failures WHERE doc_id = ? AND stage = ?", arguments: [docId, stage])
        }
    }

    func payload(_ docId: String, stage: String) throws -> Data? {
        try pool.read { db in
            try Data.fetchOne(db.cachedStatement(sql: "SELECT payload FROM outputs WHERE doc_id = ? AND stage = ?"),
                              arguments: [docId, stage])
        }
    }

    /// Every stored stage output of a document, by stage.
    func payloads(_ docId: String) throws -> [String: Data] {
        try pool.read { db in
            var result: [String: Data] = [:]
            let rows = try GRDB.Row.fetchCursor(db.cachedStatement(sql: "SELECT stage, payload FROM outputs WHERE doc_id = ?"),
                                                arguments: [docId])
            while let row = try rows.next() { result[row["stage"]] = row["payload"] }
            return result
        }
    }

    /// One stage's output for `storeDocument`.
    struct StageOutput {
        var stage: String
        var cacheKey: String
        var outputHash: String
        var payload: Data
    }

    /// Stores a stage's output and clears an earlier failure of that stage.
    func storeOutput(_ docId: String, stage: String, cacheKey: String, outputHash: String, payload: Data) throws {
        try storeDocuments([DocumentWrite(docId: docId, content: nil, outputs: [
            StageOutput(stage: stage, cacheKey: cacheKey, outputHash: outputHash, payload: payload),
        ])])
    }

    /// What a pass learned of a document's file, for `storeDocument`: new content with the
    /// file's stamp, or (`raw` nil) only a new stamp for the same content.
    struct ContentWrite {
        var raw: RawDocument?
        /// nil when the file was too fresh to trust its stamp (`FileStamp.isSettled`).
        var fileStamp: FileStamp?
    }

    /// What one pass over a document made: its new content or file stamp and its stage outputs.
    struct DocumentWrite {
        var docId: String
        var content: ContentWrite?
        var outputs: [StageOutput]
    }

    /// Documents' new content or file stamps and their stage outputs, in one transaction; each
    /// output clears that stage's failure. A commit appends every page it changed to the log, and
    /// the documents of a chunk share their index pages, so one commit for the chunk writes those
    /// pages once rather than once for each document.
    func storeDocuments(_ writes: [DocumentWrite]) throws {
        guard !writes.isEmpty else { return }
        let now = Self.timestamp()
        try pool.write { db in
            // Cached statements: the SQL is parsed once per connection, not once per document.
            let stamp = try db.cachedStatement(sql: "UPDATE documents SET file_stamp = ? WHERE doc_id = ?")
            let insert = try db.cachedStatement(sql: """
                INSERT INTO outputs (doc_id, stage, cache_key, output_hash, payload, updated_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(doc_id, stage) DO UPDATE SET cache_key = excluded.cache_key, output_hash = excluded.output_hash,
                    payload = excluded.payload, updated_at = excluded.updated_at
                """)
            let clear = try db.cachedStatement(sql: "DELETE FROM failures WHERE doc_id = ? AND stage = ?")
            for write in writes {
                if let content = write.content, let raw = content.raw {
                    try Self.storeRaw(raw, etag: nil, lastModified: nil, fileStamp: content.fileStamp, at: now, in: db)
                } else if let content = write.content {
                    try stamp.execute(arguments: [content.fileStamp?.text, write.docId])
                }
                for output in write.outputs {
                    try insert.execute(arguments: [write.docId, output.stage, output.cacheKey, output.outputHash, output.payload, now])
                    try clear.execute(arguments: [write.docId, output.stage])
                }
            }
        }
    }

    /// Records a failure. The outputs and failures of `invalidated` stages (this one and those after
    /// it) are removed: they were computed from an input that no longer holds.
    func storeFailure(_ docId: String, source: String, stage: String, cacheKey: String, failure: StageFailure,
                      invalidated: [String]) throws {
        try pool.write { db in
            for name in invalidated {
                try db.execute(sql: "DELETE FROM outputs WHERE doc_id = ? AND stage = ?", arguments: [docId, name])
                try db.execute(sql: "DELETE FROM failures WHERE doc_id = ? AND stage = ?", arguments: [docId, name])
            }
            try db.execute(sql: """
                INSERT INTO failures (doc_id, stage, source, cache_key, code, message, failed_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(doc_id, stage) DO UPDATE SET source = excluded.source, cache_key = excluded.cache_key,
                    code = excluded.code, message = excluded.message, failed_at = excluded.failed_at
                """, arguments: [docId, stage, source, cacheKey, failure.code, failure.message, Self.timestamp()])
        }
    }

    // MARK: reading back for the tables

    struct ListedDocument {
        var docId: String
        var source: String
        var sha256: String?
        var size: Int?
    }

    func listedDocuments() throws -> [ListedDocument] {
        try pool.read { db in
            try GRDB.Row.fetchAll(db, sql: "SELECT doc_id, source, sha256, size FROM documents WHERE listed = 1 ORDER BY doc_id")
                .map { ListedDocument(docId: $0["doc_id"], source: $0["source"], sha256: $0["sha256"], size: $0["size"]) }
        }
    }

    struct FailureRow {
        var docId: String
        var source: String
        var stage: String
        var code: String
        var message: String
    }

    func failures(listedOnly: Bool = true) throws -> [FailureRow] {
        try pool.read { db in
            try GRDB.Row.fetchAll(db, sql: """
                SELECT f.doc_id, f.source, f.stage, f.code, f.message FROM failures f
                JOIN documents d ON d.doc_id = f.doc_id WHERE d.listed = 1 OR ? = 0
                """, arguments: [listedOnly ? 1 : 0])
                .map { FailureRow(docId: $0["doc_id"], source: $0["source"], stage: $0["stage"], code: $0["code"], message: $0["message"]) }
        }
    }

    func meta(_ key: String) throws -> String? {
        try pool.read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key]) }
    }

    func setMeta(_ key: String, _ value: String) throws {
        try setMeta([(key, value)])
    }

    /// Several entries that hold only together, in one transaction.
    func setMeta(_ entries: [(key: String, value: String)]) throws {
        try pool.write { db in
            for (key, value) in entries {
                try db.execute(sql: "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                               arguments: [key, value])
            }
        }
    }

    /// Now in UTC as ISO 8601 (`2025-01-31T08:15:27Z`, what ISO8601DateFormatter writes).
    /// Formatted by hand: a new ISO8601DateFormatter for every stored row cost more than the
    /// SQL, and one shared formatter would need a lock across the worker threads.
    static func timestamp() -> String {
        var seconds = time_t(Date().timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }
}

extension WorkStore {
    func clearFailure(_ docId: String, stage: String) throws {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM failures WHERE doc_id = ? AND stage = ?", arguments: [docId, stage])
        }
    }
}
