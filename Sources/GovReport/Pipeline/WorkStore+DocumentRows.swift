import Crypto
import Foundation
import GRDB

/// What the tables are built from, and each document's part of them as the write stage last made
/// it. A document's rows are made again only when something they are made from has changed, so a
/// rerun of extract whose outputs come out the same (an analyst's rule change touches a few
/// reports) re-encodes none of the other documents' rows.
extension WorkStore {
    /// The hash of everything the tables are built from (`tables.state`), each listed
    /// document's share of it (the key its stored rows must carry to be used), and each table's.
    struct TableInputs {
        var fingerprint: String
        var documentKeys: [String: String]
        /// By table name: what that table's rows are made from, over all documents.
        var tableKeys: [String: String]
    }

    /// One line per listed document stage and per failure goes into the whole hash, in doc_id
    /// order; a document's key hashes `writeFingerprint`, its own lines, its size and its
    /// failures' sources (shown in the errors table). A table's key hashes `writeFingerprint`,
    /// then for every listed document its identity, the lines of the stages the table reads
    /// (`tables`: name → stages) and its failures.
    /// Without `keys`, the whole hash alone (a rerun with nothing to write needs no more).
    func tableInputs(writeFingerprint: String, tables: [String: Set<String>] = [:], keys: Bool = true) throws -> TableInputs {
        try pool.read { db in
            let primer = Array((writeFingerprint + "\n").utf8)
            /// A document's or a table's hasher, primed with the write's fingerprint.
            func primed() -> SHA256 {
                var hasher = SHA256()
                hasher.update(data: primer)
                return hasher
            }
            // Lines are gathered in buffers and hashed a buffer at a time: one update per line and
            // hasher (up to six a row) and reading the columns by name were most of this read's
            // time, half a second over 20,000 documents. The hashes are those of the same lines.
            var whole = BufferedHash(SHA256())
            let tableList = Array(tables)
            var tableHashers = tableList.map { _ in BufferedHash(primed()) }
            var documents: [String: SHA256] = [:]
            /// `line` made of the fields, tab-separated, after the prefix.
            func setLine(_ line: inout [UInt8], _ fields: [String?], prefix: String = "") {
                line.removeAll(keepingCapacity: true)
                line.append(contentsOf: prefix.utf8)
                for (index, field) in fields.enumerated() {
                    if index > 0 { line.append(UInt8(ascii: "\t")) }
                    line.append(contentsOf: (field ?? "").utf8)
                }
                line.append(UInt8(ascii: "\n"))
            }
            // Fed to the hashes row by row (holding every line at once grew the run's memory
            // with the number of documents: 85 MB at 20,000).
            let rows = try GRDB.Row.fetchCursor(db, sql: Self.tableInputRowsSQL)
            // The current document and its lines, hashed whole when the next document starts.
            var current: (docId: String, lines: [UInt8])?
            var line: [UInt8] = []
            func finishDocument() {
                guard let current else { return }
                var hasher = primed()
                hasher.update(data: current.lines)
                documents[current.docId] = hasher
            }
            while let row = try rows.next() {
                let docId: String = row[0]
                let source: String? = row[1], sha256: String? = row[2], stage: String? = row[4]
                setLine(&line, [docId, source, sha256, stage, row[5]])
                whole.append(line)
                guard keys else { continue }
                if current?.docId != docId {
                    finishDocument()
                    var identity: [UInt8] = []
                    setLine(&identity, [docId, source, sha256, (row[3] as Int?).map(String.init)], prefix: "D\t")
                    current = (docId, identity)
                    for index in tableHashers.indices { tableHashers[index].append(identity) }
                }
                current!.lines.append(contentsOf: line)
                if let stage {
                    for index in tableHashers.indices where tableList[index].value.contains(stage) { tableHashers[index].append(line) }
                }
            }
            finishDocument()
            let failures = try GRDB.Row.fetchCursor(db, sql: """
                SELECT f.doc_id, f.stage, f.code, f.message, f.source FROM failures f JOIN documents d ON d.doc_id = f.doc_id
                WHERE d.listed = 1 ORDER BY f.doc_id, f.stage
                """)
            while let row = try failures.next() {
                let docId: String = row[0]
                let stage: String? = row[1], code: String? = row[2], message: String? = row[3]
                setLine(&line, [docId, stage, code, message], prefix: "F\t")
                whole.append(line)
                guard keys else { continue }
                setLine(&line, [docId, stage, code, message, row[4]], prefix: "F\t")
                documents[docId, default: primed()].update(data: line)
                for index in tableHashers.indices { tableHashers[index].append(line) }
            }
            var tableKeys: [String: String] = [:]
            for (table, hasher) in zip(tableList, tableHashers) { tableKeys[table.key] = hexDigest(hasher.finalize()) }
            return TableInputs(fingerprint: hexDigest(whole.finalize()),
                               documentKeys: documents.mapValues { hexDigest($0.finalize()) },
                               tableKeys: tableKeys)
        }
    }

    /// `tableInputs`' whole hash alone.
    func tablesFingerprint() throws -> String {
        try tableInputs(writeFingerprint: "", keys: false).fingerprint
    }

    /// A document's rows as last made: the key they were made under and their bytes.
    struct StoredRows {
        var key: String
        var payload: Data
    }

    /// The stored rows of a few documents in one read.
    func documentRows(_ docIds: [String]) throws -> [String: StoredRows] {
        guard !docIds.isEmpty else { return [:] }
        return try pool.read { db in
            var result: [String: StoredRows] = [:]
            let rows = try GRDB.Row.fetchCursor(db.cachedStatement(sql: """
                SELECT doc_id, rows_key, payload FROM document_rows WHERE doc_id IN (\(databaseQuestionMarks(count: docIds.count)))
                """), arguments: StatementArguments(docIds))
            while let row = try rows.next() {
                result[row["doc_id"]] = StoredRows(key: row["rows_key"], payload: row["payload"])
            }
            return result
        }
    }

    /// Keeps newly made rows, all in one transaction.
    func storeDocumentRows(_ rows: [(docId: String, rows: StoredRows)]) throws {
        guard !rows.isEmpty else { return }
        try pool.write { db in
            let upsert = try db.cachedStatement(sql: """
                INSERT INTO document_rows (doc_id, rows_key, payload) VALUES (?, ?, ?)
                ON CONFLICT(doc_id) DO UPDATE SET rows_key = excluded.rows_key, payload = excluded.payload
                """)
            for row in rows {
                try upsert.execute(arguments: [row.docId, row.rows.key, row.rows.payload])
            }
        }
    }

    /// Drops the rows of documents no longer listed.
    func pruneDocumentRows() throws {
        try pool.write { db in
            try db.execute(sql: """
                DELETE FROM document_rows WHERE doc_id NOT IN (SELECT doc_id FROM documents WHERE listed = 1)
                """)
        }
    }
}

/// A SHA-256 fed by the buffer: the same digest as updating with each piece, in fewer updates.
private struct BufferedHash {
    private var hasher: SHA256
    private var buffer: [UInt8] = []

    init(_ hasher: SHA256) {
        self.hasher = hasher
        buffer.reserveCapacity(1 << 16)
    }

    mutating func append(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 {
            hasher.update(data: buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }

    func finalize() -> SHA256.Digest {
        var hasher = hasher
        hasher.update(data: buffer)
        return hasher.finalize()
    }
}
