import Foundation
import Testing
@testable import GovReport

@Suite struct AtomicOutputSetTests {
    static let previous: [String: String] = [
        "documents.csv": "doc_id,title\nold1,临河区2022年法治政府建设情况报告\n",
        "metrics.csv": "doc_id,metric_id,value\nold1,1,300\n",
    ]

    /// An output directory holding a previous run's files.
    func directoryWithPreviousOutputs() throws -> TablesScratchDirectory {
        let dir = try TablesScratchDirectory()
        for (name, text) in Self.previous {
            try Data(text.utf8).write(to: dir.file(name))
        }
        return dir
    }

    func expectPreviousOutputsIntact(_ dir: TablesScratchDirectory) throws {
        #expect(try dir.names() == Self.previous.keys.sorted())
        for (name, text) in Self.previous {
            #expect(String(decoding: try dir.read(name), as: UTF8.self) == text)
        }
    }

    @Test func commitReplacesTheSetAndCleansUp() throws {
        let dir = try directoryWithPreviousOutputs()
        defer { dir.remove() }
        var set = try AtomicOutputSet(outputDirectory: dir.url)
        #expect(FileManager.default.fileExists(atPath: dir.file(".govreport-staging").path))
        try set.addFile(named: "documents.csv", contents: Array("doc_id,title\nnew1,临河区2023年法治政府建设情况报告\n".utf8))
        try set.addFile(named: "errors.csv") { file in
            try file.write(Array("doc_id,stage,code\n".utf8))
            try file.write(Array("new2,decode,decode.binary\n".utf8))
        }
        try set.commit()
        #expect(try dir.names() == ["documents.csv", "errors.csv", "metrics.csv"])
        #expect(String(decoding: try dir.read("documents.csv"), as: UTF8.self).contains("new1"))
        #expect(String(decoding: try dir.read("errors.csv"), as: UTF8.self) == "doc_id,stage,code\nnew2,decode,decode.binary\n")
    }

    @Test func committedStagingIsRolledForward() throws {
        let dir = try directoryWithPreviousOutputs()
        defer { dir.remove() }
        // A run killed halfway through the renames: documents.csv already moved, metrics.csv not.
        let staging = dir.file(".govreport-staging")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        try Data("doc_id,title\nnew1,新报告\n".utf8).write(to: dir.file("documents.csv"))
        try Data("doc_id,metric_id,value\nnew1,1,4000000\n".utf8).write(to: staging.appendingPathComponent("metrics.csv"))
        try Data("documents.csv\nmetrics.csv\n".utf8).write(to: staging.appendingPathComponent("COMMIT"))

        let outcome = try AtomicOutputSet.recover(outputDirectory: dir.url)
        #expect(outcome == .rolledForward(["documents.csv", "metrics.csv"]))
        #expect(try dir.names() == ["documents.csv", "metrics.csv"])
        #expect(String(decoding: try dir.read("metrics.csv"), as: UTF8.self) == "doc_id,metric_id,value\nnew1,1,4000000\n")
        #expect(String(decoding: try dir.read("documents.csv"), as: UTF8.self) == "doc_id,title\nnew1,新报告\n")
        #expect(try AtomicOutputSet.recover(outputDirectory: dir.url) == .clean)
    }

    @Test func uncommittedStagingIsDiscardedWhenTheNextRunStarts() throws {
        let dir = try directoryWithPreviousOutputs()
        defer { dir.remove() }
        // Killed while staging: a partial file and a journal that never got renamed.
        let staging = dir.file(".govreport-staging")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        try Data("doc_id,metric_id,val".utf8).write(to: staging.appendingPathComponent("metrics.csv"))
        try Data("documents.csv\nmetr".utf8).write(to: staging.appendingPathComponent("COMMIT.tmp"))

        let set = try AtomicOutputSet(outputDirectory: dir.url)  // recovers first
        #expect(try FileManager.default.contentsOfDirectory(atPath: staging.path).isEmpty)
        set.abort()
        try expectPreviousOutputsIntact(dir)
    }

    @Test func aFailureWhileStagingLeavesThePreviousOutputs() throws {
        let dir = try directoryWithPreviousOutputs()
        defer { dir.remove() }
        struct DiskFull: Error {}
        func run() throws {
            var set = try AtomicOutputSet(outputDirectory: dir.url)
            try set.addFile(named: "documents.csv", contents: Array("doc_id\nnew1\n".utf8))
            try set.addFile(named: "metrics.csv") { file in
                try file.write(Array("doc_id,metric_id\n".utf8))
                throw DiskFull()
            }
            try set.commit()
        }
        #expect(throws: DiskFull.self) { try run() }
        try expectPreviousOutputsIntact(dir)
    }

    @Test(.enabled(if: geteuid() != 0, "root ignores directory permissions"))
    func aReadOnlyDirectoryFailsClearlyAndKeepsThePreviousOutputs() throws {
        let dir = try directoryWithPreviousOutputs()
        defer { dir.remove() }
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: dir.url.path)
        do {
            _ = try AtomicOutputSet(outputDirectory: dir.url)
            Issue.record("staging in a read-only directory succeeded")
        } catch let error as OutputError {
            #expect(error.description.contains(dir.url.standardizedFileURL.path))
            #expect(error.description.contains("not writable"))
        }
        try expectPreviousOutputsIntact(dir)
    }

    @Test func anOutputPathThatIsAFileFailsClearly() throws {
        let dir = try TablesScratchDirectory()
        defer { dir.remove() }
        try Data("not a directory".utf8).write(to: dir.file("out"))
        #expect {
            _ = try AtomicOutputSet(outputDirectory: dir.file("out"))
        } throws: { error in
            "\(error)".contains("out") && "\(error)".contains("not a directory")
        }
        #expect {
            _ = try AtomicOutputSet(outputDirectory: dir.file("out").appendingPathComponent("tables"))
        } throws: { error in
            "\(error)".contains("cannot create output directory")
        }
    }

    @Test func namesAreCheckedAndUnique() throws {
        let dir = try TablesScratchDirectory()
        defer { dir.remove() }
        var set = try AtomicOutputSet(outputDirectory: dir.url)
        for bad in ["", "../documents.csv", "sub/metrics.csv", ".hidden", "COMMIT"] {
            #expect(throws: OutputError.self) { try set.addFile(named: bad, contents: [UInt8]()) }
        }
        try set.addFile(named: "documents.csv", contents: [UInt8]())
        #expect(throws: OutputError.self) { try set.addFile(named: "documents.csv", contents: [UInt8]()) }
        set.abort()
        #expect(try dir.names() == [])
    }

    @Test func atomicFileReplacesInOneStep() throws {
        let dir = try TablesScratchDirectory()
        defer { dir.remove() }
        let target = dir.file("run-report.json")
        try AtomicFile.write("{\"documents\": 12}\n", to: target)
        try AtomicFile.write("{\"documents\": 13}\n", to: target)
        #expect(String(decoding: try dir.read("run-report.json"), as: UTF8.self) == "{\"documents\": 13}\n")
        #expect(try dir.names() == ["run-report.json"])
    }
}
