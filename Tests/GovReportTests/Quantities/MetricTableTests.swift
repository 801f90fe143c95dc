import Testing
@testable import GovReport

/// One clause with exactly one metric, and what the guidelines say it is.
struct QuantityRow: Sendable, CustomTestStringConvertible {
    let text: String
    let value: Double
    let unit: String
    let qualifier: Qualifier
    let subject: String
    let raw: String

    init(_ text: String, _ value: Double, _ unit: String, _ qualifier: Qualifier, _ subject: String, raw: String) {
        self.text = text
        self.value = value
        self.unit = unit
        self.qualifier = qualifier
        self.subject = subject
        self.raw = raw
    }

    var testDescription: String { text }
}

func quantityScalarSlice(_ s: String, _ start: Int, _ end: Int) -> String {
    let scalars = Array(s.unicodeScalars)
    guard start >= 0, start <= end, end <= scalars.count else { return "<out of range>" }
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[start..<end])
    return String(view)
}

// The rows of docs/metrics-guidelines.md, re-worded, then every qualifier, magnitude, money
// scaling, percentage form, Chinese numeral form and the common measure words.
let guidelineRows: [QuantityRow] = [
    QuantityRow("全年累计发放普法宣传资料1万余份。", 10_000, "份", .moreThan, "发放普法宣传资料", raw: "1万余份"),
    QuantityRow("组织集中普法宣传20场次，", 20, "场次", .exact, "组织集中普法宣传", raw: "20场次"),
    QuantityRow("为群众解答法律咨询800余人次。", 800, "人次", .moreThan, "解答法律咨询", raw: "800余人次"),
    QuantityRow("举办法律讲座、以案说法等活动共20多场。", 20, "场", .moreThan, "举办法律讲座、以案说法等活动", raw: "20多场"),
    QuantityRow("驻村法律顾问服务时长累计超过1800小时。", 1800, "小时", .moreThan, "驻村法律顾问服务时长", raw: "超过1800小时"),
    QuantityRow("矛盾纠纷调解成功率达到100%。", 100, "%", .exact, "矛盾纠纷调解成功率", raw: "100%"),
    QuantityRow("罚没款金额185300元。", 185_300, "元", .exact, "罚没款金额", raw: "185300元"),
    QuantityRow("涉案金额300余万元。", 3_000_000, "元", .moreThan, "涉案金额", raw: "300余万元"),
    QuantityRow("村法律顾问坐班值守千余次。", 1000, "次", .moreThan, "村法律顾问坐班值守", raw: "千余次"),
    QuantityRow("每名执法人员每年培训不少于60课时。", 60, "课时", .atLeast, "每名执法人员每年培训", raw: "不少于60课时"),
    QuantityRow("今年我乡126人参加网上学法考试。", 126, "人", .exact, "参加网上学法考试", raw: "126人"),
    QuantityRow("现有专职网格员85，覆盖全部小区。", 85, "", .exact, "专职网格员", raw: "85"),
    QuantityRow("服务群众1.5万人次。", 15_000, "人次", .exact, "服务群众", raw: "1.5万人次"),
]

