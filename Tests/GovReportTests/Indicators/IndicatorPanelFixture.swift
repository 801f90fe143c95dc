@testable import GovReport

/// Metrics as the extract stage gives them, before indicators are assigned.
enum IndicatorPanelFixture {
    static func metric(_ id: Int, paragraph: Int, _ subject: String, _ value: Double, _ unit: String,
                       qualifier: String = "exact", parent: Int? = nil, indicator: String = "") -> Metric {
        Metric(metricId: id, paragraphNo: paragraph, sectionId: "1.\(paragraph + 1)", subject: subject,
               indicator: indicator, value: value, unit: unit, qualifier: qualifier, raw: "", context: "",
               parentMetricId: parent, charStart: 0, charEnd: 0)
    }

    /// The metrics of a fictional township report (青禾镇, 2023), paragraph by paragraph:
    ///
    /// 0. 镇党委理论学习中心组开展学法6次，组织机关干部参加无纸化学法考试82人，合格率100%。
    /// 1. 全年共立案146件，其中普通程序案件38件、简易程序案件108件，罚没金额12.6万元；开展联合执法检查
    ///    24次，检查沿街商户310家，发现安全隐患57处，已整改57处。
    /// 2. 共受理矛盾纠纷212件，其中各村(社区)调委会受理纠纷140件；调处矛盾纠纷205件，调解成功率96.7%，
    ///    其中邻里纠纷64件、婚姻家庭纠纷23件、物业纠纷18件。
    /// 3. 开展普法宣传活动42场次，发放宣传资料8600余份，受教育群众1.2万人次；村(居)法律顾问开展法律讲座
    ///    26场，解答法律咨询640人次，接待现场法律咨询85起，通过12348热线解答法律咨询210人次。
    /// 4. 在“宪法宣传周”期间开展集中宣传5场次。
    /// 5. 全年行政复议案件发案3件，纠错1件；行政诉讼案件发案5件，败诉1件，败诉率20%，行政机关负责人出庭
    ///    应诉率100%。
    /// 6. 建成镇公共法律服务工作站1个、村(社区)公共法律服务工作室14个；处理12345热线工单1862件，办结率99.2%。
    static let qingheTownship: [Metric] = [
        metric(1, paragraph: 0, "镇党委理论学习中心组开展学法", 6, "次"),
        metric(2, paragraph: 0, "参加无纸化学法考试", 82, "人"),
        metric(3, paragraph: 0, "合格率", 100, "%"),
        metric(4, paragraph: 1, "立案", 146, "件"),
        metric(5, paragraph: 1, "普通程序案件", 38, "件", parent: 4),
        metric(6, paragraph: 1, "简易程序案件", 108, "件", parent: 4),
        metric(7, paragraph: 1, "罚没金额", 126_000, "元"),
        metric(8, paragraph: 1, "开展联合执法检查", 24, "次"),
        metric(9, paragraph: 1, "检查沿街商户", 310, "家"),
        metric(10, paragraph: 1, "发现安全隐患", 57, "处"),
        metric(11, paragraph: 1, "整改", 57, "处"),
        metric(12, paragraph: 2, "受理矛盾纠纷", 212, "件"),
        metric(13, paragraph: 2, "各村(社区)调委会受理纠纷", 140, "件", parent: 12),
        metric(14, paragraph: 2, "调处矛盾纠纷", 205, "件"),
        metric(15, paragraph: 2, "调解成功率", 96.7, "%"),
        metric(16, paragraph: 2, "邻里纠纷", 64, "件", parent: 14),
        metric(17, paragraph: 2, "婚姻家庭纠纷", 23, "件", parent: 14),
        metric(18, paragraph: 2, "物业纠纷", 18, "件", parent: 14),
        metric(19, paragraph: 3, "开展普法宣传活动", 42, "场次"),
        metric(20, paragraph: 3, "发放宣传资料", 8600, "份", qualifier: "more_than"),
        metric(21, paragraph: 3, "受教育群众", 12_000, "人次"),
        metric(22, paragraph: 3, "开展法律讲座", 26, "场"),
        metric(23, paragraph: 3, "解答法律咨询", 640, "人次"),
        metric(24, paragraph: 3, "接待现场法律咨询", 85, "起"),
        metric(25, paragraph: 3, "通过12348热线解答法律咨询", 210, "人次"),
        metric(26, paragraph: 4, "开展集中宣传", 5, "场次"),
        metric(27, paragraph: 5, "行政复议案件发案", 3, "件"),
        metric(28, paragraph: 5, "纠错", 1, "件"),
        metric(29, paragraph: 5, "行政诉讼案件发案", 5, "件"),
        metric(30, paragraph: 5, "败诉", 1, "件"),
        metric(31, paragraph: 5, "败诉率", 20, "%"),
        metric(32, paragraph: 5, "行政机关负责人出庭应诉率", 100, "%"),
        metric(33, paragraph: 6, "镇公共法律服务工作站", 1, "个"),
        metric(34, paragraph: 6, "村(社区)公共法律服务工作室", 14, "个"),
        metric(35, paragraph: 6, "处理12345热线工单", 1862, "件"),
        metric(36, paragraph: 6, "办结率", 99.2, "%"),
    ]

    /// The metrics with their indicators from `matcher`, as the extract stage fills them.
    static func withIndicators(_ metrics: [Metric], _ matcher: IndicatorMatcher) -> [Metric] {
        metrics.map { metric in
            var metric = metric
            metric.indicator = matcher.match(subject: metric.subject, unit: metric.unit)?.code ?? ""
            return metric
        }
    }
}
