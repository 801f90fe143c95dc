import Foundation
import Testing
@testable import GovReport
#if canImport(Glibc)
import Glibc
#endif

/// The runner as a user meets it: the real binary over a copy of the samples.
@Suite(.serialized) struct RunnerTests {
    @Test func rerunWithNothingChangedProcessesNothingAndKeepsBytes() throws {
        let fixture = try PipelineFixture()
        let first = try fixture.run()
        #expect(first.status == 0, "\(first.stderr)")
        let firstBytes = try fixture.outputBytes()
        #expect(firstBytes.keys.contains("documents.csv.gz") && firstBytes.keys.contains("datapackage.json"))
        #expect(try fixture.report()["tables_written"] as? Bool == true)

        let second = try fixture.run()
        #expect(second.status == 0)
        for stage in StageRegistry.names where stage != "write" {
            #expect(try fixture.counts(stage)["processed"] == 0, "stage \(stage) redid work")
        }
        #expect(try fixture.counts("write")["cached"] == 1)
        #expect(try fixture.report()["tables_written"] as? Bool == false)
        #expect(try fixture.outputBytes() == firstBytes)

        // Forcing redoes everything and still gives the same bytes.
        #expect(try fixture.run(["--force"]).status == 0)
        #expect(try fixture.counts("decode")["processed"] == (try fixture.table("documents")).count)
        #expect(try fixture.outputBytes() == firstBytes)
    }

    @Test func onlyStripRedoesStripAndTheTables() throws {
        let fixture = try PipelineFixture()
        #expect(try fixture.run().status == 0)
        let documents = try fixture.table("documents").count
        #expect(try fixture.run(["--only", "strip"]).status == 0)
        #expect(try fixture.counts("fetch") == ["processed": 0, "cached": documents, "failed": 0, "not_run": 0])
        #expect(try fixture.counts("decode")["cached"] == documents)
        #expect(try fixture.counts("strip")["processed"] == documents)
        #expect(try fixture.counts("normalize")["processed"] == 0)
        #expect(try fixture.counts("normalize")["not_run"] == documents)
        #expect(try fixture.counts("write")["processed"] == 1)
    }

    @Test func fromExtractRedoesNothingBeforeExtract() throws {
        let fixture = try PipelineFixture()
        #expect(try fixture.run().status == 0)
        let documents = try fixture.table("documents").count
        #expect(try fixture.run(["--from", "extract"]).status == 0)
        for stage in ["fetch", "decode", "strip", "normalize", "segment"] {
            #expect(try fixture.counts(stage)["processed"] == 0, "stage \(stage) was redone")
        }
        #expect(try fixture.counts("extract")["processed"] == documents)
    }

    /// A PNG image, a page cut off mid-tag and an empty file, under extra/.
    private static func brokenInputs() -> [String: Data] {
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 { png.append(UInt8.random(in: 0...255, using: &generator)) }
        let truncated = Data("""
            <html><head><title>柳湾街道2023年法治政府建设情况报告_清河区人民政府</title></head><body>
            <div class="nav"><a href="/">首页</a><a href="/zwgk">政务公开</a></div>
            <div class="content"><p>2023年，柳湾街道坚持以习近平法治思想为指导，统筹推进依法决策、严格执法和矛盾纠纷化解，现将有关情况报告如下：</p>
            <p>一、主要举措和成效。全年共办理行政复议案件5件，行政诉讼案件2件，均按期答复；组织干部参加学法考试，参考率百分之百。</p>
            <p>二、存在的不足。基层执法力量仍显薄弱，部分干部运用法治思维解决问题的能力有待提升。</p><p class="x
            """.utf8)
        return ["extra/logo.html": Data(png), "extra/truncated.html": truncated, "extra/empty.txt": Data()]
    }

