import Foundation
import GRDB
import GRDBSQLite

/// Copies the work store's write-ahead log back into the database on a thread of its own.
///
/// SQLite's own automatic checkpoint runs inside the commit that fills the log: the committing
/// thread copies the log and waits for two fsyncs while it holds the store's one writer, so the
/// workers stop (with two jobs, both: the other waits to commit). Here a commit only notes how
/// full the log is (`sqlite3_wal_hook`, the hook SQLite's automatic checkpoint is built on), and a
/// second connection runs a passive checkpoint, which never blocks the writer or a reader.
///
/// A passive checkpoint copies the log up to where it stood when it began, and the log starts
/// over with the first commit after a checkpoint that copied all of it. A commit made during a
/// checkpoint leaves the log above `pages`, so the next commit asks for another, which has only
/// that much to copy. Should the log still grow past `limitPages` (checkpoints slower than the
/// writes), the committing thread waits and checkpoints, as with SQLite's automatic checkpoint.
final class LogCheckpointer: @unchecked Sendable {
    /// Log pages (4 KiB) above which a checkpoint is asked for: 64 MiB, as the committing thread
    /// checkpoints in a run with one job (fewer, larger checkpoints; a full run writes gigabytes).
    static let defaultPages: Int32 = 16_384

    let pages: Int32
    let limitPages: Int32
    private let connection: DatabaseQueue
    private let queue = DispatchQueue(label: "govreport.store-checkpoint")
    // Guarded by `lock`: whether a checkpoint is queued or running, and how many have run here.
    private let lock = NSLock()
    private var running = false
    private var done = 0

    init(path: String, pages: Int32 = LogCheckpointer.defaultPages) throws {
        self.pages = pages
        limitPages = pages * 8
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        connection = try DatabaseQueue(path: path, configuration: configuration)
    }

    /// Makes `pool`'s writer report its commits here instead of checkpointing itself.
    func attach(to pool: DatabasePool) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        pool.writeWithoutTransaction { db in
            _ = sqlite3_wal_hook(db.sqliteConnection, { context, connection, _, logPages in
                let checkpointer = Unmanaged<LogCheckpointer>.fromOpaque(context!).takeUnretainedValue()
                return checkpointer.committed(logPages: logPages, on: connection)
            }, context)
        }
    }

    /// Undoes `attach` and waits for a checkpoint under way: after it, this object may go.
    func detach(from pool: DatabasePool) {
        pool.writeWithoutTransaction { db in _ = sqlite3_wal_hook(db.sqliteConnection, nil, nil) }
        queue.sync {}
    }

    /// On the writer's thread, after each commit, with the log's length in pages.
    private func committed(logPages: Int32, on writer: OpaquePointer?) -> Int32 {
        guard logPages >= pages else { return SQLITE_OK }
        if logPages >= limitPages {
            // Checkpoints are not keeping up with the writes: this commit waits for the one under
            // way and copies the rest itself, as without this object, so that the next commit
            // starts the log over.
            queue.sync {}
            sqlite3_wal_checkpoint_v2(writer, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
            return SQLITE_OK
        }
        let start = lock.withLock {
            defer { running = true }
            return !running
        }
        if start { queue.async { self.checkpoint() } }
        return SQLITE_OK
    }

    private func checkpoint() {
        // A failure (the disk full, say) leaves the log to the checkpoint the next commit asks for.
        _ = try? connection.writeWithoutTransaction { db in try db.checkpoint(.passive) }
        lock.withLock {
            running = false
            done += 1
        }
    }

    /// Checkpoints run on this object's thread so far.
    var checkpointsDone: Int { lock.withLock { done } }
}
