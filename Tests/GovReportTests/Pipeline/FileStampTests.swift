import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GRDB
import Testing
@testable import GovReport

/// A rerun does not read or hash a file whose stat is as it was when its content was stored;
/// a file that changed is read again whatever its modification time says.
@Suite struct FileStampTests {
    @Test func stampsRoundTripThroughTheirTextAndCompareEveryField() throws {
        let stamp = FileStamp(size: 9088, modifiedNanoseconds: 1_700_000_000_123_456_789,
                              changedNanoseconds: 1_700_000_001_000_000_000, inode: 131_077, device: 2049)
        #expect(FileStamp(text: stamp.text) == stamp)
        #expect(FileStamp(text: "9088:1:2:3") == nil)
        #expect(FileStamp(text: "a:1:2:3:4") == nil)
        var other = stamp
        other.changedNanoseconds += 1
        #expect(other != stamp)
    }

    @Test func aFreshlyWrittenFileIsNotSettled() throws {
        let folder = try TestSupport.temporaryDirectory()
        let file = folder.appendingPathComponent("page.html")
        try TestSupport.write("<p>报告</p>", to: file)
        let stamp = try #require(FileStamp.of(file.path))
        #expect(stamp.size == Int64("<p>报告</p>".utf8.count))
        #expect(!stamp.isSettled(at: Date()))
        #expect(stamp.isSettled(at: Date().addingTimeInterval(3)))
        #expect(FileStamp.of(folder.path) == nil)
        #expect(FileStamp.of(folder.appendingPathComponent("missing.html").path) == nil)
    }

    @Test func aRerunSkipsUnchangedFilesAndRereadsAChangedOneWithItsOldModificationTime() throws {
        let fixture = try PipelineFixture()
        // Files written less than two seconds before they are read get no stamp (racy).
        Thread.sleep(forTimeInterval: 2.2)
        try fixture.run()
        let listed = try fixture.counts("fetch")["processed"] ?? 0
        #expect(listed >= 12)
        let stamps = try DatabaseQueue(path: fixture.root.appendingPathComponent("work/govreport.sqlite").path).read { db in
            try Int.fetchOne(db, sql: "SELECT count(file_stamp) FROM documents WHERE content IS NOT NULL") ?? 0
        }
        #expect(stamps == listed)

        try fixture.run()
        #expect(try fixture.counts("fetch") == ["processed": 0, "cached": listed, "failed": 0, "not_run": 0])

        func count(_ figure: String) throws -> Int {
            try fixture.table("paragraphs").filter { $0["text"]?.contains(figure) == true }.count
        }
        let (with600, with700) = (try count("600余人"), try count("700余人"))
        // Same size, same modification time, different figure: the status-change time tells.
        // Written in place (same inode) and the modification time put back to the nanosecond,
        // as `touch -d` or a copy that keeps times would.
        let file = fixture.root.appendingPathComponent("samples/text/taoyuan-street-2022-lines.txt")
        var before = stat()
        #expect(stat(file.path, &before) == 0)
        let text = try String(contentsOf: file, encoding: .utf8)
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data(text.replacingOccurrences(of: "600余人", with: "700余人").utf8))
        try handle.close()
        var times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, file.path, &times, 0) == 0)
        var after = stat()
        #expect(stat(file.path, &after) == 0)
        #expect(after.st_ino == before.st_ino && after.st_size == before.st_size)
        #expect(after.st_mtim.tv_sec == before.st_mtim.tv_sec && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec)
        try fixture.run()
        #expect(try fixture.counts("fetch")["processed"] == 1)
        #expect(try count("600余人") == with600 - 1)
        #expect(try count("700余人") == with700 + 1)

        // --force reads every file again.
        try fixture.run(["--force"])
        #expect(try fixture.counts("fetch")["processed"] == listed)
    }
}
