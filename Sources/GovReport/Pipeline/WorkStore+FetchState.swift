import Foundation
import GRDB

/// What the work store remembers of a URL's last good fetch, for the next conditional request.
struct FetchState: Sendable, Equatable {
    var etag: String?
    var lastModified: String?
    var sha256: String?
}

extension WorkStore {
    func fetchState(_ docId: String) throws -> FetchState? {
        try pool.read { db in
            try GRDB.Row.fetchOne(db, sql: """
                SELECT etag, last_modified, sha256 FROM documents WHERE doc_id = ? AND content IS NOT NULL
                """, arguments: [docId]).map { FetchState(etag: $0["etag"], lastModified: $0["last_modified"], sha256: $0["sha256"]) }
        }
    }

    /// After a 304 (or a 200 with the same bytes): the validators to send next time, and the
    /// fetch counts as good again (an earlier fetch failure is cleared).
    func storeValidators(_ docId: String, etag: String?, lastModified: String?) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE documents SET etag = ?, last_modified = ?, fetched_at = ? WHERE doc_id = ?",
                           arguments: [etag, lastModified, Self.timestamp(), docId])
            try db.execute(sql: "DELETE FROM failures WHERE doc_id = ? AND stage = 'fetch'", arguments: [docId])
        }
    }
}

extension WorkStore {
    /// The `source` recorded for a document at listing.
    func source(of docId: String) throws -> String? {
        try pool.read { db in try String.fetchOne(db, sql: "SELECT source FROM documents WHERE doc_id = ?", arguments: [docId]) }
    }
}
