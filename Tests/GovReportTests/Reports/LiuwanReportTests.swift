import Testing
@testable import GovReport

/// What one row of the metrics table must hold.
struct ReportMetric: Sendable, CustomStringConvertible {
    var sectionId: String
    var raw: String
    var value: Double
    var unit: String
    var qualifier: String
    var subject: String
    var parent: String?

    init(_ sectionId: String, _ raw: String, _ value: Double, _ unit: String, _ qualifier: String, _ subject: String,
         parent: String? = nil) {
        (self.sectionId, self.raw, self.value, self.unit, self.qualifier, self.subject, self.parent)
            = (sectionId, raw, value, unit, qualifier, subject, parent)
    }

    var description: String { "\(sectionId) \(raw) \(value) \(unit) \(qualifier) \(subject) ← \(parent ?? "-")" }
}

/// The simplified report: a UTF-8 gov.cn page (template A) with a data table in the article.
/// Its full metrics table is checked row by row, each row read against docs/metrics-guidelines.md.
@Suite("whole report: liuwan (simplified page)")
struct LiuwanReportTests {
    static let file = "pages/liuwan-street-2023-utf8.html"

    /// Every quantity of the report by the guidelines, in reading order. The data table in 1.3.3
    /// (its cells run together, 行政处罚立案（件）298326) yields none; dates (3月15日, 12月31日),
    /// “15分钟公共法律服务圈” and 12345 are not metrics; 调解成功432起 follows the 其中 list after a
    /// comma, so it is not one of its parts.
    static let allMetrics: [ReportMetric] = [
        ReportMetric("1.1.1", "7次", 7, "次", "exact", "召开党工委会议专题研究法治工作"),
        ReportMetric("1.1.1", "8个", 8, "个", "exact", "职能科室"),
        ReportMetric("1.1.1", "11个", 11, "个", "exact", "社区"),
        ReportMetric("1.1.2", "4次", 4, "次", "exact", "开展中心组学法"),
        ReportMetric("1.1.2", "12场次", 12, "场次", "exact", "举办法治专题培训"),
        ReportMetric("1.1.2", "960余人次", 960, "人次", "more_than", "培训干部"),
        ReportMetric("1.1.2", "百分之百", 100, "%", "exact", "参考率"),
        ReportMetric("1.1.2", "92.5分", 92.5, "分", "exact", "平均成绩"),
        ReportMetric("1.2.1", "3项", 3, "项", "exact", "柳湾老街片区微更新、背街小巷停车管理等事项"),
        ReportMetric("1.2.2", "2名", 2, "名", "exact", "律师"),
        ReportMetric("1.2.2", "3名", 3, "名", "exact", "配备公职律师"),
        ReportMetric("1.2.2", "86件", 86, "件", "exact", "审查行政合同"),
        ReportMetric("1.2.2", "2件", 2, "件", "exact", "规范性文件"),
        ReportMetric("1.2.2", "57份", 57, "份", "exact", "出具法律意见书"),
        ReportMetric("1.2.2", "140余条", 140, "条", "more_than", "提出修改意见"),
        ReportMetric("1.2.2", "100%", 100, "%", "exact", "合同审查率"),
        ReportMetric("1.3.1", "34名", 34, "名", "exact", "综合行政执法队现有持证执法人员"),
        ReportMetric("1.3.1", "326件", 326, "件", "exact", "立案查处各类违法行为"),
        ReportMetric("1.3.1", "241件", 241, "件", "exact", "简易程序案件", parent: "326件"),
        ReportMetric("1.3.1", "85件", 85, "件", "exact", "普通程序案件", parent: "326件"),
        ReportMetric("1.3.1", "约58.3万元", 583000, "元", "approx", "罚没金额"),
        ReportMetric("1.3.2", "1300余家次", 1300, "家次", "more_than", "开展“九小场所”专项检查"),
        ReportMetric("1.3.2", "412处", 412, "处", "exact", "发现隐患"),
        ReportMetric("1.3.2", "409处", 409, "处", "exact", "整改到位"),
        ReportMetric("1.3.2", "99.3%", 99.3, "%", "exact", "整改率"),
        ReportMetric("1.3.3", "5件", 5, "件", "exact", "发生行政复议案件"),
        ReportMetric("1.3.3", "3件", 3, "件", "exact", "行政诉讼案件"),
        ReportMetric("1.3.3", "100%", 100, "%", "exact", "行政机关负责人出庭应诉率"),
        ReportMetric("1.4.1", "15个", 15, "个", "exact", "建有人民调解组织"),
        ReportMetric("1.4.1", "68名", 68, "名", "exact", "专兼职人民调解员"),
        ReportMetric("1.4.1", "436起", 436, "起", "exact", "受理矛盾纠纷"),
        ReportMetric("1.4.1", "118起", 118, "起", "exact", "邻里纠纷", parent: "436起"),
        ReportMetric("1.4.1", "64起", 64, "起", "exact", "婚姻家庭纠纷", parent: "436起"),
        ReportMetric("1.4.1", "93起", 93, "起", "exact", "物业纠纷", parent: "436起"),
        ReportMetric("1.4.1", "27起", 27, "起", "exact", "劳动争议", parent: "436起"),
        ReportMetric("1.4.1", "432起", 432, "起", "exact", "调解成功"),
        ReportMetric("1.4.1", "99.1%", 99.1, "%", "exact", "调解成功率"),
        ReportMetric("1.4.2", "129件", 129, "件", "exact", "接收群众信访件"),
        ReportMetric("1.4.2", "100%", 100, "%", "exact", "按期办结率"),
        ReportMetric("1.4.2", "6113件", 6113, "件", "exact", "办理12345热线工单"),
        ReportMetric("1.4.2", "98.6%", 98.6, "%", "exact", "按时办结率"),
        ReportMetric("1.5", "48场", 48, "场", "exact", "开展主题普法活动"),
        ReportMetric("1.5", "1.2万余份", 12000, "份", "more_than", "发放宣传资料"),
        ReportMetric("1.5", "约2.3万人次", 23000, "人次", "approx", "受教育群众"),
        ReportMetric("1.5", "173名", 173, "名", "exact", "培育“法律明白人”"),
        ReportMetric("1.5", "1个", 1, "个", "exact", "建成法治文化公园"),
        ReportMetric("1.5", "11个", 11, "个", "exact", "社区服务点"),
        ReportMetric("1.5", "2100余人次", 2100, "人次", "more_than", "提供法律咨询"),
        ReportMetric("1.5", "45件", 45, "件", "exact", "办理法律援助案件"),
        ReportMetric("3", "6次", 6, "次", "exact", "主持研究法治议题"),
        ReportMetric("3", "2次", 2, "次", "exact", "带头讲授法治党课"),
        ReportMetric("3", "1次", 1, "次", "exact", "带头出庭应诉"),
    ]

