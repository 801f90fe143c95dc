import Foundation
import Testing
@testable import GovReport

/// Pages that are broken, hostile or empty of content.
@Suite struct StripRobustnessTests {
    static let reportParagraphs = [
        "2023年，石门乡认真贯彻落实上级关于法治政府建设的部署要求，全面推进依法行政，各项工作取得新进展。",
        "一、主要工作",
        "全年开展法治宣传进村活动18场次，发放宣传资料2000余份，解答法律咨询300余人次。",
        "石门乡人民政府",
    ]

    @Test func pageThatIsOnlyChromeFailsWithNoBody() {
        let page = """
        <html><head><title>政务公开_石门乡人民政府</title></head><body>
        <div class="header"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/hd">互动交流</a></li></ul></div>
        <div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a></div>
        <div class="list"><ul>
        <li><a href="/a/1.html">石门乡2023年法治政府建设情况报告</a><span>2024-01-20</span></li>
        <li><a href="/a/2.html">石门乡2022年法治政府建设情况报告</a><span>2023-01-18</span></li>
        <li><a href="/a/3.html">石门乡2021年政府信息公开工作年度报告</a><span>2022-01-25</span></li>
        </ul><div class="pages"><a>上一页</a> <a>1</a> <a>2</a> <a>下一页</a></div></div>
        <div class="footer">主办单位：石门乡人民政府　备案号：湘ICP备00000001号<br>扫一扫关注石门发布</div>
        </body></html>
        """
        do {
            _ = try stripDocument(page)
            Issue.record("a chrome-only page must fail")
        } catch let failure as StageFailure {
            #expect(failure.code == "strip.no_body")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func brokenMarkupStillYieldsTheBody() throws {
        // Unclosed <p>, <div> and <font>, a stray </td>, and the page cut off inside a tag.
        let page = """
        <html><head><title>石门乡2023年法治政府建设情况报告_石门乡人民政府</title>
        <body><div class="nav"><a href="/">首页</a> | <a href="/zwgk">政务公开</a></div>
        <div class="content"><font face="宋体">
        <p>\(Self.reportParagraphs[0])
        <p><b>\(Self.reportParagraphs[1])</b></td>
        <p>\(Self.reportParagraphs[2])
        <div align="right">\(Self.reportParagraphs[3])
        </font><div class="share">分享到：<a href="#">微信</a></div><div class="foot"><p>主办单位：石门乡人民政府</p><a href="/ab
        """
        let doc = try stripDocument(page)
        #expect(doc.paragraphs == Self.reportParagraphs)
        #expect(doc.title == "石门乡2023年法治政府建设情况报告")
    }

    @Test func tenThousandNestedDivsDoNotCrash() throws {
        let depth = 10_000
        var page = "<html><head><title>嵌套测试</title></head><body><div class=\"nav\"><a href=\"/\">首页</a></div>"
        page += String(repeating: "<div>", count: depth)
        page += "<p>\(Self.reportParagraphs[0])</p><p>\(Self.reportParagraphs[2])</p>"
        page += String(repeating: "</div>", count: depth)
        page += "<p>\(Self.reportParagraphs[3])</p></body></html>"
        let doc = try stripDocument(page)
        // Past libxml2's depth limit the page is parsed again without it, so nothing is lost.
        #expect(doc.paragraphs.contains(Self.reportParagraphs[0]))
        #expect(doc.paragraphs.contains(Self.reportParagraphs[2]))
    }

    @Test func declaredLegacyCharsetDoesNotReDecodeTheUTF8Text() throws {
        let page = """
        <html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><meta charset="big5">
        <title>石门乡2023年法治政府建设情况报告</title></head>
        <body><div id="zoom">\(Self.reportParagraphs.map { "<p>\($0)</p>" }.joined())</div></body></html>
        """
        let doc = try stripDocument(page)
        #expect(doc.paragraphs == Self.reportParagraphs)
    }

    @Test func emptyPageIsUnparseable() {
        do {
            _ = try stripDocument("")
            Issue.record("an empty page must fail")
        } catch let failure as StageFailure {
            #expect(failure.code == "strip.unparseable")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func hiddenAndScriptTextNeverReachesTheBody() throws {
        let page = """
        <html><body><div class="article-content">
        <script>document.write("统计代码，不应出现。");</script>
        <p>\(Self.reportParagraphs[0])</p>
        <div style="display: none">隐藏的重复标题，不应出现。</div>
        <!-- 注释：不应出现 -->
        <p>\(Self.reportParagraphs[2])</p>
        <noscript>您的浏览器不支持脚本，不应出现。</noscript>
        </div></body></html>
        """
        let doc = try stripDocument(page)
        #expect(doc.paragraphs == [Self.reportParagraphs[0], Self.reportParagraphs[2]])
    }

    @Test func bodySelectorsPreferAConfiguredContainer() throws {
        // Two prose blocks of similar size; only the configured name tells which is the report.
        let page = """
        <html><body>
        <div class="notice-box"><p>温馨提示：本网站发布的信息仅供参考，如需办理业务，请以窗口告知为准，感谢您的理解和支持。</p>
        <p>服务时间：工作日上午九点至十二点，下午一点半至五点半，节假日除外，敬请留意。</p></div>
        <div class="wz-body"><p>\(Self.reportParagraphs[0])</p><p>\(Self.reportParagraphs[2])</p></div>
        </body></html>
        """
        var options = StripOptions()
        options.bodySelectors = ["wz-body"]
        let doc = try stripDocument(page, options: options)
        #expect(doc.paragraphs == [Self.reportParagraphs[0], Self.reportParagraphs[2]])
    }

    @Test func headlineAndInfoLineInsideTheContainerStayOutOfTheBody() throws {
        // No inner content div: headline, info line, paragraphs and a related list are siblings.
        let page = """
        <html><head><title>石门乡2023年法治政府建设情况报告-石门乡人民政府</title></head><body>
        <div class="top"><a href="/">首页</a> <a href="/zwgk">政务公开</a></div>
        <div class="wrapper">
          <h1>石门乡2023年法治政府建设情况报告</h1>
          <p class="info">2024-01-20　来源：石门乡人民政府　作者：乡党政办　<a href="#">【打印】</a></p>
          \(Self.reportParagraphs.map { "<p>\($0)</p>" }.joined(separator: "\n  "))
          <p>相关链接：</p>
          <ul><li><a href="/1">石门乡2022年法治政府建设情况报告</a></li><li><a href="/2">石门乡2021年法治政府建设情况报告</a></li>
          <li><a href="/3">石门乡政府信息公开指南</a></li></ul>
        </div>
        </body></html>
        """
        let doc = try stripDocument(page)
        #expect(doc.title == "石门乡2023年法治政府建设情况报告")
        #expect(doc.publishDate == "2024-01-20")
        #expect(doc.issuer == "石门乡人民政府")
        #expect(doc.paragraphs == Self.reportParagraphs)
    }

    @Test func oneStageStripsPagesConcurrently() async throws {
        let stage = try StripStage(options: StripOptions())
        let pages = [StripGuidelinePageTests.page, StripTableLayoutPageTests.page, StripModernPageTests.page,
                     StripDataTablePageTests.page, StripTraditionalPageTests.page]
        let ref = DocumentRef(docId: "p", source: "p.html")
        func run(_ page: String) throws -> StrippedDocument {
            try stage.process(DecodedDocument(text: page, encodingDeclared: "", encodingDetected: "UTF-8",
                                              evidence: "meta", invalidBytes: 0, isHTML: true), document: ref)
        }
        let expected = try pages.map(run)
        let results = try await withThrowingTaskGroup(of: (Int, StrippedDocument).self) { group in
            for _ in 0..<8 {
                for (i, page) in pages.enumerated() { group.addTask { (i, try run(page)) } }
            }
            var all: [(Int, StrippedDocument)] = []
            for try await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 40)
        #expect(results.allSatisfy { expected[$0.0] == $0.1 })
    }

    @Test func badPatternsAreRefused() {
        var options = StripOptions()
        options.chromePatterns = ["(未闭合"]
        #expect(throws: StageFailure.self) { _ = try StripStage(options: options) }
        let problems = options.problems(at: "$.stages[2]", baseDirectory: URL(fileURLWithPath: "/"))
        #expect(problems.map(\.path) == ["$.stages[2].chromePatterns[0]"])
    }

    @Test func documentedFieldsAreTheEncodedKeys() throws {
        let data = try JSONEncoder().encode(StripOptions())
        let keys = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any]).keys
        #expect(Set(keys) == Set(StripOptions.fields.map(\.name)))
        #expect(StripStage.name == "strip")
        #expect(StripStage.version == 1)
    }
}
