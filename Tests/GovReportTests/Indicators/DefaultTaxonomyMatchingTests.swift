import Foundation
import Testing
@testable import GovReport

/// One row per indicator of the default taxonomy: a subject that must get it (simplified script),
/// one written in traditional script that must get it after OpenCC t2s, and a near miss that must not.
struct IndicatorMatchingCase: Sendable, CustomTestStringConvertible {
    var code: String
    var simplified: SubjectAndUnit
    var traditional: SubjectAndUnit
    var nearMiss: SubjectAndUnit

    init(_ code: String, _ simplified: SubjectAndUnit, _ traditional: SubjectAndUnit, not nearMiss: SubjectAndUnit) {
        self.code = code
        self.simplified = simplified
        self.traditional = traditional
        self.nearMiss = nearMiss
    }

    var testDescription: String { code }
}

private typealias S = SubjectAndUnit
private typealias Row = IndicatorMatchingCase

let indicatorMatchingCases: [IndicatorMatchingCase] = [
    // Study and training of officials
    Row("leadership.rule_of_law_meetings", S("专题研究法治建设工作", "次"), S("主持研究法治議題", "次"),
        not: S("研究部署安全生产工作", "次")),
    Row("study.central_group_sessions", S("开展党委理论学习中心组学法", "次"), S("召開黨工委中心組學習會議", "次"),
        not: S("组织机关干部集中学习", "次")),
    Row("study.meeting_sessions", S("开展政府常务会议学法", "次"), S("堅持黨委會會前學法", "次"),
        not: S("召开政府常务会议", "次")),
    Row("study.training_sessions", S("举办行政执法人员法治培训班", "期"), S("舉辦領導幹部法治專題培訓", "場"),
        not: S("组织法治培训考试", "场")),
    Row("study.training_attendance", S("培训执法人员", "人次"), S("輪訓村社區幹部", "人次"),
        not: S("参加学法考试", "人")),
    Row("study.training_hours", S("人均学法", "学时"), S("每人每年線上培訓", "課時"),
        not: S("法律顾问进社区服务时间", "小时")),
    Row("study.exam_participants", S("参加无纸化学法考试", "人"), S("參加年度學法用法考試", "人"),
        not: S("参加行政执法资格考试", "人")),
    Row("study.exam_pass_rate", S("学法考试合格率", "%"), S("領導幹部學法考試合格率", "%"),
        not: S("合格率", "%")),
    Row("study.exam_participation_rate", S("学法考试参考率", "%"), S("網上學法參學率", "%"),
        not: S("学法考试合格率", "%")),
    // Lawful decision-making
    Row("decision.major_decisions", S("作出重大行政决策事项", "项"), S("納入重大行政決策事項目錄", "項"),
        not: S("参与重大决策专题讨论会", "次")),
    Row("decision.adviser_participation", S("参与街道重大决策专题讨论会", "次"), S("法律顧問列席決策會議", "次"),
        not: S("重大行政决策事项", "项")),
    Row("legality_review.total", S("开展合法性审查", "件"), S("完成合法性審核", "件"),
        not: S("审查行政合同", "件")),
    Row("legality_review.contracts", S("审查行政合同", "件"), S("審核把關各類合同", "份"),
        not: S("签订法律顾问合同", "份")),
    Row("legality_review.contracts_amount", S("合同涉及金额", "元"), S("審查合同協議涉及標的", "元"),
        not: S("合同纠纷调解涉及金额", "元")),
    Row("legality_review.normative_documents", S("审查规范性文件", "件"), S("規範性文件合法性審查", "件"),
        not: S("清理规范性文件", "件")),
    Row("normative_documents.issued", S("制定行政规范性文件", "件"), S("印發規範性文件", "件"),
        not: S("审查规范性文件", "件")),
    Row("normative_documents.cleanup", S("清理规范性文件", "件"), S("清理現行有效規範性文件", "件"),
        not: S("清理占道经营", "次")),
    Row("legality_review.major_enforcement_decisions", S("审查重大行政执法决定", "件"), S("重大執法決定法制審核", "件"),
        not: S("重大行政执法活动监督", "件")),
    Row("legality_review.enforcement_decisions", S("一般行政执法决定", "件"), S("審查一般行政執法決定", "件"),
        not: S("作出行政执法决定", "件")),
    Row("legal_advisers.opinions", S("提供法律意见", "条"), S("出具法律意見書", "份"),
        not: S("征集意见建议", "条")),
    Row("legal_advisers.count", S("聘请法律顾问", "名"), S("村(居)法律顧問", "名"),
        not: S("法律顾问解答法律咨询", "人")),
    Row("legal_advisers.public_lawyers", S("配备公职律师", "名"), S("公職律師", "名"),
        not: S("聘请法律顾问", "名")),
    Row("legal_advisers.services", S("社区法律顾问坐班服务", "次"), S("律師駐點值班服務", "次"),
        not: S("法律顾问解答咨询", "次")),
    Row("legal_advisers.service_hours", S("法律顾问进社区服务时间", "小时"), S("顧問律師值班服務時長", "小時"),
        not: S("律师授课培训", "小时")),
    Row("staff.legal_qualification", S("持有法律职业资格证", "人"), S("取得法律職業資格", "人"),
        not: S("鼓励干部报考法律职业资格", "人")),
    // Administrative enforcement
    Row("enforcement.cases_filed", S("立案", "件"), S("立案查處違法案件", "起"),
        not: S("一般程序立案处罚", "宗")),
    Row("enforcement.penalty_cases", S("作出行政处罚", "宗"), S("辦理行政處罰案件", "起"),
        not: S("向社会公布行政处罚信息", "条")),
    Row("enforcement.summary_procedure_cases", S("简易程序案件", "件"), S("適用簡易程序辦理案件", "件"),
        not: S("普通程序案件", "件")),
    Row("enforcement.ordinary_procedure_cases", S("普通程序案件", "件"), S("一般程序立案處罰", "宗"),
        not: S("简易程序案件", "件")),
    Row("enforcement.fines_amount", S("罚没金额", "元"), S("收繳罰款", "元"),
        not: S("调解纠纷涉及金额", "元")),
    Row("enforcement.certified_officers", S("持有行政执法证", "人"), S("現有行政執法證工作人員", "名"),
        not: S("参加行政执法资格考试", "人")),
    Row("enforcement.inspections", S("开展安全生产检查", "次"), S("聯合執法檢查", "次"),
        not: S("排查矛盾纠纷", "次")),
    Row("enforcement.inspected_units", S("检查餐饮商铺", "家"), S("檢查沿街商戶", "家"),
        not: S("排查安全隐患", "处")),
    Row("enforcement.hazards_found", S("发现安全隐患", "处"), S("排查發現消防隱患", "處"),
        not: S("整改安全隐患", "处")),
    Row("enforcement.hazards_rectified", S("整改", "处"), S("督促整改安全隱患", "處"),
        not: S("下达整改通知书", "份")),
    Row("enforcement.rectification_rate", S("隐患整改率", "%"), S("隱患整改到位率", "%"),
        not: S("调解成功率", "%")),
    Row("enforcement.case_file_reviews", S("评查行政执法案卷", "卷"), S("抽查執法案卷", "份"),
        not: S("行政执法案卷归档", "份")),
    Row("enforcement.major_case_discussions", S("召开重大案件集体讨论会", "次"), S("重大執法案件集體討論", "次"),
        not: S("集体讨论重大事项", "次")),
    // Reconsideration and litigation
    Row("reconsideration.cases", S("行政复议案件发案", "件"), S("發案行政復議案件", "件"),
        not: S("行政复议纠错", "件")),
    Row("reconsideration.corrected", S("纠错", "件"), S("行政復議糾錯", "件"),
        not: S("案卷评查纠错", "件")),
    Row("reconsideration.correction_rate", S("行政复议纠错率", "%"), S("行政復議直接糾錯率", "%"),
        not: S("败诉率", "%")),
    Row("reconsideration.closed", S("复议结案数", "件"), S("辦結行政復議案件", "件"),
        not: S("行政复议案件发案", "件")),
    Row("litigation.cases", S("行政诉讼案件发案", "件"), S("行政應訴案件", "件"),
        not: S("民事诉讼一审", "件")),
    Row("litigation.lost", S("败诉", "件"), S("行政訴訟敗訴案件", "件"),
        not: S("化解行政败诉预警案件", "起")),
    Row("litigation.loss_rate", S("败诉率", "%"), S("行政訴訟敗訴率", "%"),
        not: S("调撤率", "%")),
    Row("litigation.head_appearance_rate", S("负责人出庭应诉率", "%"), S("行政機關負責人出庭應訴率", "%"),
        not: S("败诉率", "%")),
    Row("litigation.head_appearances", S("负责人出庭应诉", "次"), S("行政機關負責人出庭應訴", "件"),
        not: S("律师出庭代理", "次")),
    // Dispute resolution
    Row("mediation.committees", S("建立人民调解委员会", "个"), S("人民調解組織", "個"),
        not: S("各居委调委会受理纠纷", "件")),
    Row("mediation.mediators", S("人民调解员", ""), S("專職人民調解員", "名"),
        not: S("培训人民调解员", "人")),
    Row("mediation.disputes_received", S("受理矛盾纠纷", "宗"), S("共受理各類矛盾糾紛", "件"),
        not: S("受理“110”联动接处警", "件")),
    Row("mediation.disputes_mediated", S("调处矛盾纠纷", "起"), S("化解矛盾糾紛", "件"),
        not: S("邻里纠纷", "起")),
    Row("mediation.disputes_settled", S("调解成功", "件"), S("成功調處糾紛", "件"),
        not: S("调处矛盾纠纷", "起")),
    Row("mediation.success_rate", S("调解成功率", "%"), S("矛盾糾紛調處成功率", "%"),
        not: S("成功率", "%")),
    Row("mediation.disputes_screened", S("排查各类矛盾纠纷", "次"), S("開展矛盾糾紛大排查", "次"),
        not: S("开展安全生产大排查", "次")),
    Row("mediation.amount_involved", S("调解纠纷涉及金额", "元"), S("調處糾紛涉案金額", "元"),
        not: S("涉及金额", "元")),
    Row("petitions.cases", S("接收信访件", "宗"), S("受理群眾來信來訪", "件"),
        not: S("接待来电来访咨询", "人次")),
    Row("petitions.visitors", S("接待群众来访", "人次"), S("接待信訪群眾", "人次"),
        not: S("接待来访法律咨询", "人次")),
    Row("petitions.completion_rate", S("信访事项按期办结率", "%"), S("信訪事項及時受理率", "%"),
        not: S("办结率", "%")),
    // Legal publicity
    Row("publicity.activities", S("开展集中宣传", "场次"), S("開展各類法治教育宣傳活動", "次"),
        not: S("开展跨境企业合规座谈会等活动", "场")),
    Row("publicity.materials", S("发放法治宣传资料", "份"), S("發放普法宣傳冊", "冊"),
        not: S("收集整理档案资料", "份")),
    Row("publicity.audience", S("受教育群众", "人次"), S("受眾", "人次"),
        not: S("覆盖镇村干部", "人")),
    Row("publicity.legal_consultations", S("解答法律咨询", "人次"), S("接待現場法律諮詢", "起"),
        not: S("设立法律咨询点", "个")),
    Row("publicity.lectures", S("组织法律讲座", "次"), S("舉辦普法講座", "場"),
        not: S("开展咨询、讲座等活动", "场")),
    Row("publicity.legal_literates", S("法律明白人", "名"), S("培養法律明白人", "名"),
        not: S("培养法律明白人骨干", "名")),
    Row("publicity.venues", S("建成法治文化阵地", "个"), S("建成法治文化公園", "個"),
        not: S("建设公共法律服务工作站", "个")),
    // Public legal services
    Row("services.stations", S("建设公共法律服务志愿点", "个"), S("社區公共法律服務工作室", "個"),
        not: S("成立诉源治理工作站", "个")),
    Row("services.legal_aid_cases", S("办理法律援助案件", "件"), S("承辦法律援助案件", "件"),
        not: S("法律援助咨询", "人次")),
    Row("services.legal_aid_recipients", S("为困难群众提供法律援助", "人次"), S("受援群眾", "人"),
        not: S("法律援助律师", "名")),
    Row("services.hotline_12345_tickets", S("处理12345政府服务便民热线工单", "件"), S("處理12345熱線投訴", "件"),
        not: S("12348法律服务热线来电", "件")),
    Row("services.hotline_completion_rate", S("12345热线工单办结率", "%"), S("12345熱線工單辦結率", "%"),
        not: S("办结率", "%")),
    // Openness
    Row("openness.info_published", S("主动公开政府信息", "条"), S("向社會公布行政處罰信息", "條"),
        not: S("受理依申请公开政府信息", "件")),
    Row("openness.requests", S("办理依申请公开", "件"), S("收到政府信息公開申請", "件"),
        not: S("主动公开政府信息", "条")),
]

