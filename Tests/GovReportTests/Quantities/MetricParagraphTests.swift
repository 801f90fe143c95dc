import Testing
@testable import GovReport

/// What one metric of a whole paragraph must be.
struct ExpectedQuantity {
    let value: Double
    let unit: String
    let qualifier: Qualifier
    let subject: String
    let raw: String
    let parent: Int?

    init(_ value: Double, _ unit: String, _ subject: String, raw: String, parent: Int? = nil) {
        self.init(value, unit, .exact, subject, raw: raw, parent: parent)
    }

    init(_ value: Double, _ unit: String, _ qualifier: Qualifier, _ subject: String, raw: String,
         parent: Int? = nil) {
        self.value = value
        self.unit = unit
        self.qualifier = qualifier
        self.subject = subject
        self.raw = raw
        self.parent = parent
    }
}

/// Checks the full list, in order, and that every offset points at its raw text.
func expectQuantities(_ paragraph: String, source: String? = nil, _ expected: [ExpectedQuantity],
                   sourceLocation: SourceLocation = #_sourceLocation) {
    let found = MetricExtractor.extract(paragraph: paragraph, sourceParagraph: source)
    #expect(found.count == expected.count, "\(found.map(\.raw))", sourceLocation: sourceLocation)
    for (k, (m, e)) in zip(found, expected).enumerated() {
        #expect(m.value == e.value, "#\(k) \(m.raw)", sourceLocation: sourceLocation)
        #expect(m.unit == e.unit, "#\(k) \(m.raw)", sourceLocation: sourceLocation)
        #expect(m.qualifier == e.qualifier, "#\(k) \(m.raw)", sourceLocation: sourceLocation)
        #expect(m.subject == e.subject, "#\(k) \(m.raw)", sourceLocation: sourceLocation)
        #expect(m.raw == e.raw, "#\(k)", sourceLocation: sourceLocation)
        #expect(m.parentIndex == e.parent, "#\(k) \(m.raw)", sourceLocation: sourceLocation)
        #expect(quantityScalarSlice(source ?? paragraph, m.charStart, m.charEnd) == m.raw, sourceLocation: sourceLocation)
        #expect(m.context.unicodeScalars.count > 0 && paragraph.contains(m.context), sourceLocation: sourceLocation)
    }
}

@Test func legalPublicityParagraph() {
    expectQuantities(
        "2023年，青溪街道坚持把普法宣传作为基础性工作，全年共发放法治宣传资料2.3万余份，开展“宪法进社区”集中宣传36场次，"
            + "解答群众法律咨询1200余人次。依托“法律明白人”队伍，组织法治讲座、以案释法等活动共40多场，受教育群众超过6000人次。"
            + "街道公共法律服务工作站全年接待来访群众约850人次，办结率达到100%。",
        [
            ExpectedQuantity(23_000, "份", .moreThan, "发放法治宣传资料", raw: "2.3万余份"),
            ExpectedQuantity(36, "场次", "开展“宪法进社区”集中宣传", raw: "36场次"),
            ExpectedQuantity(1200, "人次", .moreThan, "解答群众法律咨询", raw: "1200余人次"),
            ExpectedQuantity(40, "场", .moreThan, "组织法治讲座、以案释法等活动", raw: "40多场"),
            ExpectedQuantity(6000, "人次", .moreThan, "受教育群众", raw: "超过6000人次"),
            ExpectedQuantity(850, "人次", .approx, "接待来访群众", raw: "约850人次"),
            ExpectedQuantity(100, "%", "办结率", raw: "100%"),
        ])
}

