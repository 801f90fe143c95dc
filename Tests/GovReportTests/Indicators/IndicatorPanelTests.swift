import Testing
@testable import GovReport

@Suite struct IndicatorPanelTests {
    private typealias F = IndicatorPanelFixture

    private func entry(_ code: String, _ value: Double, _ unit: String, _ ids: [Int]) -> PanelEntry {
        PanelEntry(indicator: code, value: value, unit: unit, nMentions: ids.count, metricIds: ids)
    }

    /// The whole panel of one report, with the default taxonomy assigning the indicators.
    @Test func thePanelOfAFictionalTownshipReport() throws {
        let metrics = F.withIndicators(F.qingheTownship, try DefaultIndicatorTaxonomy.matcher())
        #expect(IndicatorPanel.entries(metrics: metrics) == [
            entry("enforcement.cases_filed", 146, "件", [4]),
            entry("enforcement.fines_amount", 126_000, "元", [7]),
            entry("enforcement.hazards_found", 57, "处", [10]),
            entry("enforcement.hazards_rectified", 57, "处", [11]),
            entry("enforcement.inspected_units", 310, "家", [9]),
            entry("enforcement.inspections", 24, "次", [8]),
            entry("enforcement.ordinary_procedure_cases", 38, "件", [5]),
            entry("enforcement.summary_procedure_cases", 108, "件", [6]),
            entry("litigation.cases", 5, "件", [29]),
            entry("litigation.head_appearance_rate", 100, "%", [32]),
            entry("litigation.loss_rate", 20, "%", [31]),
            entry("litigation.lost", 1, "件", [30]),
            entry("mediation.disputes_mediated", 205, "件", [14]),
            entry("mediation.disputes_received", 212, "件", [12, 13]),
            entry("mediation.success_rate", 96.7, "%", [15]),
            entry("publicity.activities", 42, "场次", [19, 26]),
            entry("publicity.audience", 12_000, "人次", [21]),
            entry("publicity.lectures", 26, "场", [22]),
            entry("publicity.legal_consultations", 640, "人次", [23, 24, 25]),
            entry("publicity.materials", 8600, "份", [20]),
            entry("reconsideration.cases", 3, "件", [27]),
            entry("reconsideration.corrected", 1, "件", [28]),
            entry("services.hotline_12345_tickets", 1862, "件", [35]),
            entry("services.stations", 14, "个", [33, 34]),
            entry("study.central_group_sessions", 6, "次", [1]),
            entry("study.exam_participants", 82, "人", [2]),
        ])
        // The 其中 parts of the disputes mediated and the bare rates stay out of the panel.
        #expect(metrics.filter { $0.indicator.isEmpty }.map(\.metricId) == [3, 16, 17, 18, 36])
    }

    @Test func theTotalWinsOverItsParts() {
        // 全镇有人民调解员86名，其中专职人民调解员3人、兼职人民调解员83人: the parts alone would make 人 the
        // unit most mentions use, and 83 the value.
        let mediators = [
            F.metric(5, paragraph: 2, "人民调解员", 86, "名", indicator: "mediation.mediators"),
            F.metric(6, paragraph: 2, "专职人民调解员", 3, "人", parent: 5, indicator: "mediation.mediators"),
            F.metric(7, paragraph: 2, "兼职人民调解员", 83, "人", parent: 5, indicator: "mediation.mediators"),
        ]
        #expect(IndicatorPanel.entries(metrics: mediators) == [entry("mediation.mediators", 86, "名", [5, 6, 7])])
        // Parts of parts are left out too; a mention that is no part stays a candidate.
        let received = [
            F.metric(3, paragraph: 2, "受理矛盾纠纷", 212, "件", indicator: "mediation.disputes_received"),
            F.metric(4, paragraph: 2, "各村(社区)调委会受理纠纷", 140, "起", parent: 3, indicator: "mediation.disputes_received"),
            F.metric(5, paragraph: 2, "村级调委会受理纠纷", 90, "起", parent: 4, indicator: "mediation.disputes_received"),
            F.metric(9, paragraph: 5, "受理纠纷", 150, "件", indicator: "mediation.disputes_received"),
        ]
        #expect(IndicatorPanel.entries(metrics: received) == [entry("mediation.disputes_received", 212, "件", [3, 4, 5, 9])])
        // A part whose total carries another indicator (or none) is a candidate in its own right.
        let parts = [
            F.metric(1, paragraph: 0, "立案", 357, "件", indicator: "enforcement.cases_filed"),
            F.metric(2, paragraph: 0, "普通程序案件", 219, "件", parent: 1, indicator: "enforcement.ordinary_procedure_cases"),
            F.metric(3, paragraph: 1, "诉讼案件", 72, "起"),
            F.metric(4, paragraph: 1, "行政诉讼", 14, "起", parent: 3, indicator: "litigation.cases"),
        ]
        #expect(IndicatorPanel.entries(metrics: parts) == [
            entry("enforcement.cases_filed", 357, "件", [1]),
            entry("enforcement.ordinary_procedure_cases", 219, "件", [2]),
            entry("litigation.cases", 14, "起", [4]),
        ])
    }

    @Test func theLargestMentionInTheUnitMostMentionsUse() {
        let consultations = [
            F.metric(2, paragraph: 0, "接待现场法律咨询", 585, "起", indicator: "publicity.legal_consultations"),
            F.metric(7, paragraph: 3, "接待来电来访咨询", 731, "人次", indicator: "publicity.legal_consultations"),
            F.metric(12, paragraph: 6, "解答法律咨询", 300, "人次", qualifier: "more_than", indicator: "publicity.legal_consultations"),
        ]
        #expect(IndicatorPanel.entries(metrics: consultations) == [entry("publicity.legal_consultations", 731, "人次", [2, 7, 12])])
        // One mention in each unit: the unit mentioned first decides.
        let tie = [
            F.metric(9, paragraph: 4, "解答法律咨询", 800, "人次", indicator: "publicity.legal_consultations"),
            F.metric(4, paragraph: 2, "接待现场法律咨询", 585, "起", indicator: "publicity.legal_consultations"),
        ]
        #expect(IndicatorPanel.entries(metrics: tie) == [entry("publicity.legal_consultations", 585, "起", [4, 9])])
        // The largest, wherever it stands.
        let inspected = [
            F.metric(3, paragraph: 0, "抽查企业", 40, "家", indicator: "enforcement.inspected_units"),
            F.metric(6, paragraph: 1, "检查餐饮商铺", 908, "家", indicator: "enforcement.inspected_units"),
            F.metric(8, paragraph: 2, "检查沿街商户", 310, "家", indicator: "enforcement.inspected_units"),
        ]
        #expect(IndicatorPanel.entries(metrics: inspected) == [entry("enforcement.inspected_units", 908, "家", [3, 6, 8])])
    }

    @Test func metricIdsAreAscendingAndJoinedWithSemicolons() {
        let metrics = [
            F.metric(12, paragraph: 6, "法律明白人", 113, "名", indicator: "publicity.legal_literates"),
            F.metric(3, paragraph: 1, "培养法律明白人", 26, "名", indicator: "publicity.legal_literates"),
            F.metric(7, paragraph: 3, "法律明白人", 97, "名", indicator: "publicity.legal_literates"),
            F.metric(8, paragraph: 3, "迁入企业", 611, "家"),
        ]
        let entries = IndicatorPanel.entries(metrics: metrics)
        #expect(entries.map(\.metricIds) == [[3, 7, 12]])
        #expect(entries.map(\.metricIdsText) == ["3;7;12"])
        #expect(entries.map(\.value) == [113])
        #expect(IndicatorPanel.entries(metrics: []) == [])
        #expect(IndicatorPanel.entries(metrics: [F.metric(1, paragraph: 0, "迁入企业", 611, "家")]) == [])
    }

    @Test func aCycleOfParentLinksDoesNotHang() {
        let metrics = [
            F.metric(1, paragraph: 0, "调处矛盾纠纷", 208, "起", parent: 2, indicator: "mediation.disputes_mediated"),
            F.metric(2, paragraph: 0, "调解纠纷", 60, "起", parent: 1, indicator: "mediation.disputes_mediated"),
        ]
        // Both are parts of each other: no total stands out, so every mention is a candidate.
        #expect(IndicatorPanel.entries(metrics: metrics) == [entry("mediation.disputes_mediated", 208, "起", [1, 2])])
    }
}