let qualifierRows: [QuantityRow] = [
    QuantityRow("受理法律援助申请逾300件。", 300, "件", .moreThan, "受理法律援助申请", raw: "逾300件"),
    QuantityRow("参与志愿者超过500人。", 500, "人", .moreThan, "参与志愿者", raw: "超过500人"),
    QuantityRow("走访辖区企业200多家。", 200, "家", .moreThan, "走访辖区企业", raw: "200多家"),
    QuantityRow("开展入户走访超1000户次。", 1000, "户次", .moreThan, "开展入户走访", raw: "超1000户次"),
    QuantityRow("培训网格员至少40人次。", 40, "人次", .atLeast, "培训网格员", raw: "至少40人次"),
    QuantityRow("党委中心组集中学法不低于12次。", 12, "次", .atLeast, "党委中心组集中学法", raw: "不低于12次"),
    QuantityRow("领导干部年度学法时长40课时以上。", 40, "课时", .atLeast, "领导干部年度学法时长", raw: "40课时以上"),
    QuantityRow("行政复议案件结案率不低于95%。", 95, "%", .atLeast, "行政复议案件结案率", raw: "不低于95%"),
    QuantityRow("回访调解当事人近2000户。", 2000, "户", .lessThan, "回访调解当事人", raw: "近2000户"),
    QuantityRow("遗留信访积案不足10件。", 10, "件", .lessThan, "遗留信访积案", raw: "不足10件"),
    QuantityRow("参加旁听庭审的干部不到30人。", 30, "人", .lessThan, "参加旁听庭审的干部", raw: "不到30人"),
    QuantityRow("每期培训班学员不超过50人。", 50, "人", .atMost, "每期培训班学员", raw: "不超过50人"),
    QuantityRow("每场讲座参与人数最多120人。", 120, "人", .atMost, "每场讲座参与人数", raw: "最多120人"),
    QuantityRow("行政诉讼败诉率控制在3%以内。", 3, "%", .atMost, "行政诉讼败诉率", raw: "3%以内"),
    QuantityRow("对轻微违法行为处以罚款2000元以下。", 2000, "元", .atMost, "对轻微违法行为处以罚款", raw: "2000元以下"),
    QuantityRow("投入普法经费约12万元。", 120_000, "元", .approx, "投入普法经费", raw: "约12万元"),
    QuantityRow("参与活动群众300人左右。", 300, "人", .approx, "参与活动群众", raw: "300人左右"),
    QuantityRow("法律服务覆盖居民大约4000户。", 4000, "户", .approx, "法律服务覆盖居民", raw: "大约4000户"),
    QuantityRow("每月接待来访50人次上下。", 50, "人次", .approx, "每月接待来访", raw: "50人次上下"),
    QuantityRow("群众满意率达98.6%。", 98.6, "%", .exact, "群众满意率", raw: "98.6%"),
    QuantityRow("受益群众达到1200人。", 1200, "人", .exact, "受益群众", raw: "1200人"),
    QuantityRow("化解重复信访事项将近80件。", 80, "件", .lessThan, "化解重复信访事项", raw: "将近80件"),
]

let magnitudeRows: [QuantityRow] = [
    QuantityRow("发放宣传折页2.6万份。", 26_000, "份", .exact, "发放宣传折页", raw: "2.6万份"),
    QuantityRow("为群众挽回经济损失1.2亿元。", 120_000_000, "元", .exact, "挽回经济损失", raw: "1.2亿元"),
    QuantityRow("参与线上答题3万余人次。", 30_000, "人次", .moreThan, "参与线上答题", raw: "3万余人次"),
    QuantityRow("涉及标的额100多万元。", 1_000_000, "元", .moreThan, "涉及标的额", raw: "100多万元"),
    QuantityRow("受益群众5千人。", 5000, "人", .exact, "受益群众", raw: "5千人"),
    QuantityRow("追缴欠薪26.8万元。", 268_000, "元", .exact, "追缴欠薪", raw: "26.8万元"),
    QuantityRow("办理公证事项1,234件。", 1234, "件", .exact, "办理公证事项", raw: "1,234件"),
    QuantityRow("培训人员1，500人次。", 1500, "人次", .exact, "培训人员", raw: "1，500人次"),
    QuantityRow("拨付执法经费12,500.5元。", 12_500.5, "元", .exact, "拨付执法经费", raw: "12,500.5元"),
    QuantityRow("普法微信公众号关注用户达2.4万余人。", 24_000, "人", .moreThan, "普法微信公众号关注用户", raw: "2.4万余人"),
    QuantityRow("发放稳岗补贴3亿余元。", 300_000_000, "元", .moreThan, "发放稳岗补贴", raw: "3亿余元"),
    QuantityRow("线上普法平台累计访问1200万人次。", 12_000_000, "人次", .exact, "线上普法平台累计访问", raw: "1200万人次"),
]

