import Testing
@testable import GovReport

@Suite struct PartClassifierTests {
    static let headings: [(String, String)] = [
        ("2024年推进法治政府建设的主要举措和成效", "measures"),
        ("法治政府建设主要举措和成效", "measures"),
        ("工作情况", "measures"),
        ("主要做法", "measures"),
        ("主要工作开展情况及取得的成效", "measures"),
        ("推进法治政府建设的主要举措", "measures"),
        ("2023年重点工作完成情况", "measures"),
        ("坚持党的领导，全面提升依法行政能力", "measures"),
        ("存在的不足和原因", "problems"),
        ("法治政府建设存在问题", "problems"),
        ("存在的困难和问题", "problems"),
        ("工作中存在的薄弱环节", "problems"),
        ("推进法治政府建设存在的不足和原因", "problems"),
        ("党政主要负责人履行推进法治建设第一责任人职责情况", "leader_duty"),
        ("主要负责人推进法治政府建设第一责任人职责情况", "leader_duty"),
        ("党政主要负责人推进法治建设情况", "leader_duty"),
        ("履行推进法治建设第一责任人职责情况", "leader_duty"),
        ("下一年度工作安排", "next_year"),
        ("下一步工作打算", "next_year"),
        ("2025年推进法治政府建设的主要安排", "next_year"),
        ("法治政府建设2021年主要安排", "next_year"),
        ("2024年法治政府建设工作重点", "next_year"),
        ("2025年工作思路", "next_year"),
        ("下一步法治政府建设工作的改进措施", "next_year"),
        ("存在的问题和下一步工作打算", "next_year"),
        ("其他需要报告的情况", "other"),
        ("附件", "other"),
    ]

    @Test(arguments: headings)
    func classifiesHeading(_ heading: String, _ part: String) {
        #expect(PartClassifier().classify(heading: heading) == part)
    }

    @Test func foldsTraditionalAndWideForms() {
        let classifier = PartClassifier()
        #expect(classifier.classify(heading: "二、存在的問題和不足") == "problems")
        #expect(classifier.classify(heading: "黨政主要負責人履行推進法治建設第一責任人職責情況") == "leader_duty")
        #expect(classifier.classify(heading: "２０２４年 工作 計劃") == "next_year")
        #expect(classifier.classify(heading: "主要舉措和成效") == "measures")
    }

    @Test func looksAtTheBodyWhenTheHeadingSaysNothing() {
        let classifier = PartClassifier()
        #expect(classifier.classify(heading: "", body: "针对工作中存在的问题和不足，我镇将进一步加强队伍建设。") == "problems")
        #expect(classifier.classify(heading: "关于本年度", body: "全年共办理行政复议案件3件。") == "other")
    }

    @Test func extraKeywordsWinOverBuiltIns() {
        let classifier = PartClassifier(extraKeywords: ["next_year": ["努力"], "leader_duty": ["一把手"]])
        #expect(classifier.classify(heading: "今后努力") == "next_year")
        #expect(classifier.classify(heading: "一把手抓法治的情况") == "leader_duty")
        #expect(PartClassifier().classify(heading: "一把手抓法治的情况") == "measures")
    }
}
