import Testing
@testable import GovReport

@Suite struct SegmentStageTests {
    @Test func ownLineHeadingsAtAllFiveLevels() throws {
        let result = try SegmentFixtures.segment(SegmentFixtures.ownLineReport)
        #expect(SegmentFixtures.outline(result) == [
            "1 1 一、 2023年推进法治政府建设的主要举措和成效",
            "1.1 2 （一） 强化组织领导",
            "1.1.1 3 1. 压实主体责任",
            "1.1.2 3 2. 健全工作机制",
            "1.1.2.1 4 （1） 完善议事规则",
            "1.1.2.2 4 （2） 落实学法制度",
            "1.1.2.2.1 5 一是 坚持会前学法",
            "1.1.2.2.2 5 二是 组织年度考法",
            "1.2 2 （二） 规范行政执法",
            "1.2.1 3 1. 推行“三项制度”",
            "2 1 二、 存在的不足和原因",
            "2.1 2 （一） 法治宣传形式较为单一",
            "3 1 三、 党政主要负责人履行推进法治建设第一责任人职责情况",
            "4 1 四、 2024年工作安排",
            "4.1 2 （一） 深化普法宣传",
        ])
        #expect(result.sections.map(\.part) == [
            "measures", "", "", "", "", "", "", "", "", "", "problems", "", "leader_duty", "next_year", "",
        ])
        // No paragraph is split: every input paragraph is one output paragraph.
        #expect(result.paragraphs.map(\.text) == SegmentFixtures.ownLineReport)
        #expect(result.paragraphs.map(\.sectionId) == [
            "", "1", "1.1", "1.1.1", "1.1.1", "1.1.2", "1.1.2.1", "1.1.2.1", "1.1.2.2", "1.1.2.2.1",
            "1.1.2.2.2", "1.2", "1.2.1", "1.2.1", "2", "2.1", "2.1", "3", "3", "4", "4.1", "4.1", "4.1", "4.1",
        ])
        #expect(result.sections.map(\.paragraphNo) == [1, 2, 3, 5, 6, 8, 9, 10, 11, 12, 14, 15, 17, 19, 20])
        for part in ["measures", "problems", "leader_duty", "next_year"] { #expect(result.hasPart(part)) }
        #expect(result.title == "云溪镇2023年法治政府建设情况报告")
        #expect(result.issuer == "云溪镇人民政府")
        #expect(result.publishDate == "2024-01-16")
        #expect(!result.hasPart("other"))
    }

    @Test func runInHeadingsKeepTheirBodyAndSplitEnumerations() throws {
        let result = try SegmentFixtures.segment(SegmentFixtures.runInReport)
        #expect(SegmentFixtures.outline(result) == [
            "1 1 一、 主要工作开展情况",
            "1.1 2 （一） 强化组织领导",
            "1.1.1 5 一是 成立领导小组",
            "1.1.2 5 二是 制定年度要点",
            "1.2 2 （二） 深化普法宣传",
            "1.3 2 （三） 规范执法行为",
            "2 1 二、 工作中存在的问题",
            "2.1 2 （一） 执法力量不足",
            "2.2 2 （二） 学法成效有待提升",
            "3 1 三、 主要负责人履行推进法治建设第一责任人职责情况",
            "4 1 四、 下一步工作打算",
            "4.1 2 （一） 加强队伍建设",
            "4.2 2 （二） 创新普法方式",
        ])
        #expect(result.sections.filter { !$0.part.isEmpty }.map(\.part) == ["measures", "problems", "leader_duty", "next_year"])
        let texts = result.paragraphs.map(\.text)
        #expect(texts[2] == "（一）强化组织领导。街道党工委高度重视法治建设，将其纳入年度重点工作，全年召开专题会议6次。")
        #expect(texts[3] == "一是成立领导小组。由党工委书记任组长，办事处主任任副组长。")
        #expect(texts[4] == "二是制定年度要点。印发《枫林街道2022年法治建设工作要点》，明确任务28项。")
        #expect(result.paragraphs[2].sectionId == "1.1")
        #expect(result.paragraphs[4].sectionId == "1.1.2")
        #expect(result.paragraphs[6].text.hasPrefix("（三）规范执法行为。全年立案查处违法行为42起，罚没款12.6万元。"))
        // Text splitting loses nothing but the whitespace between pieces.
        #expect(texts.joined() == SegmentFixtures.runInReport.joined())
    }

    @Test func oneLineReportIsSplitAtItsInlineHeadings() throws {
        let result = try SegmentFixtures.segment([SegmentFixtures.oneLineReport])
        #expect(SegmentFixtures.outline(result) == [
            "1 1 一、 法治政府建设主要举措和成效",
            "1.1 2 (一) 健全依法决策机制",
            "1.2 2 (二) 推进“放管服”改革",
            "2 1 二、 法治政府建设存在的不足和原因",
            "2.1 2 (一) 法治队伍专业力量薄弱",
            "2.2 2 (二) 普法针对性不强",
            "3 1 三、 党政主要负责人履行推进法治建设第一责任人职责情况",
            "3.1 5 一是 将履行法治建设第一责任人职责纳入年终述职",
            "3.2 5 二是 每季度听取一次法治工作汇报",
            "4 1 四、 2022年法治政府建设主要安排",
            "4.1 2 (一) 提升执法规范化水平",
            "4.2 2 (二) 深化法治文化阵地建设",
        ])
        #expect(result.sections.filter { !$0.part.isEmpty }.map(\.part) == ["measures", "problems", "leader_duty", "next_year"])
        let texts = result.paragraphs.map(\.text)
        #expect(texts.count == 14)
        #expect(texts[0].hasSuffix("现将2021年度法治政府建设情况报告如下:"))
        #expect(texts[1] == "一、法治政府建设主要举措和成效")
        #expect(texts[2] == "(一)健全依法决策机制 严格执行《白鹭街道重大行政决策程序规定》，全年作出重大行政决策3项，均经过合法性审查。")
        // A space after a sentence end was a paragraph break: the body goes on in the same section.
        #expect(texts[3] == "街道法律顾问列席党工委会议21次。")
        #expect(result.paragraphs[3].sectionId == "1.1")
        #expect(texts[8] == "三、党政主要负责人履行推进法治建设第一责任人职责情况 党工委书记亲自部署重要工作，及时研究解决法治建设重大问题。具体做法:")
        #expect(texts[9] == "一是将履行法治建设第一责任人职责纳入年终述职。")
        #expect(texts[13] == "(二)深化法治文化阵地建设 新建法治文化公园1个。")
        #expect(result.sections.map(\.paragraphNo) == [1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13])
    }

    @Test func headingGluedToTheNextMarkerWithoutSpaces() throws {
        let text = "现将有关情况报告如下：一、主要举措和成效（一）强化组织领导。全年召开专题会议3次。（二）规范执法行为。立案12起。二、存在问题（一）队伍力量薄弱。"
        let result = try SegmentFixtures.segment([text])
        #expect(SegmentFixtures.outline(result) == [
            "1 1 一、 主要举措和成效",
            "1.1 2 （一） 强化组织领导",
            "1.2 2 （二） 规范执法行为",
            "2 1 二、 存在问题",
            "2.1 2 （一） 队伍力量薄弱",
        ])
        #expect(result.paragraphs.map(\.text) == [
            "现将有关情况报告如下：", "一、主要举措和成效", "（一）强化组织领导。全年召开专题会议3次。",
            "（二）规范执法行为。立案12起。", "二、存在问题", "（一）队伍力量薄弱。",
        ])
    }

    @Test func skippedLevelsNestByDepth() throws {
        let result = try SegmentFixtures.segment(SegmentFixtures.skippingReport)
        #expect(SegmentFixtures.outline(result) == [
            "1 1 一、 2023年法治政府建设主要做法",
            "1.1 3 1、 健全制度体系",
            "1.2 3 2、 严格规范执法",
            "1.2.1 4 （1） 推行说理式执法",
            "1.2.2 4 （2） 落实首违不罚",
            "1.3 3 3、 强化权力监督",
            "2 1 二、 存在问题",
            "2.1 3 1、 执法人员年龄结构偏大",
            "3 1 三、 下步打算",
            "3.1 3 1、 持续加强执法队伍建设",
        ])
        #expect(result.sections.filter { $0.level == 1 }.map(\.part) == ["measures", "problems", "next_year"])
        #expect(result.paragraphs[0].sectionId == "")
    }

    @Test func reportWithoutTopLevelMarkersStartsAtDepthOne() throws {
        let result = try SegmentFixtures.segment([
            "现将我局2023年法治政府建设情况报告如下：",
            "（一）加强组织领导。局党组研究法治工作3次。",
            "（二）存在的问题。执法人员业务培训不足。",
            "（三）下一年度工作计划。开展执法培训2期。",
        ])
        #expect(SegmentFixtures.outline(result) == [
            "1 2 （一） 加强组织领导", "2 2 （二） 存在的问题", "3 2 （三） 下一年度工作计划",
        ])
        #expect(result.sections.map(\.part) == ["measures", "problems", "next_year"])
    }

    @Test func falseMarkersStayBodyText() throws {
        let result = try SegmentFixtures.segment(SegmentFixtures.trapReport)
        #expect(SegmentFixtures.outline(result) == [
            "1 1 一、 主要举措和成效",
            "1.1 2 （一） 加强合同管理",
            "1.2 2 （二） 深化普法宣传",
            "1.2.1 3 1. 开展宪法宣传",
            "1.2.3 3 3. 开展民法典宣传",
            "2 1 二、 存在问题",
        ])
        #expect(result.paragraphs.map(\.text) == SegmentFixtures.trapReport)
        #expect(result.paragraphs[2...9].allSatisfy { $0.sectionId == "1.1" })
        #expect(result.paragraphs[12].sectionId == "1.2.3")
        #expect(result.paragraphs[13].sectionId == "1.2.3")
    }

    @Test func enumerationBeforeTheOutlineIsBodyText() throws {
        let result = try SegmentFixtures.segment([
            "今年以来，我镇着力抓好三件事：一是健全制度；二是规范执法；三是强化监督。",
            "一、主要举措和成效",
            "（一）健全制度。制定规范性文件2件。",
        ])
        #expect(SegmentFixtures.outline(result) == ["1 1 一、 主要举措和成效", "1.1 2 （一） 健全制度"])
        #expect(result.paragraphs.count == 3)
    }

    @Test func enumerationOnlyReportUsesEnumerationsAsTopLevel() throws {
        let result = try SegmentFixtures.segment([
            "2023年，我街道法治建设工作情况如下。",
            "一是强化学法用法。组织干部学法6次。",
            "二是存在的问题。基层执法力量薄弱。",
        ])
        #expect(SegmentFixtures.outline(result) == ["1 5 一是 强化学法用法", "2 5 二是 存在的问题"])
        #expect(result.sections.map(\.part) == ["measures", "problems"])
    }

    @Test func traditionalSourceStaysAlignedWithSimplifiedText() throws {
        let result = try SegmentFixtures.segment([SegmentFixtures.traditionalNormalized],
                                                 sources: [SegmentFixtures.traditionalSource])
        #expect(result.sections.map(\.heading) == [
            "主要举措和成效", "强化组织领导", "存在问题", "执法力量薄弱",
            "党政主要负责人履行推进法治建设第一责任人职责情况", "下一年度工作计划", "加强队伍建设",
        ])
        #expect(result.sections.filter { $0.level == 1 }.map(\.part) == ["measures", "problems", "leader_duty", "next_year"])
        #expect(result.paragraphs.map(\.sourceText) == [
            "現將有關情況報告如下：",
            "一、主要舉措和成效",
            "（一）強化組織領導 鎮黨委召開專題會議6次，審議《關於進一步規範執法行為的實施意見》。",
            "二、存在問題",
            "（一）執法力量薄弱。執法人員僅5名，難以覆蓋全鎮轄區。",
            "三、黨政主要負責人履行推進法治建設第一責任人職責情況 鎮黨委書記帶頭講法治課2次。",
            "四、下一年度工作計劃",
            "（一）加強隊伍建設。",
        ])
        for paragraph in result.paragraphs {
            #expect(paragraph.text.unicodeScalars.count == paragraph.sourceText.unicodeScalars.count)
        }
        // A sentence span points at the same characters in both texts.
        let paragraph = result.paragraphs[4]
        let span = paragraph.sentences[1]
        #expect(slice(paragraph.text, span) == "执法人员仅5名，难以覆盖全镇辖区。")
        #expect(slice(paragraph.sourceText, span) == "執法人員僅5名，難以覆蓋全鎮轄區。")
    }

    @Test func misalignedSourceIsADocumentFailure() throws {
        #expect(throws: StageFailure.self) {
            try SegmentFixtures.segment(["一、主要举措和成效"], sources: ["一、主要舉措和成效 "])
        }
        do {
            _ = try SegmentFixtures.segment(["一、主要举措和成效", "二、存在问题"], sources: ["一、主要舉措和成效"])
            Issue.record("expected a failure")
        } catch let failure as StageFailure {
            #expect(failure.code == "segment.misaligned")
        }
    }

    @Test func optionsTurnSplittingAndEnumerationsOff() throws {
        var keepLists = SegmentOptions()
        keepLists.maxInlineLevel = 4
        let kept = try SegmentFixtures.segment(SegmentFixtures.runInReport, options: keepLists)
        #expect(!kept.sections.contains { $0.level == 5 })
        #expect(kept.paragraphs.count == SegmentFixtures.runInReport.count)

        var noEnumerations = SegmentOptions()
        noEnumerations.enumerations = false
        let plain = try SegmentFixtures.segment(SegmentFixtures.ownLineReport, options: noEnumerations)
        #expect(plain.sections.count == 13)
        #expect(plain.paragraphs[9].sectionId == "1.1.2.2")

        var noSplit = SegmentOptions()
        noSplit.splitRunInHeadings = false
        noSplit.splitSpacedParagraphs = false
        let whole = try SegmentFixtures.segment([SegmentFixtures.oneLineReport], options: noSplit)
        #expect(whole.paragraphs.count == 1)
        #expect(whole.sections.isEmpty)

        var spacedOnly = SegmentOptions()
        spacedOnly.splitRunInHeadings = false
        let spaced = try SegmentFixtures.segment([SegmentFixtures.oneLineReport], options: spacedOnly)
        #expect(spaced.sections.isEmpty)
        #expect(spaced.paragraphs.count > 1)
    }

    @Test func partKeywordsOptionExtendsTheClassifier() throws {
        let report = ["一、主要举措和成效", "二、巡察反馈意见整改", "（一）整改执法文书不规范问题。"]
        #expect(try SegmentFixtures.segment(report).sections[1].part == "other")
        var options = SegmentOptions()
        options.partKeywords = ["problems": ["巡察反馈"]]
        #expect(try SegmentFixtures.segment(report, options: options).sections[1].part == "problems")
    }

    @Test func longRunInHeadingIsCutAtAClause() throws {
        var options = SegmentOptions()
        options.maxHeadingChars = 20
        let result = try SegmentFixtures.segment(
            ["（一）全面落实行政执法责任制度，扎实开展执法案卷评查和执法人员培训工作取得明显成效今年共评查案卷30卷"],
            options: options)
        #expect(result.sections.map(\.heading) == ["全面落实行政执法责任制度"])
    }

    private func slice(_ text: String, _ span: ScalarSpan) -> String {
        let scalars = Array(text.unicodeScalars)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[span.start..<span.end])
        return String(view)
    }
}