let chineseNumeralRows: [QuantityRow] = [
    QuantityRow("服务居民两千余人。", 2000, "人", .moreThan, "服务居民", raw: "两千余人"),
    QuantityRow("发放法律明白卡一万余份。", 10_000, "份", .moreThan, "发放法律明白卡", raw: "一万余份"),
    QuantityRow("开展法治文艺演出二十余场。", 20, "场", .moreThan, "开展法治文艺演出", raw: "二十余场"),
    QuantityRow("培训基层干部一百二十三名。", 123, "名", .exact, "培训基层干部", raw: "一百二十三名"),
    QuantityRow("审查各类合同三十六份。", 36, "份", .exact, "审查各类合同", raw: "三十六份"),
    QuantityRow("受理群众咨询百余人次。", 100, "人次", .moreThan, "受理群众咨询", raw: "百余人次"),
    QuantityRow("法治宣传惠及居民近万人。", 10_000, "人", .lessThan, "法治宣传惠及居民", raw: "近万人"),
    QuantityRow("调处邻里纠纷十余起。", 10, "起", .moreThan, "调处邻里纠纷", raw: "十余起"),
    QuantityRow("帮助企业挽回损失十余万元。", 100_000, "元", .moreThan, "帮助企业挽回损失", raw: "十余万元"),
    QuantityRow("发放宣传资料三千五百份。", 3500, "份", .exact, "发放宣传资料", raw: "三千五百份"),
    QuantityRow("走访困难群众四十多户。", 40, "户", .moreThan, "走访困难群众", raw: "四十多户"),
    QuantityRow("志愿服务参与人数上千人。", 1000, "人", .atLeast, "志愿服务参与人数", raw: "上千人"),
    QuantityRow("全年办理案件一千零五件。", 1005, "件", .exact, "办理案件", raw: "一千零五件"),
]

let percentRows: [QuantityRow] = [
    QuantityRow("群众对法律服务满意度98%。", 98, "%", .exact, "群众对法律服务满意度", raw: "98%"),
    QuantityRow("群众满意率达到百分之九十五。", 95, "%", .exact, "群众满意率", raw: "百分之九十五"),
    QuantityRow("村居法律顾问覆盖率百分之百。", 100, "%", .exact, "村居法律顾问覆盖率", raw: "百分之百"),
    QuantityRow("案件按期结案率百分之九十五点五。", 95.5, "%", .exact, "案件按期结案率", raw: "百分之九十五点五"),
    QuantityRow("行政复议纠错率同比下降2.5个百分点。", 2.5, "个百分点", .exact, "行政复议纠错率同比下降", raw: "2.5个百分点"),
    QuantityRow("全村实现法律顾问100%的覆盖率。", 100, "%", .exact, "法律顾问覆盖率", raw: "100%"),
    QuantityRow("政务服务好评率99.2%。", 99.2, "%", .exact, "政务服务好评率", raw: "99.2%"),
    QuantityRow("热线工单办结率100%。", 100, "%", .exact, "热线工单办结率", raw: "100%"),
    QuantityRow("行政机关负责人出庭应诉率不低于百分之九十。", 90, "%", .atLeast, "行政机关负责人出庭应诉率", raw: "不低于百分之九十"),
    QuantityRow("执法案卷优良率达57%。", 57, "%", .exact, "执法案卷优良率", raw: "57%"),
]