    @Test func theWholeMetricsTable() throws {
        let report = try SampleReport(Self.file)
        let rows = report.metrics
        #expect(rows.count == Self.allMetrics.count)
        for (row, m) in zip(rows, Self.allMetrics) {
            let parent = rows.first { $0["metric_id"] == row["parent_metric_id"] }?["raw"]
            let found = ReportMetric(row["section_id"] ?? "", row["raw"] ?? "", Double(row["value"] ?? "") ?? .nan,
                                     row["unit"] ?? "", row["qualifier"] ?? "", row["subject"] ?? "", parent: parent)
            #expect(found.description == m.description)
        }
        #expect(rows.map { $0["metric_id"] } == (1...rows.count).map { String($0) })
    }

    @Test func everyMetricOfExpectedJSON() throws {
        ReportChecks.expectedMetrics(try SampleReport(Self.file))
    }

    @Test func noMetricInsideDatesNamesOrHotlines() throws {
        ReportChecks.nonMetrics(try SampleReport(Self.file), simplify: { $0 })
    }

    @Test func offsetsPointAtTheirText() throws {
        ReportChecks.offsets(try SampleReport(Self.file), simplify: { $0 })
    }

    @Test func documentFacts() throws {
        // issuer: the issue's rule (title first), not the page's 来源 that strip keeps.
        ReportChecks.documentFacts(try SampleReport(Self.file), issuer: "清河区柳湾街道")
    }

    @Test func sectionsWithTheirParts() throws {
        let report = try SampleReport(Self.file)
        #expect(report.outline == [
            "1 1 一、 主要举措和成效 measures",
            "1.1 2 （一） 强化组织保障，压紧压实法治建设责任",
            "1.1.1 3 1. 健全领导机制",
            "1.1.2 3 2. 抓好学法用法",
            "1.2 2 （二） 坚持依法决策，规范行政权力运行",
            "1.2.1 3 1. 落实重大行政决策程序",
            "1.2.2 3 2. 加强合法性审查",
            "1.3 2 （三） 严格规范执法，提升执法公信力",
            "1.3.1 3 1. 推进综合行政执法改革",
            "1.3.2 3 2. 开展安全隐患排查",
            "1.3.3 3 3. 规范复议应诉",
            "1.4 2 （四） 坚持和发展新时代“枫桥经验”，化解矛盾纠纷",
            "1.4.1 3 1. 完善调解网络",
            "1.4.2 3 2. 做好信访和热线工单办理",
            "1.5 2 （五） 深化普法宣传，营造法治氛围",
            "2 1 二、 存在的不足和原因 problems",
            "2.1 2 （一） 部分干部法治思维仍需加强",
            "2.2 2 （二） 执法力量与任务不匹配",
            "2.3 2 （三） 普法针对性不够强",
            "3 1 三、 党政主要负责人履行推进法治建设第一责任人职责情况 leader_duty",
            "4 1 四、 2024年工作安排 next_year",
            "4.1 5 一是 深入学习贯彻习近平法治思想，把法治建设纳入街道发展全局统筹推进",
            "4.2 5 二是 健全重大行政决策和合法性审查机制，推动法律顾问参与决策全覆盖",
            "4.3 5 三是 加强执法队伍建设，开展执法案卷评查，提升执法规范化水平",
            "4.4 5 四是 深化“枫桥式”调解品牌建设，推动矛盾纠纷源头化解",
        ])
        // Each heading opens the paragraph it stands in.
        for section in report.sections {
            let text = report.paragraphText(section["paragraph_no"])
            #expect(text.hasPrefix((section["marker"] ?? "") + (section["heading"] ?? "")), "\(text)")
        }
    }

    @Test func citations() throws {
        ReportChecks.citations(try SampleReport(Self.file))
    }

    @Test func entities() throws {
        let report = try SampleReport(Self.file)
        ReportChecks.entities(report, include: [
            ("event", "2023-03-15"), ("event", "2023-12-31"), ("event", "2023-12-28"),
            ("organization", "江苏衡平律师事务所"), ("organization", "街道综合行政执法队"),
            ("organization", "街道公共法律服务工作站"), ("organization", "南州市清河区柳湾街道办事处"),
            ("programme", "枫桥经验"), ("programme", "谁执法谁普法"), ("programme", "法律明白人"),
            ("programme", "九小场所"), ("place", "桃李社区"),
        ])
        // Quotation marks go from the normalised name of a programme.
        for programme in report.entities where programme["type"] == "programme" {
            #expect(!(programme["normalized"] ?? "").contains("“"))
        }
    }
}