@Test func mediationParagraphWithBreakdown() {
    expectQuantities(
        "松岭镇现有村(社区)人民调解委员会14个，专兼职人民调解员96名。全年共排查调处矛盾纠纷312起，调解成功率98.4%，"
            + "其中婚姻家庭纠纷58起、邻里纠纷103起、土地承包纠纷27起、其他纠纷124起，涉及金额680余万元。"
            + "“12348”热线转办事项21件全部办结。",
        [
            ExpectedQuantity(14, "个", "村(社区)人民调解委员会", raw: "14个"),
            ExpectedQuantity(96, "名", "专兼职人民调解员", raw: "96名"),
            ExpectedQuantity(312, "起", "排查调处矛盾纠纷", raw: "312起"),
            ExpectedQuantity(98.4, "%", "调解成功率", raw: "98.4%"),
            ExpectedQuantity(58, "起", "婚姻家庭纠纷", raw: "58起", parent: 2),
            ExpectedQuantity(103, "起", "邻里纠纷", raw: "103起", parent: 2),
            ExpectedQuantity(27, "起", "土地承包纠纷", raw: "27起", parent: 2),
            ExpectedQuantity(124, "起", "其他纠纷", raw: "124起", parent: 2),
            ExpectedQuantity(6_800_000, "元", .moreThan, "涉及金额", raw: "680余万元"),
            ExpectedQuantity(21, "件", "“12348”热线转办事项", raw: "21件"),
        ])
}

@Test func enforcementParagraph() {
    expectQuantities(
        "截至2023年11月底，白鹭湖区综合行政执法局共办理行政处罚案件426件，其中简易程序案件301件，普通程序案件125件，"
            + "罚没款合计87.65万元。开展“双随机、一公开”抽查52次，检查市场主体1,350户，发现问题隐患210处，已整改203处，"
            + "整改率96.7%。处理12345热线投诉举报1864件，按时办结率99.5%。",
        [
            ExpectedQuantity(426, "件", "办理行政处罚案件", raw: "426件"),
            ExpectedQuantity(301, "件", "简易程序案件", raw: "301件", parent: 0),
            ExpectedQuantity(125, "件", "普通程序案件", raw: "125件", parent: 0),
            ExpectedQuantity(876_500, "元", "罚没款", raw: "87.65万元"),
            ExpectedQuantity(52, "次", "开展“双随机、一公开”抽查", raw: "52次"),
            ExpectedQuantity(1350, "户", "检查市场主体", raw: "1,350户"),
            ExpectedQuantity(210, "处", "发现问题隐患", raw: "210处"),
            ExpectedQuantity(203, "处", "整改", raw: "203处"),
            ExpectedQuantity(96.7, "%", "整改率", raw: "96.7%"),
            ExpectedQuantity(1864, "件", "处理12345热线投诉举报", raw: "1864件"),
            ExpectedQuantity(99.5, "%", "按时办结率", raw: "99.5%"),
        ])
}

@Test func capacityParagraphWithCountedNouns() {
    expectQuantities(
        "金沙镇建有1个镇公共法律服务工作站、18个村(社区)公共法律服务室，聘请9名律师担任村(社区)法律顾问，实现法律顾问全覆盖。"
            + "全镇共有行政执法人员47名，今年新增6名同志取得行政执法证，32人持有法律职业资格证书。"
            + "法律顾问全年审查合同协议156份，出具法律意见书43份，参与化解信访积案11件，列席镇党委会、政府常务会议24次。",
        [
            ExpectedQuantity(1, "个", "镇公共法律服务工作站", raw: "1个"),
            ExpectedQuantity(18, "个", "村(社区)公共法律服务室", raw: "18个"),
            ExpectedQuantity(9, "名", "律师", raw: "9名"),
            ExpectedQuantity(47, "名", "行政执法人员", raw: "47名"),
            ExpectedQuantity(6, "名", "同志取得行政执法证", raw: "6名"),
            ExpectedQuantity(32, "人", "持有法律职业资格证书", raw: "32人"),
            ExpectedQuantity(156, "份", "审查合同协议", raw: "156份"),
            ExpectedQuantity(43, "份", "出具法律意见书", raw: "43份"),
            ExpectedQuantity(11, "件", "参与化解信访积案", raw: "11件"),
            ExpectedQuantity(24, "次", "列席镇党委会、政府常务会议", raw: "24次"),
        ])
}

