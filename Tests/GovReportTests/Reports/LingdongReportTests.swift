import Testing
@testable import GovReport

/// The one-line report: a whole text capture on a single line, its headings and signature inline.
@Suite("whole report: lingdong (one-line text)")
struct LingdongReportTests {
    static let file = "text/lingdong-town-2021-one-line.txt"

    @Test func everyMetricOfExpectedJSON() throws {
        ReportChecks.expectedMetrics(try SampleReport(Self.file))
    }

    @Test func noMetricInsideDatesNamesOrDocumentNumbers() throws {
        ReportChecks.nonMetrics(try SampleReport(Self.file), simplify: { $0 })
    }

    @Test func offsetsPointAtTheirText() throws {
        ReportChecks.offsets(try SampleReport(Self.file), simplify: { $0 })
    }

    @Test func documentFacts() throws {
        // The publish date is the inline signature's; province and city are named once each
        // (获评江西省民主法治示范村, 《赣西市人民政府办公室关于…的通知》).
        ReportChecks.documentFacts(try SampleReport(Self.file), issuer: "岭东镇")
    }

    @Test func inlineHeadingsEndWhereTheLineBreaksWere() throws {
        let report = try SampleReport(Self.file)
        #expect(report.outline == [
            "1 1 一、 法治政府建设主要举措和成效 measures",
            "1.1 2 (一) 健全法治建设工作机制",
            "1.2 2 (二) 推进依法科学民主决策",
            "1.3 2 (三) 严格规范公正文明执法",
            "1.4 2 (四) 推进矛盾纠纷多元化解",
            "1.5 2 (五) 深化法治宣传教育",
            "2 1 二、 法治政府建设存在的不足和原因 problems",
            // Run-in headings with no break after them end at their sentence.
            "2.1 2 (一) 基层法治力量较为薄弱，司法所仅有工作人员2名，难以满足工作需要",
            "2.2 2 (二) 部分村干部依法办事意识不强",
            "2.3 2 (三) 普法工作的针对性和实效性有待提升",
            "3 1 三、 主要负责人履行推进法治建设第一责任人职责情况 leader_duty",
            "4 1 四、 2022年主要工作安排 next_year",
            "4.1 2 (一) 持续推进领导干部学法用法，全年开展集体学法不少于4次",
            "4.2 2 (二) 进一步规范行政执法行为，提升执法规范化水平",
            "4.3 2 (三) 深化“法律明白人”培养工程，推进法治乡村建设",
        ])
        let texts = report.paragraphs.map { $0["text"] ?? "" }
        #expect(texts.count == 17)
        #expect(texts[2] == "(一)健全法治建设工作机制 镇党委、政府成立由党委书记任组长的全面依法治镇委员会，办公室设在镇司法所，全年召开委员会会议2次，研究解决法治建设重点问题9个。建立司法所长列席镇长办公会议制度，全年列席会议18次。")
        #expect(texts.last == "禾源县岭东镇人民政府 2022年1月24日")
        // The metrics of a section carry its id (64件 in (三), 2名 in the problems' (一)).
        let sectionOf = Dictionary(report.metrics.map { ($0["raw"] ?? "", $0["section_id"] ?? "") }, uniquingKeysWith: { a, _ in a })
        #expect(sectionOf["64件"] == "1.3")
        #expect(sectionOf["2名"] == "2.1")
        #expect(sectionOf["不少于4次"] == "4.1")
    }

    @Test func citationsWithNestedTitlesAndDocumentNumbers() throws {
        ReportChecks.citations(try SampleReport(Self.file))
    }

    @Test func entities() throws {
        ReportChecks.entities(try SampleReport(Self.file), include: [
            ("organization", "全面依法治镇委员会"), ("organization", "镇司法所"), ("organization", "江西赣源律师事务所"),
            ("organization", "镇综合行政执法队"), ("organization", "镇综治中心"), ("organization", "禾源县岭东镇人民政府"),
            ("programme", "枫桥经验"), ("programme", "送法下乡"), ("programme", "法律进校园"), ("programme", "法律明白人"),
            ("place", "岭下村"),
        ])
    }
}
