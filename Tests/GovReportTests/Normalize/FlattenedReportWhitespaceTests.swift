import Testing
@testable import GovReport

/// A report scraped onto one line keeps the spaces that were its line breaks through normalize, so
/// that segment can end each run-in heading there (the pipeline, not just segment fed by hand).
@Suite struct FlattenedReportWhitespaceTests {
    @Test func aFlattenedReportKeepsItsLineBreaksAsSpaces() {
        let line = "现将有关情况报告如下： 一、主要举措和成效 (一)健全工作机制 镇党委召开专题会议3次。 二、存在的不足 (一)执法力量薄弱。 \u{3000}青石镇人民政府  2023年1月20日"
        #expect(WhitespaceNormalizer.normalize(line)
            == "现将有关情况报告如下： 一、主要举措和成效 (一)健全工作机制 镇党委召开专题会议3次。 二、存在的不足 (一)执法力量薄弱。 青石镇人民政府 2023年1月20日")
    }

    @Test func anOrdinaryParagraphWithOneInlineMarkerStillLosesItsStraySpaces() {
        let paragraph = "一、主要举措和成效 全年开展 “法治讲堂” 活动12场次，审查行政合同 45件。"
        #expect(WhitespaceNormalizer.normalize(paragraph) == "一、主要举措和成效全年开展“法治讲堂”活动12场次，审查行政合同45件。")
    }

    @Test func normalizeThenSegmentFindsTheHeadingsOfAOneLineReport() throws {
        let stripped = StrippedDocument(title: "白鹭街道2021年度法治政府建设情况报告",
                                        paragraphs: [SegmentFixtures.oneLineReport + " 白鹭街道办事处 2022年1月18日"])
        let document = DocumentRef(docId: "test", source: "test")
        let normalized = try NormalizeStage(options: NormalizeOptions()).process(stripped, document: document)
        let segmented = try SegmentStage(options: SegmentOptions()).process(normalized, document: document)
        #expect(SegmentFixtures.outline(segmented) == [
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
        // The signature after the last sentence is a paragraph of its own, as on the page.
        #expect(segmented.paragraphs.last?.text == "白鹭街道办事处 2022年1月18日")
        #expect(segmented.paragraphs.contains { $0.text == "(二)深化法治文化阵地建设 新建法治文化公园1个。" })
    }
}