let measureWordRows: [QuantityRow] = [
    QuantityRow("办理劳动争议案件15宗。", 15, "宗", .exact, "办理劳动争议案件", raw: "15宗"),
    QuantityRow("查处无证经营行为8起。", 8, "起", .exact, "查处无证经营行为", raw: "8起"),
    QuantityRow("组建法律志愿服务队6支。", 6, "支", .exact, "组建法律志愿服务队", raw: "6支"),
    QuantityRow("建成法治文化阵地12处。", 12, "处", .exact, "建成法治文化阵地", raw: "12处"),
    QuantityRow("举办执法业务培训班4期。", 4, "期", .exact, "举办执法业务培训班", raw: "4期"),
    QuantityRow("制作普法宣传展板30块。", 30, "块", .exact, "制作普法宣传展板", raw: "30块"),
    QuantityRow("张贴禁毒宣传海报200张。", 200, "张", .exact, "张贴禁毒宣传海报", raw: "200张"),
    QuantityRow("发放民法典口袋书500册。", 500, "册", .exact, "发放民法典口袋书", raw: "500册"),
    QuantityRow("出动执法车辆36辆。", 36, "辆", .exact, "出动执法车辆", raw: "36辆"),
    QuantityRow("配备执法记录仪20台。", 20, "台", .exact, "配备执法记录仪", raw: "20台"),
    QuantityRow("开展专项整治行动7项。", 7, "项", .exact, "开展专项整治行动", raw: "7项"),
    QuantityRow("录制普法短视频15条。", 15, "条", .exact, "录制普法短视频", raw: "15条"),
    QuantityRow("刊发普法信息24篇。", 24, "篇", .exact, "刊发普法信息", raw: "24篇"),
    QuantityRow("入户走访困难农户320户。", 320, "户", .exact, "入户走访困难农户", raw: "320户"),
    QuantityRow("创建民主法治示范村4个。", 4, "个", .exact, "创建民主法治示范村", raw: "4个"),
    QuantityRow("辖区有律师事务所3家。", 3, "家", .exact, "律师事务所", raw: "3家"),
    QuantityRow("走访辖区中小学校9所。", 9, "所", .exact, "走访辖区中小学校", raw: "9所"),
    QuantityRow("网格员值班值守360小时。", 360, "小时", .exact, "网格员值班值守", raw: "360小时"),
    QuantityRow("集中整治行动持续45天。", 45, "天", .exact, "集中整治行动持续", raw: "45天"),
    QuantityRow("开展普法文艺演出11场。", 11, "场", .exact, "开展普法文艺演出", raw: "11场"),
    QuantityRow("排查安全隐患点位68个。", 68, "个", .exact, "排查安全隐患点位", raw: "68个"),
    QuantityRow("组织调解员参加业务培训2批次。", 2, "批次", .exact, "参加业务培训", raw: "2批次"),
    QuantityRow("法律援助平均响应时间15分钟。", 15, "分钟", .exact, "法律援助平均响应时间", raw: "15分钟"),
    QuantityRow("组织网格员轮训3轮。", 3, "轮", .exact, "组织网格员轮训", raw: "3轮"),
    QuantityRow("拆除违法建筑2300平方米。", 2300, "平方米", .exact, "拆除违法建筑", raw: "2300平方米"),
    QuantityRow("清运建筑垃圾120吨。", 120, "吨", .exact, "清运建筑垃圾", raw: "120吨"),
    QuantityRow("全年办理法律援助案件56例。", 56, "例", .exact, "办理法律援助案件", raw: "56例"),
    QuantityRow("执法人员培训考试平均得分91.5分。", 91.5, "分", .exact, "执法人员培训考试平均得分", raw: "91.5分"),
    QuantityRow("联合8部门开展执法检查。", 8, "部门", .exact, "联合部门", raw: "8部门"),
    QuantityRow("办理行政许可事项同比增长1.5倍。", 1.5, "倍", .exact, "办理行政许可事项同比增长", raw: "1.5倍"),
    QuantityRow("新增智能门禁1000个。", 1000, "个", .exact, "新增智能门禁", raw: "1000个"),
    QuantityRow("受理行政复议申请 25 件。", 25, "件", .exact, "受理行政复议申请", raw: "25 件"),
]

