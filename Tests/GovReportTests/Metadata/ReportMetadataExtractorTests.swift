import Testing
@testable import GovReport

@Suite("Report metadata")
struct ReportMetadataExtractorTests {
    @Test func wholeReportWithTitleOnlyInTheBody() {
        // The page gave no title: the first body line is the title.
        let paragraphs = [
            "江州市临江区人民政府柳岸街道办事处关于2024年度法治政府建设情况的报告",
            "2024年，在区委、区政府的正确领导下，我街坚持以习近平法治思想为指导，深入推进法治政府建设，现将情况报告如下：",
            "一、2024年推进法治政府建设的主要举措和成效",
            "(一)强化依法决策。街道与江州明理律师事务所签订法律顾问合同，全年审查合同98份，提供法律意见35条。",
            "二、2025年法治政府建设工作计划",
            "下一步，街道将持续完善合法性审查机制，推动法治政府建设走深走实。",
            "江州市临江区人民政府柳岸街道办事处",
            "2025年1月20日",
        ]
        let metadata = ReportMetadataExtractor.extract(title: "", paragraphs: paragraphs, strippedIssuer: "", strippedDate: "")
        #expect(metadata == ReportMetadata(reportYear: 2024, issuer: "江州市临江区人民政府柳岸街道办事处",
                                           publishDate: "2025-01-20", province: "", city: "江州市",
                                           county: "临江区", township: "柳岸街道"))
    }

    /// The extract stage hands over the paragraphs' scalars it has made anyway; the places read
    /// from them are those read from the text, with white space (the ideographic space too) at
    /// either end, empty lines and the title as the first line.
    @Test func paragraphScalarsGiveTheSameMetadata() {
        let paragraphs = [
            "　江州市临江区人民政府柳岸街道办事处关于2024年度法治政府建设情况的报告 ",
            "   ",
            "　　2024年，柳岸街道编制《江州市临江区人民政府柳岸街道政务公开标准目录》。\t",
            "",
            "江州市临江区人民政府柳岸街道办事处",
            "2025年1月20日　",
        ]
        let fromText = ReportMetadataExtractor.extract(title: "", paragraphs: paragraphs, strippedIssuer: "", strippedDate: "")
        let fromScalars = ReportMetadataExtractor.extract(title: "", paragraphs: paragraphs, paragraphScalars: paragraphs.map(\.scalarArray),
                                                          strippedIssuer: "", strippedDate: "")
        #expect(fromScalars == fromText)
        #expect([fromText.city, fromText.county, fromText.township] == ["江州市", "临江区", "柳岸街道"])
        for line in paragraphs {
            #expect(HanTextScan.trimmed(line.scalarArray) == HanTextScan.trimmed(line).scalarArray, "\(line)")
        }
    }

    @Test func chainInALawTitleCompletesAKnownTownship() {
        let paragraphs = [
            "2023年，柳岸街道坚持依法行政，全面推进政务公开标准化规范化建设。",
            "街道编制并发布《江州市临江区人民政府柳岸街道政务公开标准目录(2023年版)》，方便群众获取信息。",
        ]
        let metadata = ReportMetadataExtractor.extract(title: "", paragraphs: paragraphs, strippedIssuer: "", strippedDate: "")
        #expect(metadata.issuer == "柳岸街道")
        #expect(metadata.reportYear == 2023)
        #expect([metadata.province, metadata.city, metadata.county, metadata.township] == ["", "江州市", "临江区", "柳岸街道"])
    }

    @Test func municipalityFillsProvinceAndCity() {
        let metadata = ReportMetadataExtractor.extract(
            title: "上海市云溪区人民政府禾丰路街道办事处2023年法治政府建设情况报告",
            paragraphs: ["2023年，禾丰路街道深入贯彻全面依法治国战略。"], strippedIssuer: "", strippedDate: "2024-02-01")
        #expect([metadata.province, metadata.city, metadata.county, metadata.township] == ["上海市", "上海市", "云溪区", "禾丰路街道"])
        #expect(metadata.publishDate == "2024-02-01")
    }

    @Test func pageIssuerAddsTheCounty() {
        let metadata = ReportMetadataExtractor.extract(
            title: "2022年度桃溪街道法治政府建设情况报告",
            paragraphs: ["为贯彻落实上级关于推进法治建设的文件精神，桃溪街道党工委、办事处高度重视。"],
            strippedIssuer: "云溪区桃溪街道", strippedDate: "2023-01-30")
        #expect(metadata.issuer == "桃溪街道")
        #expect([metadata.county, metadata.township] == ["云溪区", "桃溪街道"])
    }

    @Test func partyCommitteeBeforeTheGovernment() {
        let metadata = ReportMetadataExtractor.extract(
            title: "中共禾丰镇委员会 禾丰镇人民政府关于2023年法治政府建设工作情况的报告",
            paragraphs: ["今年以来，我镇坚持依法行政。"], strippedIssuer: "云溪区禾丰镇", strippedDate: "")
        #expect([metadata.county, metadata.township] == ["云溪区", "禾丰镇"])
    }

    @Test func openingAddsTheParentCounty() {
        let metadata = ReportMetadataExtractor.extract(
            title: "",
            paragraphs: ["2023年，在云溪区委、区政府的正确领导下，禾丰镇人民政府坚持依法全面履行政府职能。"],
            strippedIssuer: "", strippedDate: "")
        #expect(metadata.issuer == "禾丰镇人民政府")
        #expect([metadata.county, metadata.township] == ["云溪区", "禾丰镇"])
    }

    @Test func countyReportStaysACountyReport() {
        let metadata = ReportMetadataExtractor.extract(
            title: "云溪区2023年法治政府建设年度报告",
            paragraphs: ["2023年，云溪区坚持依法行政，指导禾丰镇建成公共法律服务工作站，推动石桥镇开展普法宣传。"],
            strippedIssuer: "", strippedDate: "")
        #expect(metadata.issuer == "云溪区")
        #expect([metadata.county, metadata.township] == ["云溪区", ""])
    }

    @Test func anotherCountyInTheOpeningDoesNotReplaceTheTitles() {
        let metadata = ReportMetadataExtractor.extract(
            title: "清河区柳湾街道2023年法治政府建设情况报告",
            paragraphs: ["2023年，柳湾街道与邻近的石桥区开展联合执法，共同维护辖区秩序。"],
            strippedIssuer: "", strippedDate: "")
        #expect([metadata.county, metadata.township] == ["清河区", "柳湾街道"])
    }
}
