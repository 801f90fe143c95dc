import Foundation
import GRDB
import Testing
@testable import GovReport

/// The write stage redoes only what changed: a table whose inputs are the same stays the file it
/// was, and a document whose outputs are the same has its rows taken from the work store. Every
/// case ends with the bytes a fresh full run gives. The real binary over a copy of the samples.
@Suite(.serialized) struct IncrementalWriteTests {
    private static let tableNames = TablesWriter.tables.map(\.name)

    private func stamps(_ fixture: PipelineFixture) throws -> [String: FileStamp] {
        var result: [String: FileStamp] = [:]
        for name in Self.tableNames {
            let stamp = try #require(FileStamp.of(fixture.out.appendingPathComponent("\(name).csv.gz").path))
            result[name] = stamp
        }
        return result
    }

    private func tableCounts(_ fixture: PipelineFixture) throws -> [String: Int] {
        try fixture.report()["tables"] as? [String: Int] ?? [:]
    }

    /// The documents' statuses in the last run report.
    private func statuses(_ fixture: PipelineFixture) throws -> [String: Int] {
        let documents = try fixture.report()["documents"] as? [String: Int] ?? [:]
        return documents.filter { ["ok", "empty", "failed", "stale"].contains($0.key) }
    }

    /// The samples with the project's taxonomy, so that extract's outputs depend on it.
    private func fixtureWithTaxonomy(_ name: String = #function, taxonomy: Data) throws -> PipelineFixture {
        let fixture = try PipelineFixture(name: name)
        try taxonomy.write(to: fixture.root.appendingPathComponent("indicators.json"))
        let config = """
        {"sources": [{"type": "files", "paths": ["samples/pages/*.html", "samples/text/*.txt"]}],
         "stages": [{"type": "fetch"}, {"type": "decode"}, {"type": "strip"}, {"type": "normalize"}, {"type": "segment"},
                    {"type": "extract", "indicators": "indicators.json"}, {"type": "write"}]}
        """
        try TestSupport.write(config, to: fixture.root.appendingPathComponent("pipeline.json"))
        return fixture
    }

    @Test func theTablesAreTheSameWithAnyNumberOfJobs() throws {
        let fixture = try PipelineFixture()
        #expect(try fixture.run(["--jobs", "1"]).status == 0)
        let oneJob = try fixture.outputBytes()
        #expect(try tableCounts(fixture)["metrics"] ?? 0 > 50)
        for arguments in [["--only", "write", "--force", "--jobs", "3"], ["--force", "--jobs", "2"]] {
            let again = try fixture.run(arguments)
            #expect(again.status == 0, "\(again.stderr)")
            #expect(try fixture.outputBytes() == oneJob, "\(arguments)")
        }
    }