/// Subjects found after the number, in lists and in rates.
let subjectRows: [QuantityRow] = [
    QuantityRow("12人持有法律职业资格证书。", 12, "人", .exact, "持有法律职业资格证书", raw: "12人"),
    QuantityRow("街道配备5名专职人民调解员。", 5, "名", .exact, "专职人民调解员", raw: "5名"),
    QuantityRow("聘请8名律师担任村居法律顾问。", 8, "名", .exact, "律师", raw: "8名"),
    QuantityRow("辖区建有7个社区公共法律服务点。", 7, "个", .exact, "社区公共法律服务点", raw: "7个"),
    QuantityRow("纠纷调解成功率为97%。", 97, "%", .exact, "纠纷调解成功率", raw: "97%"),
    QuantityRow("截至目前，共有213名“法律明白人”。", 213, "名", .exact, "法律明白人", raw: "213名"),
    QuantityRow("2023年1-6月，综合执法队共查处占道经营案件42起。", 42, "起", .exact, "查处占道经营案件", raw: "42起"),
    QuantityRow("一是深化普法宣传，开展主题活动18次。", 18, "次", .exact, "开展主题活动", raw: "18次"),
    QuantityRow("社区律师与村民座谈交流26次。", 26, "次", .exact, "社区律师与村民座谈交流", raw: "26次"),
    QuantityRow("处理12345热线投诉64件。", 64, "件", .exact, "处理12345热线投诉", raw: "64件"),
    QuantityRow("“法治夜校”全年开课48期。", 48, "期", .exact, "“法治夜校”开课", raw: "48期"),
    QuantityRow("企业用工指导等9个事项有序推进。", 9, "个", .exact, "企业用工指导等事项", raw: "9个"),
    QuantityRow("全区34个村(社区)实现法律顾问全覆盖。", 34, "个", .exact, "村(社区)", raw: "34个"),
    QuantityRow("综合行政执法大队办理占道经营案件73件。", 73, "件", .exact, "办理占道经营案件", raw: "73件"),
    QuantityRow("通过村务公开栏等渠道公开政府信息365条。", 365, "条", .exact, "公开政府信息", raw: "365条"),
    QuantityRow("每个行政村至少配备5名法律明白人。", 5, "名", .atLeast, "法律明白人", raw: "5名"),
    QuantityRow("法律顾问每月至少到村坐班2次。", 2, "次", .atLeast, "法律顾问每月到村坐班", raw: "2次"),
    QuantityRow("邀请法律顾问审查合同等文件17件。", 17, "件", .exact, "邀请法律顾问审查合同等文件", raw: "17件"),
]

let allMetricRows = guidelineRows + qualifierRows + magnitudeRows + chineseNumeralRows + percentRows
    + measureWordRows + subjectRows

@Test(arguments: allMetricRows)
func extractsTheOneMetricOfAClause(row: QuantityRow) {
    let found = MetricExtractor.extract(paragraph: row.text)
    #expect(found.count == 1, "\(found.map(\.raw))")
    guard let m = found.first else { return }
    #expect(m.value == row.value)
    #expect(m.unit == row.unit)
    #expect(m.qualifier == row.qualifier)
    #expect(m.subject == row.subject)
    #expect(m.raw == row.raw)
    #expect(quantityScalarSlice(row.text, m.charStart, m.charEnd) == m.raw)
    #expect(m.parentIndex == nil)
}