@Test func paragraphFullOfNumbersThatAreNotMetrics() {
    expectQuantities(
        "(三)深化“八五”普法。按照《柳塘乡法治宣传教育第八个五年规划(2021—2025年)》(柳政发〔2021〕15号)要求，"
            + "以“12·4”国家宪法日、“3·15”等节点为契机，构建“1+3+N”普法矩阵。一是打造“15分钟公共法律服务圈”，实行24小时预约服务；"
            + "二是推行“一村(社区)一法律顾问”制度，全乡12个行政村实现全覆盖。1-10月，共开展送法下乡活动28场，"
            + "发放《民法典》读本3000余册，通过12348热线解答咨询460人次，培训“法律明白人”210名，评选“法治家庭”35户。",
        [
            ExpectedQuantity(12, "个", "行政村", raw: "12个"),
            ExpectedQuantity(28, "场", "开展送法下乡活动", raw: "28场"),
            ExpectedQuantity(3000, "册", .moreThan, "发放《民法典》读本", raw: "3000余册"),
            ExpectedQuantity(460, "人次", "解答咨询", raw: "460人次"),
            ExpectedQuantity(210, "名", "培训“法律明白人”", raw: "210名"),
            ExpectedQuantity(35, "户", "评选“法治家庭”", raw: "35户"),
        ])
}

@Test func breakdownOpeningASentenceAndAnAside() {
    expectQuantities(
        "全年共受理法律援助案件168件。其中，刑事案件72件，民事案件96件，为农民工讨薪138.6万元。开展安全生产检查，"
            + "检查加油站12家、危化品企业5家、小作坊31家，下达整改通知书26份(其中9份已复查合格)。",
        [
            ExpectedQuantity(168, "件", "受理法律援助案件", raw: "168件"),
            ExpectedQuantity(72, "件", "刑事案件", raw: "72件", parent: 0),
            ExpectedQuantity(96, "件", "民事案件", raw: "96件", parent: 0),
            ExpectedQuantity(1_386_000, "元", "为农民工讨薪", raw: "138.6万元"),
            ExpectedQuantity(12, "家", "检查加油站", raw: "12家"),
            ExpectedQuantity(5, "家", "危化品企业", raw: "5家"),
            ExpectedQuantity(31, "家", "小作坊", raw: "31家"),
            ExpectedQuantity(26, "份", "下达整改通知书", raw: "26份"),
            ExpectedQuantity(9, "份", "复查合格", raw: "9份", parent: 7),
        ])
}

/// A traditional-script report: subjects come from the simplified text, raw keeps the source characters.
@Test func traditionalScriptKeepsSourceCharactersInRaw() {
    let simplified = "2024年，云台街道行政复议案件发案19件，调撤5件，调撤率26.3%；行政诉讼案件发案7件，审结6件，败诉1件，"
        + "败诉率14.3%。街道领导出庭应诉率达到100%。全年组织干部参加学法考试2批次，参考率百分之百，平均成绩92.5分。"
        + "发放宣传资料1.2万余份，开展法治讲座16场次，排查隐患点位35处，公布处罚信息28条。"
    let traditional = "2024年，雲臺街道行政複議案件發案19件，調撤5件，調撤率26.3%；行政訴訟案件發案7件，審結6件，敗訴1件，"
        + "敗訴率14.3%。街道領導出庭應訴率達到100%。全年組織幹部參加學法考試2批次，參考率百分之百，平均成績92.5分。"
        + "發放宣傳資料1.2萬餘份，開展法治講座16場次，排查隱患點位35處，公佈處罰信息28條。"
    expectQuantities(simplified, source: traditional, [
        ExpectedQuantity(19, "件", "行政复议案件发案", raw: "19件"),
        ExpectedQuantity(5, "件", "调撤", raw: "5件"),
        ExpectedQuantity(26.3, "%", "调撤率", raw: "26.3%"),
        ExpectedQuantity(7, "件", "行政诉讼案件发案", raw: "7件"),
        ExpectedQuantity(6, "件", "审结", raw: "6件"),
        ExpectedQuantity(1, "件", "败诉", raw: "1件"),
        ExpectedQuantity(14.3, "%", "败诉率", raw: "14.3%"),
        ExpectedQuantity(100, "%", "领导出庭应诉率", raw: "100%"),
        ExpectedQuantity(2, "批次", "参加学法考试", raw: "2批次"),
        ExpectedQuantity(100, "%", "参考率", raw: "百分之百"),
        ExpectedQuantity(92.5, "分", "平均成绩", raw: "92.5分"),
        ExpectedQuantity(12_000, "份", .moreThan, "发放宣传资料", raw: "1.2萬餘份"),
        ExpectedQuantity(16, "场次", "开展法治讲座", raw: "16場次"),
        ExpectedQuantity(35, "处", "排查隐患点位", raw: "35處"),
        ExpectedQuantity(28, "条", "公布处罚信息", raw: "28條"),
    ])
}