    @Test func fromExtractWithTheSameOutputsKeepsEveryTableFile() throws {
        let fixture = try PipelineFixture()
        #expect(try fixture.run().status == 0)
        let firstBytes = try fixture.outputBytes()
        let firstStamps = try stamps(fixture)
        let firstCounts = try tableCounts(fixture)
        let firstStatuses = try statuses(fixture)
        #expect(firstCounts["paragraphs"] ?? 0 > 100 && firstCounts["metrics"] ?? 0 > 50)

        let again = try fixture.run(["--from", "extract"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try fixture.counts("extract")["processed"] == firstCounts["documents"])
        #expect(try stamps(fixture) == firstStamps, "a table file was written again")
        #expect(again.stderr.contains("unchanged, kept as they were"))
        #expect(try tableCounts(fixture) == firstCounts)
        #expect(firstStatuses["ok"] ?? 0 > 0)
        #expect(try statuses(fixture) == firstStatuses)
        #expect(try fixture.outputBytes() == firstBytes)

        // A table file removed or replaced by hand since is written again, the others stay.
        let paragraphs = fixture.out.appendingPathComponent("paragraphs.csv.gz")
        let metrics = fixture.out.appendingPathComponent("metrics.csv.gz")
        try FileManager.default.removeItem(at: paragraphs)
        let copy = fixture.root.appendingPathComponent("metrics-copy.csv.gz")
        try FileManager.default.copyItem(at: metrics, to: copy)
        try FileManager.default.removeItem(at: metrics)
        try FileManager.default.moveItem(at: copy, to: metrics)
        #expect(try fixture.run(["--from", "extract"]).status == 0)
        let after = try stamps(fixture)
        for name in Self.tableNames {
            if name == "paragraphs" || name == "metrics" {
                #expect(after[name] != firstStamps[name], "\(name) was not written again")
            } else {
                #expect(after[name] == firstStamps[name], "\(name) was written again")
            }
        }
        #expect(try tableCounts(fixture) == firstCounts)
        #expect(try fixture.outputBytes() == firstBytes)

        // --force writes every table again, with the same bytes.
        #expect(try fixture.run(["--force"]).status == 0)
        #expect(try stamps(fixture).allSatisfy { name, stamp in stamp != after[name] })
        #expect(try fixture.outputBytes() == firstBytes)
    }

    @Test func aTaxonomyEditRewritesTheTablesExtractMakesAndGivesTheFreshRunsBytes() throws {
        let original = try Data(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("indicators.json"))
        var taxonomy = try #require(try JSONSerialization.jsonObject(with: original) as? [String: Any])
        let indicators = try #require(taxonomy["indicators"] as? [Any])
        taxonomy["indicators"] = Array(indicators.dropFirst(indicators.count / 2))
        let edited = try JSONSerialization.data(withJSONObject: taxonomy, options: [.sortedKeys])

        let fixture = try fixtureWithTaxonomy(taxonomy: original)
        #expect(try fixture.run().status == 0)
        let before = try stamps(fixture)
        let beforeIndicators = try fixture.table("indicators").count
        try edited.write(to: fixture.root.appendingPathComponent("indicators.json"))
        let rerun = try fixture.run(["--from", "extract"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let after = try stamps(fixture)
        // Segment's outputs did not change: its tables stay; extract's are written again.
        #expect(after["paragraphs"] == before["paragraphs"] && after["sections"] == before["sections"])
        #expect(after["metrics"] != before["metrics"] && after["indicators"] != before["indicators"])
        #expect(try fixture.table("indicators").count < beforeIndicators)

        let fresh = try fixtureWithTaxonomy(taxonomy: edited)
        #expect(try fresh.run().status == 0)
        #expect(try fixture.outputBytes() == fresh.outputBytes())
        #expect(try tableCounts(fixture) == tableCounts(fresh))
    }

    @Test func aChangedDocumentHasItsRowsMadeAgainAndTheOthersAreTakenAsKept() throws {
        let fixture = try PipelineFixture()
        #expect(try fixture.run().status == 0)
        let documents = try fixture.table("documents").count
        let sample = "samples/text/taoyuan-street-2022-lines.txt"
        let url = fixture.root.appendingPathComponent(sample)
        try (try String(contentsOf: url, encoding: .utf8) + "\n全年共受理行政复议案件17件。\n").write(to: url, atomically: true, encoding: .utf8)
        let rerun = try fixture.run()
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.stderr.contains("the rows of \(documents - 1) unchanged documents taken from the work store"), "\(rerun.stderr)")
        #expect(try fixture.table("metrics").contains { $0["raw"] == "17件" })

        // A fresh project with the same edit gives the same bytes.
        let fresh = try PipelineFixture()
        let freshURL = fresh.root.appendingPathComponent(sample)
        try (try String(contentsOf: freshURL, encoding: .utf8) + "\n全年共受理行政复议案件17件。\n").write(to: freshURL, atomically: true, encoding: .utf8)
        #expect(try fresh.run().status == 0)
        #expect(try fixture.outputBytes() == fresh.outputBytes())
    }

    @Test func keptRowsThatCannotBeReadAreMadeAgain() throws {
        let fixture = try PipelineFixture()
        #expect(try fixture.run().status == 0)
        let firstBytes = try fixture.outputBytes()
        let documents = try fixture.table("documents").count
        let database = fixture.root.appendingPathComponent("work").appendingPathComponent(WorkStore.fileName).path
        try DatabaseQueue(path: database).write { db in
            try db.execute(sql: "UPDATE document_rows SET payload = x'08ff'")
        }
        // A removed table makes the write read every document's rows.
        try FileManager.default.removeItem(at: fixture.out.appendingPathComponent("documents.csv.gz"))
        let rerun = try fixture.run(["--from", "write"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(!rerun.stderr.contains("taken from the work store"))
        #expect(try fixture.outputBytes() == firstBytes)
        let stored = try DatabaseQueue(path: database).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM document_rows WHERE length(payload) > 2")
        }
        #expect(stored == documents)
    }
}