@Suite struct DefaultTaxonomyMatchingTests {
    @Test func everyIndicatorOfTheFileHasExactlyOneRow() throws {
        let codes = try DefaultIndicatorTaxonomy.rules().map(\.code)
        #expect(codes.count >= 45)
        let rowCodes = indicatorMatchingCases.map(\.code)
        #expect(Set(codes).subtracting(rowCodes).sorted() == [], "indicators without a test row")
        #expect(Set(rowCodes).subtracting(codes).sorted() == [], "rows for indicators the file does not have")
        #expect(rowCodes.count == Set(rowCodes).count, "an indicator with two rows")
    }

    @Test(arguments: indicatorMatchingCases)
    func simplifiedSubjectGetsTheIndicator(_ row: IndicatorMatchingCase) throws {
        let matcher = try DefaultIndicatorTaxonomy.matcher()
        #expect(matcher.match(subject: row.simplified.subject, unit: row.simplified.unit)?.code == row.code,
                "\(row.simplified)")
    }

    @Test(arguments: indicatorMatchingCases)
    func traditionalSubjectGetsTheIndicatorAfterOpenCC(_ row: IndicatorMatchingCase) throws {
        let matcher = try DefaultIndicatorTaxonomy.matcher()
        let t2s = try TraditionalToSimplified()
        // The unit goes through OpenCC too: 個, 場, 冊, 條, 處 arrive as 个, 场, 册, 条, 处.
        let subject = t2s(row.traditional.subject), unit = t2s(row.traditional.unit)
        #expect(subject != row.traditional.subject, "the row's subject is not in traditional script")
        #expect(matcher.match(subject: subject, unit: unit)?.code == row.code, "\(row.traditional) → \(subject) [\(unit)]")
    }

    @Test(arguments: indicatorMatchingCases)
    func nearMissDoesNotGetTheIndicator(_ row: IndicatorMatchingCase) throws {
        let matcher = try DefaultIndicatorTaxonomy.matcher()
        let found = matcher.match(subject: row.nearMiss.subject, unit: row.nearMiss.unit)?.code
        #expect(found != row.code, "\(row.nearMiss)")
    }
}
