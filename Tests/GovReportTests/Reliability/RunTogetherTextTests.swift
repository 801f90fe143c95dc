import Foundation
import Testing
@testable import GovReport

/// Text run together without sentence marks (a page whose line breaks and 。 were lost, or a
/// generated table of figures): the extractors stay linear in its length and their outputs stay
/// the size of what they describe. Regression tests for the bad-input corpus's 2 MB report.
@Suite struct RunTogetherTextTests {
    /// A report's sentences with their 。 replaced by ， and joined into one paragraph.
    static func runOn(_ count: Int) -> String {
        let clauses = [
            "全年立案查处各类违法行为126起", "其中简易程序案件85起", "罚没金额约12.5万元",
            "印发《关于进一步加强行政执法监督工作的实施意见", "调处矛盾纠纷208起", "其中邻里纠纷47起",
            "发放宣传资料1万余份", "开展法治宣传活动36场次",
        ]
        return (0..<count).map { clauses[$0 % clauses.count] }.joined(separator: "，")
    }

    @Test func metricsOfARunOnParagraphKeepAShortContextAndComeQuickly() {
        let paragraph = Self.runOn(8_000)  // about 100,000 characters, one sentence
        let clock = ContinuousClock()
        var metrics: [MetricMention] = []
        let elapsed = clock.measure { metrics = MetricExtractor.extract(paragraph: paragraph) }
        #expect(metrics.count >= 1_500)  // numbers within 80 characters after an unclosed 《 are masked
        #expect(metrics.allSatisfy { $0.context.unicodeScalars.count <= 2 * MetricExtractor.maxContextSide + $0.raw.unicodeScalars.count })
        #expect(metrics.allSatisfy { $0.subject.unicodeScalars.count <= SubjectFinder.maxClauseScalars })
        // Linear: a few seconds in a debug build. Scanning back to the paragraph's start for
        // every number, as before, took minutes.
        #expect(elapsed < .seconds(60), "\(elapsed)")
        // The breakdown is still found within its clause distance.
        let first = Array(metrics.prefix(3))
        #expect(first.map(\.raw) == ["126起", "85起", "约12.5万元"])
        #expect(first[1].parentIndex == 0)
    }

    @Test func unclosedTitleMarksInARunOnParagraphGiveNoRunawayCitation() {
        let paragraph = Self.runOn(8_000)
        let clock = ContinuousClock()
        var citations: [CitationMention] = []
        let elapsed = clock.measure { citations = CitationExtractor.extract(paragraph: paragraph) }
        #expect(citations.isEmpty, "every 《 here is unclosed")
        #expect(elapsed < .seconds(60), "\(elapsed)")
        // A real long title, closed, is still a citation.
        let notice = "中共某省委办公厅 某省人民政府办公厅关于印发《某省法治政府建设实施方案（2021—2025年）》《某省法治社会建设实施方案（2021—2025年）》和《某省关于加强法治乡村建设的实施意见》的通知"
        let found = CitationExtractor.extract(paragraph: "按照《\(notice)》要求，全面推进依法行政。")
        #expect(found.map(\.title) == [notice])
    }

    @Test func aMaskedTitleScanStopsAtTheLongestTitle() {
        let text = ScalarText(String(repeating: "《一、12", count: 20_000))
        let clock = ContinuousClock()
        var masked: [Bool] = []
        let elapsed = clock.measure { masked = NonMetricFilters.maskedZones(text) }
        #expect(masked.count == text.count)
        #expect(elapsed < .seconds(60), "\(elapsed)")
    }
}
