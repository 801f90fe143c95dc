import Testing
@testable import GovReport

/// Places a township's report names only in passing, and names that read like common words.
@Suite("Report place: levels named once, names like common words")
struct PlaceLevelsNamedOnceTests {
    @Test func aProvinceInAnAwardAndACityInACitationAreTheReportsOwn() {
        let metadata = ReportMetadataExtractor.extract(
            title: "石溪镇2022年度法治政府建设情况报告",
            paragraphs: [
                "2022年，石溪镇在青禾县委、县政府的领导下，按照《云岭市人民政府办公室关于印发〈2022年全市法治政府建设工作要点〉的通知》要求，扎实推进法治政府建设。",
                "全镇培育“法律明白人”120名，柳塘村入选湖南省民主法治示范村。",
            ],
            strippedIssuer: "", strippedDate: "")
        #expect([metadata.province, metadata.city, metadata.county, metadata.township] == ["湖南省", "云岭市", "青禾县", "石溪镇"])
    }

    @Test func twoProvincesNamedLeaveTheProvinceUnknown() {
        let metadata = ReportMetadataExtractor.extract(
            title: "石溪镇2022年度法治政府建设情况报告",
            paragraphs: [
                "2022年，石溪镇在青禾县委、县政府的领导下扎实推进法治政府建设。",
                "柳塘村入选湖南省民主法治示范村，镇司法所组织干部赴浙江省学习考察。",
            ],
            strippedIssuer: "", strippedDate: "")
        #expect([metadata.province, metadata.county, metadata.township] == ["", "青禾县", "石溪镇"])
    }

    @Test func aNameThatReadsLikeACommonWordCountsInsideAChain() {
        let port = ReportMetadataExtractor.extract(
            title: "云州市临港区人民政府东湖街道办事处关于2023年度法治政府建设情况的报告",
            paragraphs: ["2023年，东湖街道坚持依法行政。"], strippedIssuer: "", strippedDate: "")
        #expect([port.city, port.county, port.township] == ["云州市", "临港区", "东湖街道"])

        let listed = ReportMetadataExtractor.extract(
            title: "青山区石桥镇2023年法治政府建设情况报告",
            paragraphs: ["2023年，石桥镇坚持依法行政。", "岳上市青山区石桥镇人民政府", "2024年1月12日"],
            strippedIssuer: "", strippedDate: "")
        #expect([listed.city, listed.county, listed.township] == ["岳上市", "青山区", "石桥镇"])
    }

    @Test func aCommonWordAloneIsStillNotAPlace() {
        #expect(PlaceParser.chains(in: "推动辖区3家企业上市，完善港区管理。").isEmpty)
    }
}