    @Test func brokenInputsGetErrorRowsAndTheRestIsWritten() throws {
        let fixture = try PipelineFixture(extraFiles: Self.brokenInputs())
        let result = try fixture.run()
        #expect(result.status == 2, "\(result.stderr)")
        let errors = try fixture.table("errors")
        let codes = Dictionary(uniqueKeysWithValues: errors.map { ($0["source"] ?? "", $0["code"] ?? "") })
        #expect(codes["extra/logo.html"] == "decode.binary")
        #expect(codes["extra/empty.txt"] == "decode.empty")
        #expect(errors.allSatisfy { !($0["message"] ?? "").isEmpty })
        let documents = try fixture.table("documents")
        let samples = documents.filter { ($0["source"] ?? "").hasPrefix("samples/") }
        #expect(!samples.isEmpty && samples.allSatisfy { $0["status"] == "ok" })
        #expect(documents.first { $0["source"] == "extra/logo.html" }?["status"] == "failed")
        // The truncated page still yields its article.
        let truncatedId = documents.first { $0["source"] == "extra/truncated.html" }?["doc_id"] ?? ""
        let paragraphs = try fixture.table("paragraphs").filter { $0["doc_id"] == truncatedId }
        #expect(paragraphs.contains { ($0["text"] ?? "").contains("行政复议案件5件") })
        let report = try fixture.report()
        #expect(report["exit_status"] as? Int == 2)
        // With --log-format json every stderr line is one JSON object, as a cron log wants it.
        let lines = result.stderr.split(separator: "\n")
        let objects = lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String] }
        #expect(!lines.isEmpty && objects.count == lines.count, "\(result.stderr)")
        #expect(objects.contains { $0["level"] == "warning" && $0["logger"] == "govreport"
            && ($0["message"] ?? "").contains("extra/logo.html: decode.binary") && $0["time"] != nil }, "\(result.stderr)")
    }

    /// Workers take documents in chunks and run each stage over the whole chunk before the next
    /// stage. With one job the 15 documents here go in chunks of 3, the last holding the two
    /// broken files and the truncated page; with two jobs, one document at a time. Both give the
    /// same tables and the same counts.
    @Test func aChunkMixingFailingAndGoodDocumentsGivesWhatOneAtATimeGives() throws {
        let fixture = try PipelineFixture(extraFiles: Self.brokenInputs())
        let chunked = try fixture.run(["--jobs", "1"])
        #expect(chunked.status == 2, "\(chunked.stderr)")
        let bytes = try fixture.outputBytes()
        let counts = try StageRegistry.names.map { try fixture.counts($0) }
        #expect(counts[1] == ["processed": 13, "cached": 0, "failed": 2, "not_run": 0])
        #expect(try fixture.table("errors").map { $0["code"] ?? "" }.sorted() == ["decode.binary", "decode.empty"])

        let single = try fixture.run(["--force", "--jobs", "2"])
        #expect(single.status == 2, "\(single.stderr)")
        #expect(try fixture.outputBytes() == bytes)
        #expect(try StageRegistry.names.map { try fixture.counts($0) } == counts)
    }

    @Test func aHeldLockStopsASecondRunNamingTheHolder() throws {
        let fixture = try PipelineFixture(stages: ["fetch", "write"])
        let work = fixture.root.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let fd = open(work.appendingPathComponent("govreport.lock").path, O_RDWR | O_CREAT, 0o644)
        defer { close(fd) }
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
        _ = "424242\n".withCString { pwrite(fd, $0, 7, 0) }
        let result = try fixture.run()
        #expect(result.status == 1)
        #expect(result.stderr.contains("424242"))
        #expect(!FileManager.default.fileExists(atPath: fixture.out.appendingPathComponent("documents.csv.gz").path))
        flock(fd, LOCK_UN)
        #expect(try fixture.run().status == 0)
    }

    @Test func validateExits64AndNamesThePaths() throws {
        let dir = try TestSupport.temporaryDirectory()
        try TestSupport.write(#"{"sources":[{"type":"files","paths":["none/*.html"]}],"stages":[{"type":"fetch","maxbytes":1}]}"#,
                              to: dir.appendingPathComponent("bad.json"))
        let result = try TestSupport.govreport(["validate", "--config", "bad.json"], in: dir)
        #expect(result.status == 64)
        #expect(result.stderr.contains("$.sources[0].paths[0]"))
        #expect(result.stderr.contains("$.stages[0].maxbytes"))
        let run = try TestSupport.govreport(["run", "--config", "bad.json"], in: dir)
        #expect(run.status == 1)
        let ok = try TestSupport.govreport(["validate", "--config", "pipeline.json"], in: TestSupport.repositoryRoot)
        #expect(ok.status == 0, "\(ok.stderr)")
    }

    @Test func stagesListsEveryOptionWithItsDefault() throws {
        let result = try TestSupport.govreport(["stages"], in: TestSupport.repositoryRoot)
        #expect(result.status == 0)
        for stage in StageRegistry.all {
            #expect(result.stdout.contains("\(stage.name):"))
            for field in stage.fields { #expect(result.stdout.contains(field.name)) }
        }
        #expect(result.stdout.contains("maxBytes  (integer) = 20000000"))
    }
}
