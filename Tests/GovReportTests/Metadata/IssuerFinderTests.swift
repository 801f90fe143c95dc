import Testing
@testable import GovReport

@Suite("Report issuer")
struct IssuerFinderTests {
    private func issuer(title: String, _ paragraphs: [String], page: String = "") -> String {
        ReportMetadataExtractor.extract(title: title, paragraphs: paragraphs, strippedIssuer: page, strippedDate: "").issuer
    }

    private let neutralOpening = "今年以来，我街坚持以习近平法治思想为指导，深入推进依法行政，现将有关情况报告如下："
    private let body = "一是健全法律顾问制度，全年审查合同86份，提出法律意见31条。"

    @Test func issuerBeforeGuanyuInTheTitle() {
        #expect(issuer(title: "江州市临江区人民政府柳岸街道办事处关于2024年度法治政府建设情况的报告", [neutralOpening])
            == "江州市临江区人民政府柳岸街道办事处")
    }

    @Test func issuerBeforeOrAfterTheYearInTheTitle() {
        #expect(issuer(title: "清河区柳湾街道2023年法治政府建设情况报告", [neutralOpening]) == "清河区柳湾街道")
        #expect(issuer(title: "2022年度桃溪街道法治政府建设情况报告", [neutralOpening]) == "桃溪街道")
        #expect(issuer(title: "云溪区市场监督管理局2023年法治政府建设年度报告", [neutralOpening]) == "云溪区市场监督管理局")
        #expect(issuer(title: "关于禾丰镇2023年度法治政府建设情况的报告", [neutralOpening]) == "禾丰镇")
        #expect(issuer(title: "中共禾丰镇委员会 禾丰镇人民政府关于2023年法治政府建设工作情况的报告", [neutralOpening])
            == "中共禾丰镇委员会 禾丰镇人民政府")
    }

    @Test func subjectOfTheOpeningSentence() {
        let government = "2023年，在云溪区委、区政府的正确领导下，禾丰镇人民政府坚持以习近平新时代中国特色社会主义思想为指导，依法全面履行政府职能。"
        #expect(issuer(title: "", [government, body]) == "禾丰镇人民政府")
        let street = "2024年，青石街道在区委、区政府的坚强领导下，深入贯彻全面依法治国战略，积极推进法治政府建设。"
        #expect(issuer(title: "法治政府建设情况报告", [street, body]) == "青石街道")
        let secondSentence = "2020年是全面建成小康社会之年。松林街道深入贯彻全面依法治国新理念新思想新战略，扎实推进法治政府建设。"
        #expect(issuer(title: "", [secondSentence, body]) == "松林街道")
    }

    @Test func signatureAtTheEnd() {
        let paragraphs = [neutralOpening, body, "松林街道办事处", "2022年1月29"]
        #expect(issuer(title: "法治政府建设情况报告", paragraphs) == "松林街道办事处")
        let jointly = [neutralOpening, body, "中共禾丰镇委员会\u{3000}禾丰镇人民政府", "2024年3月5日"]
        #expect(issuer(title: "法治政府建设情况报告", jointly) == "禾丰镇人民政府")
    }

    @Test func pageIssuerIsTheFallback() {
        #expect(issuer(title: "法治政府建设情况报告", [neutralOpening, body], page: "云溪区司法局") == "云溪区司法局")
    }

    @Test func aBodyThatIsNotTheSubjectIsNotTheIssuer() {
        // The police station is named at a clause start but is followed by no verb of a subject.
        let opening = "今年以来，禾丰镇派出所、司法所联合开展普法宣传，我镇坚持依法行政。"
        #expect(issuer(title: "", [opening, body], page: "禾丰镇人民政府") == "禾丰镇人民政府")
        // Body text at the end is not a signature.
        #expect(issuer(title: "", [opening, "下一步，街道将继续深化法治政府建设。"], page: "") == "")
    }
}
