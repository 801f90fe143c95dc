import Testing
@testable import GovReport

/// The traditional-script report: a UTF-8 page of template D (upper-case markup) in 繁體.
/// Subjects, units, headings, citations and places come out simplified; `raw` keeps the source.
@Suite("whole report: liantang (traditional page)")
struct LiantangReportTests {
    static let file = "pages/liantang-street-2023-hant-utf8.html"

    @Test func everyMetricOfExpectedJSON() throws {
        ReportChecks.expectedMetrics(try SampleReport(Self.file))
    }

    @Test func rawKeepsTheSourceCharactersAndTheRestIsSimplified() throws {
        let report = try SampleReport(Self.file)
        let simplify = try TraditionalToSimplified()
        let raws = report.metrics.compactMap { $0["raw"] }
        for raw in ["2個", "110餘條", "約32萬元", "2700餘次", "近600處", "1.5萬餘份", "超過2萬人次", "不少於4次"] {
            #expect(raws.contains(raw), "\(raw) in \(raws)")
        }
        for row in report.metrics {
            for column in ["subject", "unit", "context"] {
                let value = row[column] ?? ""
                #expect(simplify(value) == value, "\(column) \(value)")
            }
        }
        for paragraph in report.paragraphs {
            #expect(simplify(paragraph["text"] ?? "") == paragraph["text"])
        }
        #expect(report.outline.allSatisfy { simplify($0) == $0 })
    }

    @Test func noMetricInsideDatesNamesOrHotlines() throws {
        let simplify = try TraditionalToSimplified()
        ReportChecks.nonMetrics(try SampleReport(Self.file), simplify: { simplify($0) })
    }

    @Test func offsetsPointAtTheirText() throws {
        let simplify = try TraditionalToSimplified()
        ReportChecks.offsets(try SampleReport(Self.file), simplify: { simplify($0) })
    }

    @Test func documentFacts() throws {
        // hant script, title and place simplified; issuer from the title.
        ReportChecks.documentFacts(try SampleReport(Self.file), issuer: "碧水区莲塘街道")
    }

    @Test func sectionsWithTheirParts() throws {
        let report = try SampleReport(Self.file)
        #expect(report.outline == [
            "1 1 一、 主要举措和成效 measures",
            "1.1 2 （一） 强化组织领导，压实法治建设责任",
            "1.1.1 3 1. 完善工作机制",
            "1.1.2 3 2. 抓实学法用法",
            "1.2 2 （二） 坚持依法决策，规范权力运行",
            "1.2.1 3 1. 严格重大行政决策程序",
            "1.2.2 3 2. 加强合法性审查",
            "1.3 2 （三） 规范行政执法，提升执法水平",
            "1.3.1 3 1. 推进“三项制度”落实",
            "1.3.2 3 2. 强化执法监督检查",
            "1.4 2 （四） 深化矛盾纠纷多元化解",
            "1.4.1 3 1. 健全调解组织",
            "1.4.2 3 2. 提升调解成效",
            "1.4.3 3 3. 规范信访和热线办理",
            "1.5 2 （五） 推进全民普法",
            "2 1 二、 存在的不足和原因 problems",
            // 一是 right under 二、 takes the next free level below it.
            "2.1 5 一是 少数干部运用法治思维推动工作的能力不强",
            "2.2 5 二是 行政执法人员专业化水平有待提高",
            "2.3 5 三是 普法宣传方式创新不足，覆盖面仍有盲区",
            "3 1 三、 党政主要负责人履行推进法治建设第一责任人职责情况 leader_duty",
            "4 1 四、 2024年工作计划 next_year",
            "4.1 2 （一） 深入学习宣传贯彻习近平法治思想",
            "4.2 2 （二） 进一步规范行政执法行为，全年开展执法培训不少于4次",
            "4.3 2 （三） 持续推进公共法律服务体系建设，打造“15分钟公共法律服务圈”",
        ])
    }

    @Test func citations() throws {
        ReportChecks.citations(try SampleReport(Self.file))
    }

    @Test func entities() throws {
        let report = try SampleReport(Self.file)
        ReportChecks.entities(report, include: [
            ("event", "2023-02-20"), ("organization", "街道综合行政执法大队"),
            ("organization", "桂川市碧水区莲塘街道办事处"), ("programme", "会前学法"), ("programme", "谁执法谁普法"),
            ("programme", "民法典宣传月"), ("programme", "法律明白人"), ("place", "莲塘社区"), ("place", "荷塘村"),
        ])
        // “现有人民调解委员会10个”: what the street has is not part of a name.
        #expect(!report.entities.contains { ($0["text"] ?? "").hasPrefix("现有") || ($0["text"] ?? "").hasPrefix("現有") })
    }
}
