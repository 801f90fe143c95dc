import Testing
@testable import GovReport

@Suite("Publish date")
struct SignatureDateFinderTests {
    private let body = ["2023年，松林街道坚持依法行政。", "下一步，街道将持续深化法治政府建设，不断提升依法行政水平。"]

    private func date(_ ending: [String], page: String = "") -> String {
        ReportMetadataExtractor.extract(title: "法治政府建设情况报告", paragraphs: body + ending, strippedIssuer: "",
                                        strippedDate: page).publishDate
    }

    @Test func pageDateWins() {
        #expect(date(["松林街道办事处", "2024年1月29日"], page: "2024-01-15") == "2024-01-15")
    }

    @Test func signatureDates() {
        #expect(date(["松林街道办事处", "2022年1月29"]) == "2022-01-29")
        #expect(date(["禾丰镇人民政府", "2024年12月5日"]) == "2024-12-05")
        #expect(date(["禾丰镇人民政府", "二〇二三年二月十八日"]) == "2023-02-18")
        #expect(date(["松林街道办事处 2023年2月3日"]) == "2023-02-03")
        #expect(date(["2023年10月08日"]) == "2023-10-08")
    }

    @Test func noSignatureNoDate() {
        #expect(date([]) == "")
        #expect(date(["12月5日，街道于2023年12月5日召开法治建设专题会议，部署明年工作。"]) == "")
        #expect(date(["松林街道办事处", "2023年2月30日"]) == "")
        #expect(date(["松林街道办事处", "1月29日"]) == "")
    }

    @Test func parserReadsTheGenresDates() {
        let scalars = HanTextScan.scalars("截至2023年10月08日，3月1日至5日，二〇二二年一月二十九日")
        let dates = ReportDateParser.dates(in: scalars)
        #expect(dates.map { $0.iso(defaultYear: 2023) } == ["2023-10-08", "2023-03-01", "2022-01-29"])
        #expect(dates[0].range == 2..<13)
        #expect(ReportDateParser.dates(in: HanTextScan.scalars("2月20日")).first?.iso(defaultYear: nil) == "--02-20")
    }
}
