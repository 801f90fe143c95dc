import Testing
@testable import GovReport

/// A whole short fictional report run through the metadata and entity extractors together.
@Suite("Report-level extraction")
struct EntityExtractorTests {
    static let title = "云溪区禾丰镇人民政府关于2023年度法治政府建设情况的报告"
    static let paragraphs = [
        "2023年，在云溪区委、区政府的正确领导下，禾丰镇人民政府坚持以习近平法治思想为指导，深入推进法治政府建设。现将有关情况报告如下：",
        "一、主要举措和成效",
        "(一)强化组织领导。2月20日召开党政主要负责人述法工作会，压实法治建设第一责任人职责。镇党委将法治建设纳入年度工作计划。",
        "(二)深化法治宣传。严格落实“谁执法谁普法”普法责任制，以石门村法治文化广场为阵地，培育“法律明白人”97名，"
            + "开展“八五”普法宣传活动36次，累计发放宣传资料2000余份。",
        "(三)化解矛盾纠纷。坚持和发展新时代“枫桥经验”，建立综治中心、司法所、禾丰镇派出所信息共享机制。"
            + "镇政府与江州明理律师事务所签订法律顾问协议，东坝新村、望湖社区法律顾问配备全覆盖。",
        "(四)规范行政执法。截至11月20日止，综合执法中队完成行政处罚案件31起，罚没金额5.2万元。",
        "二、存在的问题和不足",
        "执法人员法律素养有待提高，执法队伍力量薄弱。",
        "三、2024年工作计划",
        "继续深化“一网通办”改革，推动法治政府建设走深走实。",
        "云溪区禾丰镇人民政府",
        "2024年1月26日",
    ]

    @Test func metadataOfTheReport() {
        let metadata = ReportMetadataExtractor.extract(title: Self.title, paragraphs: Self.paragraphs,
                                                       strippedIssuer: "", strippedDate: "")
        #expect(metadata == ReportMetadata(reportYear: 2023, issuer: "云溪区禾丰镇人民政府", publishDate: "2024-01-26",
                                           county: "云溪区", township: "禾丰镇"))
    }

    @Test func entitiesOfTheReport() {
        var all: [Entity] = []
        for (number, text) in Self.paragraphs.enumerated() {
            let found = EntityExtractor.extract(paragraphNo: number, text: text, reportYear: 2023)
            for entity in found {
                #expect(entityTestSlice(text, entity.charStart, entity.charEnd) == entity.text)
                #expect(entity.paragraphNo == number)
            }
            // Reading order within the paragraph.
            #expect(found.map(\.charStart) == found.map(\.charStart).sorted())
            all += found
        }
        let summary = all.map { "\($0.paragraphNo) \($0.type) \($0.normalized)" }
        #expect(summary == [
            "0 organization 禾丰镇人民政府",
            "2 event 2023-02-20",
            "3 programme 谁执法谁普法",
            "3 place 石门村",
            "3 programme 法律明白人",
            "3 programme 八五普法",
            "4 programme 枫桥经验",
            "4 organization 综治中心",
            "4 organization 司法所",
            "4 organization 禾丰镇派出所",
            "4 organization 江州明理律师事务所",
            "4 place 东坝新村",
            "4 place 望湖社区",
            "5 event 2023-11-20",
            "5 organization 综合执法中队",
            "9 programme 一网通办",
            "10 organization 云溪区禾丰镇人民政府",
        ])
        let events = all.filter { $0.type == "event" }.map(\.text)
        #expect(events == ["2月20日召开党政主要负责人述法工作会", "截至11月20日止，综合执法中队完成行政处罚案件31起"])
    }
}
