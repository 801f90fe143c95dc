import Foundation
import Testing
@testable import GovReport

/// The ways reports word the same count, and the subjects that must stay empty, as the extract
/// stage gives them for fictional paragraphs such as:
/// 2023年，全镇共受理矛盾纠纷312件，调处矛盾纠纷298件，调解成功率达98.7%，其中邻里纠纷86件、
/// 婚姻家庭纠纷41件、合同纠纷19件、劳动争议12件、物业纠纷33件，涉及金额520余万元。
@Suite struct DefaultTaxonomyVariantsTests {
    /// Subject, unit and the indicator it must get; nil where it must stay empty.
    static let cases: [(String, String, String?)] = [
        // Synonyms of the same publicity count.
        ("发放法治宣传资料", "份", "publicity.materials"),
        ("累计发放普法资料", "份", "publicity.materials"),
        ("印发法治宣传册", "册", "publicity.materials"),
        ("分发普法读本", "本", "publicity.materials"),
        // Word order and verbs of the reconsideration and litigation counts.
        ("行政复议案件发案", "件", "reconsideration.cases"),
        ("发案行政复议案件", "件", "reconsideration.cases"),
        ("收到行政复议申请", "件", "reconsideration.cases"),
        ("被申请行政复议", "起", "reconsideration.cases"),
        ("行政诉讼案件发案", "件", "litigation.cases"),
        ("发生行政应诉案件", "宗", "litigation.cases"),
        // A number that mixes reconsideration and litigation stays empty.
        ("办理行政复议和行政诉讼案件", "件", nil),
        // 调处, 调解 and 化解 are one count; 受理 is kept apart.
        ("调处矛盾纠纷", "起", "mediation.disputes_mediated"),
        ("调解各类纠纷", "件", "mediation.disputes_mediated"),
        ("化解矛盾纠纷", "件", "mediation.disputes_mediated"),
        ("人民调解案件数", "件", "mediation.disputes_mediated"),
        ("协助调处纠纷", "起", "mediation.disputes_mediated"),
        ("共受理矛盾纠纷", "件", "mediation.disputes_received"),
        ("受理各类社会矛盾纠纷", "件", "mediation.disputes_received"),
        // 其中 parts name a kind of dispute and no verb: they stay empty.
        ("邻里纠纷", "件", nil),
        ("婚姻家庭纠纷", "件", nil),
        ("合同纠纷", "件", nil),
        ("劳动争议", "件", nil),
        ("物业纠纷", "件", nil),
        ("轻微人身损害赔偿纠纷", "起", nil),
        ("其他纠纷", "起", nil),
        // The near misses analysts asked about.
        ("调解成功率", "%", "mediation.success_rate"),
        ("调解成功率", "件", nil),
        ("法律顾问", "名", "legal_advisers.count"),
        ("法律顾问进社区服务时间", "小时", "legal_advisers.service_hours"),
        ("法律顾问坐班服务", "次", "legal_advisers.services"),
        ("行政复议纠错", "件", "reconsideration.corrected"),
        ("行政复议纠错率", "%", "reconsideration.correction_rate"),
        // One count in 人次, another in 场次: different indicators.
        ("开展普法宣传活动", "场次", "publicity.activities"),
        ("开展普法宣传活动", "人次", nil),
        ("参与群众", "人次", "publicity.audience"),
        ("开展法治培训", "场", "study.training_sessions"),
        ("开展法治培训", "人次", "study.training_attendance"),
        // A lecture is a lecture; a mixed list of events is an event count.
        ("开展普法讲座", "场", "publicity.lectures"),
        ("开展咨询、讲座等活动", "场", "publicity.activities"),
        // Counts of things the taxonomy does not cover stay empty.
        ("迁入企业", "家", nil),
        ("安装智慧消防设备", "个", nil),
        ("清理占道经营", "次", nil),
        ("中心3.0系统受理量", "件", nil),
        ("受理行政许可业务", "件", nil),
        ("按时办结率", "%", nil),
        ("合格率", "%", nil),
        ("涉及金额", "元", nil),
        ("民事诉讼一审", "件", nil),
        ("检察监督应诉", "件", nil),
    ]

    @Test func variantsGetTheSameIndicatorAndDoubtfulSubjectsStayEmpty() throws {
        let matcher = try DefaultIndicatorTaxonomy.matcher()
        for (subject, unit, expected) in Self.cases {
            #expect(matcher.match(subject: subject, unit: unit)?.code == expected, "\(subject) [\(unit)]")
        }
    }

    /// A traditional paragraph's subjects, converted as the normalize stage converts the whole text.
    @Test func traditionalVariantsAfterOpenCC() throws {
        let matcher = try DefaultIndicatorTaxonomy.matcher()
        let t2s = try TraditionalToSimplified()
        let cases: [(String, String, String?)] = [
            ("累計發放宣傳資料", "份", "publicity.materials"),
            ("發放普法宣傳冊", "冊", "publicity.materials"),
            ("調處矛盾糾紛", "起", "mediation.disputes_mediated"),
            ("鄰里糾紛", "起", nil),
            ("行政復議案件發案", "件", "reconsideration.cases"),
            ("辦結率", "%", nil),
        ]
        for (subject, unit, expected) in cases {
            #expect(matcher.match(subject: t2s(subject), unit: t2s(unit))?.code == expected, "\(subject) [\(unit)]")
        }
    }
}
