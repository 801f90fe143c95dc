import Foundation
import Testing
@testable import GovReport

@Suite struct NormalizeStageTests {
    static let document = DocumentRef(docId: "d41d8cd98f00b204", source: "samples/taoyuan-2023.html")

    static let traditionalPage = StrippedDocument(
        title: "桃源鎮２０２３年法治政府建設工作報告",
        publishDate: "2024-01-26",
        issuer: "桃源鎮人民政府\u{3000}",
        breadcrumb: ["首頁", "政務公開", "法治政府建設"],
        siteName: "桃源鎮人民政府網",
        paragraphs: [
            "\u{3000}\u{3000}2023年，在縣委、縣政府的正確領導下，桃源鎮人民政府堅持以習近平法治思想為指導，現將２０２３年法治政府建設情況報告如下。",
            "一、主要舉措和成效",
            "(一)強化組織領導，法治基礎不斷夯實??",
            "\u{200B}\u{FEFF}",
            "1.強化領導責任。鎮黨委召開專題會議４次，研究部署法治建設工作，行政復議糾錯率為０％，群眾滿意度達９８．６％。",
            "組織開展 “法治講堂” 活動１２場次，依托“法宣在線”ＡＰＰ組織學法考試，參考率達１００％。",
        ])

    @Test func traditionalPageEndToEnd() throws {
        let stage = try NormalizeStage(options: NormalizeOptions())
        let output = try stage.process(Self.traditionalPage, document: Self.document)
        #expect(output.script == "hant")
        #expect(output.title == "桃源镇2023年法治政府建设工作报告")
        #expect(output.issuer == "桃源镇人民政府")
        #expect(output.paragraphs == [
            "2023年，在县委、县政府的正确领导下，桃源镇人民政府坚持以习近平法治思想为指导，现将2023年法治政府建设情况报告如下。",
            "一、主要举措和成效",
            "(一)强化组织领导，法治基础不断夯实",
            "1.强化领导责任。镇党委召开专题会议4次，研究部署法治建设工作，行政复议纠错率为0%，群众满意度达98.6%。",
            "组织开展“法治讲堂”活动12场次，依托“法宣在线”APP组织学法考试，参考率达100%。",
        ])
        #expect(output.sourceParagraphs == [
            "2023年，在縣委、縣政府的正確領導下，桃源鎮人民政府堅持以習近平法治思想為指導，現將２０２３年法治政府建設情況報告如下。",
            "一、主要舉措和成效",
            "(一)強化組織領導，法治基礎不斷夯實",
            "1.強化領導責任。鎮黨委召開專題會議４次，研究部署法治建設工作，行政復議糾錯率為０％，群眾滿意度達９８．６％。",
            "組織開展“法治講堂”活動１２場次，依托“法宣在線”ＡＰＰ組織學法考試，參考率達１００％。",
        ])
        for (text, source) in zip(output.paragraphs, output.sourceParagraphs) {
            #expect(text.unicodeScalars.count == source.unicodeScalars.count)
        }
        // An offset found in the normalised text points at the source's characters.
        let text = Array(output.paragraphs[3].unicodeScalars)
        let source = Array(output.sourceParagraphs[3].unicodeScalars)
        let start = try #require(text.firstIndex(of: "9"))
        #expect(String(String.UnicodeScalarView(source[start..<(start + 5)])) == "９８．６％")
    }

    @Test func simplifiedPageKeepsItsCharacters() throws {
        let page = StrippedDocument(
            title: "新桥街道2022年度法治政府建设情况报告",
            issuer: "新桥街道办事处",
            paragraphs: [
                "一、工作情况",
                "街道党工委高度重视法治政府建设，全年召开专题会议6次，邀请澳門大學法學院教授作专题辅导2场。",
                "二是深化法治宣传。开展“宪法宣传周”活动15场次，发放宣传资料3000余份。",
            ])
        let output = try NormalizeStage(options: NormalizeOptions()).process(page, document: Self.document)
        #expect(output.script == "hans")
        #expect(output.paragraphs == output.sourceParagraphs.map { $0.replacingOccurrences(of: "澳門大學法學院", with: "澳门大学法学院") })
        #expect(output.sourceParagraphs[1].contains("澳門大學法學院"))
        #expect(output.title == page.title)
    }

    @Test func conversionAndFoldingCanBeTurnedOff() throws {
        var options = NormalizeOptions()
        options.convertScript = false
        options.fullWidth = false
        let output = try NormalizeStage(options: options).process(Self.traditionalPage, document: Self.document)
        #expect(output.script == "hant")
        #expect(output.paragraphs == output.sourceParagraphs)
        #expect(output.title == "桃源鎮２０２３年法治政府建設工作報告")
    }

    @Test func dropsConfiguredCharacters() throws {
        var options = NormalizeOptions()
        options.dropCharacters = ["■", "◆"]
        let page = StrippedDocument(paragraphs: ["■ 一是加强组织领导 ◆", "◆◆◆", "二是完善制度建设，制定《街道重大行政决策程序规定》。"])
        let output = try NormalizeStage(options: options).process(page, document: Self.document)
        #expect(output.paragraphs == ["一是加强组织领导", "二是完善制度建设，制定《街道重大行政决策程序规定》。"])
    }

    @Test func pageWithoutVisibleTextFails() throws {
        let page = StrippedDocument(title: "法治政府建设情况报告", paragraphs: ["\u{200B}", "\u{3000}\u{3000}", "\u{FEFF}"])
        let stage = try NormalizeStage(options: NormalizeOptions())
        let failure = #expect(throws: StageFailure.self) { try stage.process(page, document: Self.document) }
        #expect(failure?.code == "normalize.no_text")
    }

    @Test func customConfigurationRelativeToTheConfigFile() throws {
        let folder = try OpenCCTestFolder()
        _ = try CustomOpenCCConfig.write(in: folder.url)
        var options = NormalizeOptions()
        options.openccConfig = "./gov2s.json"
        #expect(options.problems(at: "$.stages[3]", baseDirectory: folder.url).isEmpty)
        let resolved = options.resolvingPaths(relativeTo: folder.url)
        #expect(resolved.openccConfig == folder.url.appendingPathComponent("gov2s.json").standardizedFileURL.path)
        let page = StrippedDocument(paragraphs: ["依法推進政府資訊公開工作，公開率達到100%。"])
        let output = try NormalizeStage(options: resolved).process(page, document: Self.document)
        #expect(output.paragraphs == ["依法推进政府资讯公开工作，公开率达到100%。"])
        #expect(output.sourceParagraphs == page.paragraphs)
    }
}