/// Numbers that are not metrics (docs/metrics-guidelines.md, "Not a metric"), in clauses of their own.
let nonMetricClauses: [String] = [
    // Dates, years, months and periods.
    "发布时间：2023-02-14 来源：柳塘乡人民政府",
    "柳塘乡人民政府 2023年2月3",
    "截至10月31日，各项工作有序推进。",
    "1-9月，全镇安全生产形势平稳。",
    "2018年至今，始终坚持问题导向。",
    "制定《普法规划(2021-2025年)》。",
    "3月8日召开妇女权益保障座谈会。",
    "截至20228月，工作有序推进。",
    "201920226月底，持续开展排查。",
    "2023年度法治政府建设情况报告",
    "二〇二三年十二月二十日",
    "连续3年获评先进单位。",
    "专项行动持续3个月。",
    "历时2个多月完成整改。",
    // Ordinals and names of meetings, plans and slogans.
    "开展第八个五年法治宣传教育。",
    "深入学习贯彻党的二十大精神。",
    "认真学习十九届六中全会精神。",
    "谋划“十四五”法治建设。",
    "启动“八五”普法。",
    "落实十四五规划要求。",
    "围绕“1310”具体部署抓落实。",
    "构建“1+5+N”法治宣传模式。",
    "以“12.4”国家宪法日为契机。",
    "开展“3·15”消费者权益保护宣传。",
    "围绕6.26国际禁毒日开展宣传。",
    "第3季度召开专题会议。",
    "在全区考核中位列前3名。",
    "获评区基层法治建设十大成就案例。",
    // Hotline, phone and case numbers.
    "畅通12345热线诉求渠道。",
    "推广12348法律服务热线。",
    "完善110联动机制。",
    "联系电话：0571-86001234。",
    "案号为(2023)浙0106行初123号。",
    "加快5G基站建设。",
    // Document numbers and titles.
    "根据《工作方案》(沪府办发〔2019〕20号)要求。",
    "印发《柳塘乡2023年普法工作要点》。",
    "执行《关于印发<法治政府建设实施纲要(2015-2020年)>的通知》。",
    "依据闵民[2019]120号文件。",
    // Section and list markers.
    "一、工作情况",
    "(一)加强组织领导",
    "1.强化领导责任",
    "2、扎实推进法治建设",
    "(3)完善制度机制",
    "一是加强领导，二是完善机制。",
    "第一，压实责任。",
    "(十一)推动政务公开",
    "十二、其他工作",
    // Fixed terms that merely contain a number.
    "打造15分钟公共法律服务圈。",
    "实施24小时监控模式。",
    "升级3.0系统。",
    "推行一村(社区)一法律顾问制度。",
    "落实行政执法三项制度。",
    "坚决做到两个维护。",
    "实现三降一升工作成效。",
    "提供一站式服务。",
    "重点人员一人一档管理。",
    "每周一三五上午轮流值班。",
    "每周二、周四驻点办公。",
    "对500米范围内进行巡查。",
    "承诺3个工作日内办结。",
    "关爱60岁以上老人。",
    "工作时间为9:00-17:00。",
    // Small counts in Chinese numerals, lone magnitudes and idioms.
    "招录一名专职法制员。",
    "做好两类人员管理。",
    "下设三个专项工作小组。",
    "法治宣传走进千家万户。",
    "十分重视法治建设。",
    "千方百计为百姓办实事。",
    "近三年未发生重大案件。",
]

@Test(arguments: nonMetricClauses)
func findsNoMetricIn(clause: String) {
    let found = MetricExtractor.extract(paragraph: clause)
    #expect(found.isEmpty, "\(found.map { "\($0.raw)→\($0.subject)" })")
}

@Test(arguments: [
    ("一百二十三", 123.0), ("十二", 12), ("二十", 20), ("两千", 2000), ("三万五千", 35_000), ("一千零五", 1005),
    ("千", 1000), ("万", 10_000), ("一亿五千万", 150_000_000), ("十万", 100_000), ("九十五", 95),
])
func readsChineseNumerals(numeral: String, value: Double) {
    #expect(ChineseNumerals.value(of: numeral) == value)
}

@Test(arguments: ["十四五", "二〇二三", "一三五", "万一", "三万五", "零五"])
func refusesRunsThatAreNotNumbers(run: String) {
    #expect(ChineseNumerals.value(of: run) == nil)
}