@Test func sourceOfAnotherLengthIsIgnored() {
    let found = MetricExtractor.extract(paragraph: "发放宣传资料1.2万余份。", sourceParagraph: "發放宣傳資料")
    #expect(found.map(\.raw) == ["1.2万余份"])
}

@Test func contextIsTheSentenceOrTheGivenSpan() {
    let paragraph = "全年共调处纠纷208起，调解成功率达到100%。开展普法讲座12场；发放资料900份。"
    let found = MetricExtractor.extract(paragraph: paragraph)
    #expect(found.map(\.context) == ["全年共调处纠纷208起，调解成功率达到100%", "全年共调处纠纷208起，调解成功率达到100%",
                                     "开展普法讲座12场", "发放资料900份"])
    #expect(found.map(\.subject) == ["调处纠纷", "调解成功率", "开展普法讲座", "发放资料"])
    let spans = [ScalarSpan(0, 24), ScalarSpan(24, 43)]
    let withSpans = MetricExtractor.extract(paragraph: paragraph, sentences: spans)
    #expect(withSpans.last?.context == "开展普法讲座12场；发放资料900份")
}

@Test func totalsLinkOnlyToPartsOfTheSameKind() {
    // The rate between the total and 其中 is skipped; a part larger than the nearest total is not linked.
    let found = MetricExtractor.extract(
        paragraph: "复议案件发案43件，纠错2件(其中29件为同一事项)。共调处纠纷90起，成功率100%，其中邻里纠纷40起。")
    #expect(found.map(\.raw) == ["43件", "2件", "29件", "90起", "100%", "40起"])
    #expect(found.map(\.parentIndex) == [nil, nil, nil, nil, nil, 3])
    #expect(found.map(\.subject) == ["复议案件发案", "纠错", "同一事项", "调处纠纷", "成功率", "邻里纠纷"])
}

@Test func aBareVerbBorrowsTheNounOfTheNextCount() {
    let found = MetricExtractor.extract(paragraph: "今年新增15名，目前共有130名专职调解员。")
    #expect(found.map(\.subject) == ["新增专职调解员", "专职调解员"])
    #expect(found.map(\.value) == [15, 130])
}

@Test func aPartNamedByItsAgentKeepsTheAgent() {
    expectQuantities(
        "街道各调解组织共受理纠纷520件，其中各社区调委会受理纠纷318件，街道调委会受理纠纷202件。",
        [
            ExpectedQuantity(520, "件", "受理纠纷", raw: "520件"),
            ExpectedQuantity(318, "件", "各社区调委会受理纠纷", raw: "318件", parent: 0),
            ExpectedQuantity(202, "件", "街道调委会受理纠纷", raw: "202件", parent: 0),
        ])
}
