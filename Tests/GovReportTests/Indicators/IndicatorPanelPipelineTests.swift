import Foundation
import Testing
@testable import GovReport

/// The indicators table and the coverage report, through the real binary over the samples, and
/// what an edit of the taxonomy followed by `--from extract` changes.
@Suite(.serialized) struct IndicatorPanelPipelineTests {
    /// The samples with the default taxonomy copied beside the config, as an analyst's project.
    static func project(name: String = #function) throws -> PipelineFixture {
        let fixture = try PipelineFixture(name: name)
        try FileManager.default.copyItem(at: TestSupport.repositoryRoot.appendingPathComponent("indicators.json"),
                                         to: fixture.root.appendingPathComponent("indicators.json"))
        try TestSupport.write("""
            {"sources": [{"type": "files", "paths": ["samples/pages/*.html", "samples/text/*.txt"]}],
             "stages": [{"type": "fetch"}, {"type": "decode"}, {"type": "strip"}, {"type": "normalize"},
                        {"type": "segment"}, {"type": "extract", "indicators": "indicators.json"}, {"type": "write"}]}
            """, to: fixture.root.appendingPathComponent("pipeline.json"))
        return fixture
    }

    static func docId(_ file: String) -> String { DocumentID.make(source: "samples/text/" + file) }

    @Test func panelOfTheOneLineReportInFull() throws {
        let fixture = try Self.project()
        #expect(try fixture.run().status == 0)
        let id = Self.docId("lingdong-town-2021-one-line.txt")
        let rows = try fixture.table("indicators").filter { $0["doc_id"] == id }
        for row in rows {
            #expect(row["county"] == "禾源县" && row["township"] == "岭东镇" && row["report_year"] == "2021", "\(row)")
        }
        // indicator, value, unit, n_mentions, metric_ids: what a reader of the report files under each.
        let expected: [[String]] = [
            ["enforcement.fines_amount", "32000.0", "元", "1", "11"],
            ["enforcement.hazards_rectified", "143.0", "处", "1", "13"],
            ["enforcement.inspections", "760.0", "次", "1", "12"],
            ["enforcement.ordinary_procedure_cases", "15.0", "件", "1", "10"],
            ["enforcement.penalty_cases", "64.0", "件", "1", "8"],
            ["enforcement.rectification_rate", "100.0", "%", "1", "14"],
            ["enforcement.summary_procedure_cases", "49.0", "件", "1", "9"],
            ["leadership.rule_of_law_meetings", "7.0", "次", "1", "30"],
            ["legality_review.contracts", "33.0", "份", "1", "5"],
            ["legality_review.contracts_amount", "68000000.0", "元", "1", "6"],
            ["mediation.amount_involved", "3000000.0", "元", "1", "20"],
            ["mediation.disputes_mediated", "176.0", "起", "1", "17"],
            ["mediation.disputes_settled", "171.0", "起", "1", "18"],
            ["mediation.mediators", "72.0", "名", "1", "16"],
            ["mediation.success_rate", "97.2", "%", "1", "19"],
            ["petitions.visitors", "230.0", "人次", "1", "21"],
            ["publicity.activities", "35.0", "场次", "1", "24"],
            ["publicity.audience", "8000.0", "人次", "1", "26"],
            ["publicity.lectures", "2.0", "次", "1", "29"],
            ["publicity.legal_literates", "150.0", "名", "1", "27"],
            ["publicity.materials", "10000.0", "份", "1", "25"],
            ["services.hotline_12345_tickets", "1040.0", "件", "1", "22"],
            ["services.hotline_completion_rate", "100.0", "%", "1", "23"],
            ["study.training_sessions", "4.0", "次", "1", "31"],
        ]
        let got = rows.map { [$0["indicator"]!, $0["value"]!, $0["unit"]!, $0["n_mentions"]!, $0["metric_ids"]!] }
        #expect(got == expected)
        let names = try #require(rows.first { $0["indicator"] == "mediation.success_rate" })
        #expect(names["name_zh"] == "调解成功率" && names["name_en"] == "Mediation success rate")
    }

