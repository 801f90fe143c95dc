import Foundation
import Testing
@testable import GovReport

@Suite struct IndicatorCoverageTests {
    private typealias F = IndicatorPanelFixture

    /// A second, smaller fictional report (白鹭街道): services and business counts the taxonomy
    /// does not cover, and a metric the extractor found no subject for.
    private static let bailuStreet: [Metric] = [
        F.metric(1, paragraph: 0, "迁入企业", 611, "家"),
        F.metric(2, paragraph: 0, "走访对接企业", 240, "家", qualifier: "more_than"),
        F.metric(3, paragraph: 1, "审查行政合同", 228, "件"),
        F.metric(4, paragraph: 1, "合格率", 98, "%"),
        F.metric(5, paragraph: 2, "邻里纠纷", 12, "起"),
        F.metric(6, paragraph: 2, "迁入企业", 35, "家"),
        F.metric(7, paragraph: 3, "", 3, "个"),
        F.metric(8, paragraph: 3, "办结率", 100, "%"),
    ]

    private func coverage(top: Int) throws -> IndicatorCoverage {
        let matcher = try DefaultIndicatorTaxonomy.matcher()
        return IndicatorCoverage(documents: [
            "d2b7": F.withIndicators(F.qingheTownship, matcher),
            "a91c": F.withIndicators(Self.bailuStreet, matcher),
            "ffff": [],
        ], top: top)
    }

    @Test func sharesPerDocumentAndOverall() throws {
        let report = try coverage(top: 10)
        #expect(report.documents == [
            IndicatorCoverage.Document(docId: "a91c", metrics: 8, matched: 1),
            IndicatorCoverage.Document(docId: "d2b7", metrics: 36, matched: 31),
            IndicatorCoverage.Document(docId: "ffff", metrics: 0, matched: 0),
        ])
        #expect(report.documents.map(\.share) == [0.125, 0.8611, nil])
        #expect(report.metrics == 44)
        #expect(report.matched == 32)
        #expect(report.share == 0.7273)
    }

    @Test func mostFrequentUnmatchedSubjectsWithTiesInCodePointOrder() throws {
        let report = try coverage(top: 4)
        // 合格率 ×2, 办结率 ×2, 迁入企业 ×2, 邻里纠纷 ×2, then once each; the empty subject is not listed.
        #expect(report.unmatchedSubjects == [
            IndicatorCoverage.Subject(subject: "办结率", count: 2),
            IndicatorCoverage.Subject(subject: "合格率", count: 2),
            IndicatorCoverage.Subject(subject: "迁入企业", count: 2),
            IndicatorCoverage.Subject(subject: "邻里纠纷", count: 2),
        ])
        let all = try coverage(top: 100).unmatchedSubjects
        #expect(all.map(\.subject) == ["办结率", "合格率", "迁入企业", "邻里纠纷", "婚姻家庭纠纷", "物业纠纷", "走访对接企业"])
        // Every unmatched metric but the one without a subject.
        let listed: Int = all.map(\.count).reduce(0, +)
        #expect(listed == 11)
        #expect(try coverage(top: 0).unmatchedSubjects == [])
    }

    @Test func encodesWithTheRunReportsKeys() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(try coverage(top: 1)), as: UTF8.self)
        #expect(json == """
            {"documents":[{"doc_id":"a91c","matched":1,"metrics":8,"share":0.125},\
            {"doc_id":"d2b7","matched":31,"metrics":36,"share":0.8611},{"doc_id":"ffff","matched":0,"metrics":0}],\
            "matched":32,"metrics":44,"share":0.7273,"unmatched_subjects":[{"count":2,"subject":"办结率"}]}
            """)
        let decoded = try JSONDecoder().decode(IndicatorCoverage.self, from: Data(json.utf8))
        #expect(decoded == (try coverage(top: 1)))
    }
}
