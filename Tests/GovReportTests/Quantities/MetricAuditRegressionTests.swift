import Testing
@testable import GovReport

// Regressions from the hand audit of the metric rules (issue 8): each case is a made-up sentence in
// the style of the reports that showed one error, with what the guidelines make of it.

@Suite("metric rules: audit regressions")
struct MetricAuditRegressionTests {
    // MARK: Measure words

    @Test func roundsAndLessonsAreMeasureWordsOfTheirOwn() {
        expectQuantities("组织联合执法行动4轮次，送法进校园授课28课次。", [
            ExpectedQuantity(4, "轮次", "组织联合执法行动", raw: "4轮次"),
            ExpectedQuantity(28, "课次", "送法进校园授课", raw: "28课次"),
        ])
    }

    // MARK: Not metrics

    @Test func theUpperEndOfAFineRangeIsNotAMetric() {
        #expect(MetricExtractor.extract(paragraph: "对违规停放行为处以罚款50元至200元。").isEmpty)
        #expect(MetricExtractor.extract(paragraph: "对违法行为人处1万元至3万元罚款。").isEmpty)
    }

    @Test func theAspectsOfAnArgumentAreNotCounts() {
        #expect(MetricExtractor.extract(paragraph: "重点从5个方面推进依法行政。").isEmpty)
    }

    // MARK: Comparisons

    @Test func aChangeNamesWhatChanged() {
        expectQuantities("受理法律援助申请64件，同比增长6.7%。", [
            ExpectedQuantity(64, "件", "受理法律援助申请", raw: "64件"),
            ExpectedQuantity(6.7, "%", "受理法律援助申请同比增长", raw: "6.7%"),
        ])
    }

    @Test func fromAndToLevelsShareTheirSubject() {
        expectQuantities("行政诉讼败诉率从上年的12%降至5%。", [
            ExpectedQuantity(12, "%", "行政诉讼败诉率", raw: "12%"),
            ExpectedQuantity(5, "%", "行政诉讼败诉率", raw: "5%"),
        ])
        expectQuantities("群众满意度从2022年的90.4%提升至96%。", [
            ExpectedQuantity(90.4, "%", "群众满意度", raw: "90.4%"),
            ExpectedQuantity(96, "%", "群众满意度", raw: "96%"),
        ])
    }

    @Test func aNewLevelAfterAChangeTakesTheMeasureNotTheVerb() {
        expectQuantities("群众满意度同比提高2.5个百分点，达到97.1%。", [
            ExpectedQuantity(2.5, "个百分点", "群众满意度同比提高", raw: "2.5个百分点"),
            ExpectedQuantity(97.1, "%", "群众满意度", raw: "97.1%"),
        ])
    }

    // MARK: Subjects

    @Test func aQuotedSloganKeepsItsQualifierWord() {
        expectQuantities("“最多跑一次”事项办结率达到99%。", [
            ExpectedQuantity(99, "%", "“最多跑一次”事项办结率", raw: "99%"),
        ])
    }

    @Test func aShareBeforeItsNounTakesTheNounAfter() {
        expectQuantities("全镇85%以上行政审批事项实现“一窗受理”。", [
            ExpectedQuantity(85, "%", .atLeast, "行政审批事项实现“一窗受理”", raw: "85%以上"),
        ])
    }

    @Test func theCountedNounEndsWhereThePredicateStarts() {
        expectQuantities("对情节轻微的12家个体工商户不予处罚。", [
            ExpectedQuantity(12, "家", "个体工商户", raw: "12家"),
        ])
        expectQuantities("300余名志愿者参与了普法宣传。", [
            ExpectedQuantity(300, "名", .moreThan, "志愿者", raw: "300余名"),
        ])
        expectQuantities("排查发现12家餐饮店涉及消防隐患。", [
            ExpectedQuantity(12, "家", "餐饮店", raw: "12家"),
        ])
    }

    @Test func theCountedNounEndsBeforeWhatHangsOnItWithDe() {
        expectQuantities("加强对辖区1500余家商户的普法宣传。", [
            ExpectedQuantity(1500, "家", .moreThan, "商户", raw: "1500余家"),
        ])
    }

    @Test func biaoDeIsAWordNotASubjectWithATrailingDe() {
        expectQuantities("化解纠纷争议标的120余万元。", [
            ExpectedQuantity(1_200_000, "元", .moreThan, "化解纠纷争议标的", raw: "120余万元"),
        ])
    }

    @Test func quartersAreTimeWords() {
        expectQuantities("第3季度受理行政复议申请9件，第二季度办结信访事项14件。", [
            ExpectedQuantity(9, "件", "受理行政复议申请", raw: "9件"),
            ExpectedQuantity(14, "件", "办结信访事项", raw: "14件"),
        ])
    }

    // MARK: Breakdowns

    @Test func partsListedTogetherShareTheirTotal() {
        expectQuantities("新建法治宣传阵地6处，其中法治广场2个、法治长廊4条。", [
            ExpectedQuantity(6, "处", "新建法治宣传阵地", raw: "6处"),
            ExpectedQuantity(2, "个", "法治广场", raw: "2个", parent: 0),
            ExpectedQuantity(4, "条", "法治长廊", raw: "4条", parent: 0),
        ])
    }
}

@Suite("metric rules: where a 其中 list ends")
struct BreakdownListEndTests {
    @Test func aListJoinedByDunEndsAtTheNextClause() {
        expectQuantities("全年调处矛盾纠纷215起，其中土地纠纷61起、邻里纠纷40起，调解成功209起，调解成功率97.2%。", [
            ExpectedQuantity(215, "起", "调处矛盾纠纷", raw: "215起"),
            ExpectedQuantity(61, "起", "土地纠纷", raw: "61起", parent: 0),
            ExpectedQuantity(40, "起", "邻里纠纷", raw: "40起", parent: 0),
            ExpectedQuantity(209, "起", "调解成功", raw: "209起"),
            ExpectedQuantity(97.2, "%", "调解成功率", raw: "97.2%"),
        ])
    }

    @Test func aListSeparatedByCommasRunsToTheSentenceEnd() {
        expectQuantities("全年立案查处违法行为130件，其中普通程序案件52件，简易程序案件78件。", [
            ExpectedQuantity(130, "件", "立案查处违法行为", raw: "130件"),
            ExpectedQuantity(52, "件", "普通程序案件", raw: "52件", parent: 0),
            ExpectedQuantity(78, "件", "简易程序案件", raw: "78件", parent: 0),
        ])
    }
}
