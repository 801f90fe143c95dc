import Testing
@testable import GovReport

@Suite("Report year")
struct ReportYearFinderTests {
    private func year(title: String, _ paragraphs: [String] = [], date: String = "") -> Int? {
        ReportMetadataExtractor.extract(title: title, paragraphs: paragraphs, strippedIssuer: "", strippedDate: date).reportYear
    }

    private let body = "一、主要举措和成效", rest = "街道坚持依法决策，全年审查合同86份。"

    @Test func yearOfTheTitle() {
        #expect(year(title: "2022年度桃溪街道法治政府建设情况报告", [body, rest]) == 2022)
        #expect(year(title: "江州市临江区人民政府柳岸街道办事处关于2024年度法治政府建设情况的报告", [body]) == 2024)
        #expect(year(title: "清河区柳湾街道2023年法治政府建设情况报告", [body]) == 2023)
        #expect(year(title: "关于2023年度法治政府建设情况和2024年工作安排的报告", [body]) == 2023)
    }

    @Test func periodsInTitlesDoNotCount() {
        #expect(year(title: "石桥镇落实《法治社会建设实施纲要(2021—2025年)》2022年度工作报告", [body]) == 2022)
        #expect(year(title: "关于贯彻落实《法治政府建设实施纲要(2021—2025年)》情况的报告",
                     ["2019年至今，我镇持续推进法治政府建设，取得了一定成效。", rest], date: "2024-02-18") == 2023)
    }

    @Test func yearOfTheOpening() {
        let opening = "2023年，在云溪区委、区政府的正确领导下，禾丰镇人民政府坚持以习近平法治思想为指导，深入推进依法行政。"
        #expect(year(title: "法治政府建设工作情况报告", [opening, body]) == 2023)
        let reportVerb = "为深入推进依法行政，按照《云溪区法治政府建设实施方案(2022—2025年)》要求，现将2022年法治政府建设情况报告如下："
        #expect(year(title: "", [reportVerb, body]) == 2022)
        let isYearOf = "2020年是“十三五”规划收官之年，也是基本建成法治政府的关键之年。松林街道深入贯彻全面依法治国战略。"
        #expect(year(title: "", [isYearOf, body]) == 2020)
        let heading = "一、2024年推进法治政府建设的主要举措和成效"
        #expect(year(title: "法治政府建设情况报告", ["今年以来，我街坚持依法行政，各项工作有序推进。", heading]) == 2024)
    }

    @Test func aDateInTheOpeningIsNotTheReportYear() {
        let opening = "2023年3月，街道召开法治建设工作会议，部署全年工作。"
        #expect(year(title: "", [opening], date: "2025-01-10") == 2024)
    }

    @Test func publishDateIsTheLastResort() {
        #expect(year(title: "法治政府建设情况报告", ["今年以来，我街坚持依法行政。"], date: "2024-02-18") == 2023)
        #expect(year(title: "法治政府建设情况报告", ["今年以来，我街坚持依法行政。", "松林街道办事处", "2022年1月29"]) == 2021)
        #expect(year(title: "法治政府建设情况报告", ["今年以来，我街坚持依法行政。"]) == nil)
    }

    @Test func yearTokensSkipPeriodsAndTitles() {
        let scalars = HanTextScan.scalars("2019年至今，按照《规划(2021—2025年)》，2021—2025年间，2023年度")
        #expect(ReportYearFinder.yearTokens(in: scalars).map(\.year) == [2023])
    }
}
