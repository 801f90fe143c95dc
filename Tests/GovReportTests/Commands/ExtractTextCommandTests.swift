import Foundation
import Testing
@testable import GovReport

/// `govreport extract-text` run as a process, the way an analyst tries a rule on a sentence.
@Suite struct ExtractTextCommandTests {
    static let sentence = "2023年，青石街道共受理矛盾纠纷312起，其中邻里纠纷120起、婚姻家庭纠纷45起，调解成功率达98.7%，"
        + "涉及金额约260万元；发放法治宣传资料1.6万余份，依据《中华人民共和国人民调解法》开展调解。"

    /// A pipeline config that names the repository's indicator taxonomy, in a fresh folder.
    static func configWithTaxonomy() throws -> URL {
        let folder = try TestSupport.temporaryDirectory("extractText")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("in"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TestSupport.repositoryRoot.appendingPathComponent("indicators.json"),
                                         to: folder.appendingPathComponent("indicators.json"))
        let config = folder.appendingPathComponent("pipeline.json")
        try TestSupport.write("""
            {"sources": [{"type": "files", "paths": ["in"]}],
             "stages": [{"type": "fetch"}, {"type": "decode"}, {"type": "strip"}, {"type": "normalize"},
                        {"type": "segment"}, {"type": "extract", "indicators": "indicators.json"}, {"type": "write"}]}
            """, to: config)
        return config
    }

    @Test func jsonOutputWithThePipelinesTaxonomy() throws {
        let config = try Self.configWithTaxonomy()
        let result = try TestSupport.run(TestSupport.binary, ["extract-text", "--config", config.path],
                                         stdin: Data(Self.sentence.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let metrics = try #require(object["metrics"] as? [[String: Any]])
        let rows = metrics.map { m in
            [m["raw"], m["value"], m["unit"], m["qualifier"], m["subject"], m["indicator"], m["parent_metric_id"]]
                .map { "\($0 ?? "nil")" }.joined(separator: " ")
        }
        #expect(rows == [
            "312起 312 起 exact 受理矛盾纠纷 mediation.disputes_received <null>",
            "120起 120 起 exact 邻里纠纷  1",
            "45起 45 起 exact 婚姻家庭纠纷  1",
            "98.7% 98.7 % exact 调解成功率 mediation.success_rate <null>",
            "约260万元 2600000 元 approx 涉及金额 mediation.amount_involved <null>",
            "1.6万余份 16000 份 more_than 发放法治宣传资料 publicity.materials <null>",
        ])
        // Offsets are Unicode scalars of the line, as Python indexes it.
        let scalars = Array(Self.sentence.unicodeScalars)
        for m in metrics {
            let start = try #require(m["char_start"] as? Int), end = try #require(m["char_end"] as? Int)
            #expect(String(String.UnicodeScalarView(scalars[start..<end])) == m["raw"] as? String)
        }
        let citations = try #require(object["citations"] as? [[String: Any]])
        #expect(citations.count == 1)
        #expect(citations.first?["title"] as? String == "中华人民共和国人民调解法")
        #expect(citations.first?["kind"] as? String == "law")
    }

    @Test func csvOutputReadByPythonKeepsTheSourceScriptInRaw() throws {
        let text = "全年開展普法宣傳活動36場次，發放宣傳資料2000餘份，群眾滿意率達到百分之九十五點五。\n截至11月20日，受理12345熱線工單860件。"
        let result = try TestSupport.run(TestSupport.binary, ["extract-text", "--format", "csv"], stdin: Data(text.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let reader = """
            import csv, io, json, sys
            metrics, citations = sys.stdin.read().split("\\n\\n")
            print(json.dumps([list(csv.DictReader(io.StringIO(metrics))), list(csv.DictReader(io.StringIO(citations)))], ensure_ascii=False))
            """
        let parsed = try runPython(reader, stdin: result.stdout)
        let tables = try #require(try JSONSerialization.jsonObject(with: Data(parsed.utf8)) as? [[[String: String]]])
        // value compared as a number: "36" and "36.0" are the same cell to a CSV reader.
        let rows = tables[0].map { m in
            ["paragraph_no", "raw", "value", "unit", "qualifier", "subject", "indicator"].map { column in
                column == "value" ? m[column].flatMap(Double.init).map { String($0) } ?? "nil" : m[column] ?? "nil"
            }.joined(separator: " ")
        }
        // Without --config there is no taxonomy, so no indicator.
        #expect(rows == [
            "1 36場次 36.0 场次 exact 开展普法宣传活动 ",
            "1 2000餘份 2000.0 份 more_than 发放宣传资料 ",
            "1 百分之九十五點五 95.5 % exact 群众满意率 ",
            "2 860件 860.0 件 exact 受理12345热线工单 ",
        ])
        #expect(tables[1].isEmpty)
    }

    @Test func anUnknownFormatIsAUsageError() throws {
        let result = try TestSupport.run(TestSupport.binary, ["extract-text", "--format", "xml"], stdin: Data("开展活动3场。".utf8))
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
    }

    private func runPython(_ script: String, stdin: String) throws -> String {
        let result = try TestSupport.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script], stdin: Data(stdin.utf8))
        guard result.status == 0 else { throw PipelineFixture.FixtureError.python(result.stderr) }
        return result.stdout
    }
}