    @Test func runReportGivesCoverageMatchingTheMetricsTable() throws {
        let fixture = try Self.project()
        #expect(try fixture.run().status == 0)
        let metrics = try fixture.table("metrics")
        let coverage = try #require(try fixture.report()["indicator_coverage"] as? [String: Any])
        #expect(coverage["metrics"] as? Int == metrics.count)
        #expect(coverage["matched"] as? Int == metrics.filter { !($0["indicator"] ?? "").isEmpty }.count)
        #expect((coverage["documents"] as? [Any])?.count == 12)
        let unmatched = try #require(coverage["unmatched_subjects"] as? [[String: Any]])
        let counts = unmatched.compactMap { $0["count"] as? Int }
        #expect(!counts.isEmpty && counts == counts.sorted(by: >))
        let top = try #require(unmatched.first?["subject"] as? String)
        #expect(metrics.filter { $0["subject"] == top && ($0["indicator"] ?? "").isEmpty }.count == counts[0])
        // Every panel row points at metrics that carry its indicator.
        let byKey = Dictionary(metrics.map { ("\($0["doc_id"]!)#\($0["metric_id"]!)", $0["indicator"]!) }, uniquingKeysWith: { a, _ in a })
        for row in try fixture.table("indicators") {
            for id in row["metric_ids"]!.split(separator: ";") {
                #expect(byKey["\(row["doc_id"]!)#\(id)"] == row["indicator"], "\(row)")
            }
        }
    }

    @Test func editingTheTaxonomyAndRerunningFromExtractUpdatesMetricsAndPanelOnly() throws {
        let fixture = try Self.project()
        #expect(try fixture.run().status == 0)
        let id = Self.docId("lingdong-town-2021-one-line.txt")
        let before = try fixture.table("metrics").filter { $0["doc_id"] == id }
        #expect(before.first { $0["subject"] == "列席镇重要会议" }?["indicator"] == "")
        #expect(before.first { $0["subject"] == "带头开展法治讲座" }?["indicator"] == "publicity.lectures")

        // The analyst adds an indicator for the legal adviser attending meetings and drops the lectures one.
        let file = fixture.root.appendingPathComponent("indicators.json")
        var taxonomy = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        var list = try #require(taxonomy["indicators"] as? [[String: Any]])
        list.removeAll { $0["code"] as? String == "publicity.lectures" }
        list.append(["code": "counsel.meetings_attended", "name_zh": "法律顾问列席会议次数",
                     "name_en": "Meetings attended by the legal adviser", "unit_class": "count",
                     "units": ["次"], "all": ["列席"]])
        taxonomy["indicators"] = list
        try JSONSerialization.data(withJSONObject: taxonomy, options: [.prettyPrinted]).write(to: file)
        #expect(try TestSupport.govreport(["validate", "--config", "pipeline.json"], in: fixture.root).status == 0)

        let rerun = try fixture.run(["--from", "extract"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        for stage in ["fetch", "decode", "strip", "normalize", "segment"] {
            #expect(try fixture.counts(stage)["processed"] == 0, "\(stage) was redone")
        }
        #expect(try fixture.counts("extract")["processed"] == 12)
        let after = try fixture.table("metrics").filter { $0["doc_id"] == id }
        #expect(after.first { $0["subject"] == "列席镇重要会议" }?["indicator"] == "counsel.meetings_attended")
        #expect(after.first { $0["subject"] == "带头开展法治讲座" }?["indicator"] == "")
        let panel = try fixture.table("indicators").filter { $0["doc_id"] == id }
        let meetings = try #require(panel.first { $0["indicator"] == "counsel.meetings_attended" })
        #expect(meetings["value"] == "18.0" && meetings["n_mentions"] == "2" && meetings["metric_ids"] == "3;7",
                "the larger of 列席会议18次 and 列席镇重要会议11次 stands for the report")
        #expect(!panel.contains { $0["indicator"] == "publicity.lectures" })
    }
}
