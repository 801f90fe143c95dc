import Foundation
import GRDB
import Testing
@testable import GovReport

@Suite struct LogCheckpointerTests {
    private func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    /// A database with one table of blobs, and a checkpointer asking for a checkpoint at each 16
    /// pages (64 KiB) of log, attached to it.
    private func attachedStore(_ name: String = #function) throws -> (path: String, pool: DatabasePool, checkpointer: LogCheckpointer) {
        let path = try TestSupport.temporaryDirectory(name).appendingPathComponent("store.sqlite").path
        let pool = try DatabasePool(path: path)
        try pool.write { try $0.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY, payload BLOB NOT NULL)") }
        let checkpointer = try LogCheckpointer(path: path, pages: 16)
        checkpointer.attach(to: pool)
        return (path, pool, checkpointer)
    }

    /// 9.6 MB in 600 commits, with a checkpoint asked for at each 64 KiB of log.
    @Test func aSecondConnectionKeepsTheLogShortAndNothingIsLost() throws {
        let (path, pool, checkpointer) = try attachedStore()
        func payload(_ id: Int) -> Data { Data((0..<16_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ id) }) }
        var longestLog = 0
        for id in 0..<600 {
            try pool.write { try $0.execute(sql: "INSERT INTO t VALUES (?, ?)", arguments: [id, payload(id)]) }
            longestLog = max(longestLog, size(path + "-wal"))
        }
        checkpointer.detach(from: pool)

        #expect(checkpointer.checkpointsDone > 0)
        // The log starts over after each checkpoint that copied all of it. SQLite's own automatic
        // checkpoint would let it reach 4 MB (1,000 pages), and without any it would hold all 9.6 MB.
        #expect(longestLog > 0 && longestLog < 1_000_000)
        // Every row is in the database file itself once the log is copied.
        try pool.writeWithoutTransaction { _ = try $0.checkpoint(.truncate) }
        #expect(size(path) > 9_600_000)
        let rows = try pool.read { try Row.fetchAll($0, sql: "SELECT id, payload FROM t ORDER BY id") }
        #expect(rows.count == 600)
        #expect(rows.allSatisfy { ($0["payload"] as Data) == payload($0["id"]) })
    }

    /// After `detach` the writer checkpoints as SQLite does by itself, and the object can go.
    @Test func detachedCommitsAskForNothing() throws {
        let (_, pool, checkpointer) = try attachedStore()
        checkpointer.detach(from: pool)
        for id in 0..<50 {
            try pool.write { try $0.execute(sql: "INSERT INTO t VALUES (?, ?)", arguments: [id, Data(count: 16_000)]) }
        }
        #expect(checkpointer.checkpointsDone == 0)
        #expect(try pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM t") } == 50)
    }

    /// A store checkpoints beside its workers, or (a run with one job) in the committing thread
    /// every 64 MiB: SQLite reports its own automatic checkpoint only in the second case.
    @Test func aStoreForOneJobCheckpointsInTheCommittingThread() throws {
        func autocheckpoint(_ store: WorkStore) throws -> Int? {
            try store.pool.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA wal_autocheckpoint") }
        }
        let beside = try WorkStore(directory: TestSupport.temporaryDirectory("beside"))
        #expect(try autocheckpoint(beside) == 0)
        let inline = try WorkStore(directory: TestSupport.temporaryDirectory("inline"), checkpointsBeside: false)
        #expect(try autocheckpoint(inline) == Int(LogCheckpointer.defaultPages))
    }
}