@Suite struct NormalizeOptionsTests {
    @Test func defaultsAreValid() {
        let options = NormalizeOptions()
        #expect(options.openccConfig == "t2s.json")
        #expect(options.convertScript && options.fullWidth && options.dropCharacters.isEmpty)
        #expect(options.problems(at: "$.stages[3]", baseDirectory: URL(fileURLWithPath: "/tmp")).isEmpty)
        #expect(options.resolvingPaths(relativeTo: URL(fileURLWithPath: "/srv/govreport")) == options)
    }

    @Test func reportsMissingConfigurationsAndBadCharacters() {
        var options = NormalizeOptions()
        options.openccConfig = "t2x.json"
        options.dropCharacters = ["■", "◆◆", ""]
        let problems = options.problems(at: "$.stages[3]", baseDirectory: URL(fileURLWithPath: "/tmp"))
        #expect(problems.map(\.path) == ["$.stages[3].openccConfig", "$.stages[3].dropCharacters[1]", "$.stages[3].dropCharacters[2]"])
        options = NormalizeOptions()
        options.openccConfig = "opencc/missing.json"
        #expect(options.problems(at: "$.stages[3]", baseDirectory: URL(fileURLWithPath: "/tmp")).map(\.path) == ["$.stages[3].openccConfig"])
    }

    @Test func fieldsListEveryCodedKey() throws {
        let data = try JSONEncoder().encode(NormalizeOptions())
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == Set(NormalizeOptions.fields.map(\.name)))
    }

    @Test func stageIdentity() {
        #expect(NormalizeStage.name == "normalize")
        #expect(NormalizeStage.version == 1)
    }
}
