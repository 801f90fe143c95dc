import Testing
@testable import GovReport

/// The pure text functions behind the stage.
@Suite struct StripTextFunctionTests {
    @Test(arguments: [
        ("发布时间：2024-01-26 10:30:00", "2024-01-26"),
        ("2024年1月26日", "2024-01-26"),
        ("日期：2024/01/26", "2024-01-26"),
        ("2024.1.26", "2024-01-26"),
        ("２０２３年１２月５日", "2023-12-05"),
        ("成文日期 2022 年 1 月 29", "2022-01-29"),
    ])
    func datesInTheUsualForms(text: String, iso: String) {
        #expect(DateParsing.firstISODate(in: text) == iso)
    }

    @Test func impossibleDatesAreRejected() {
        #expect(DateParsing.firstISODate(in: "2023-02-29") == nil)
        #expect(DateParsing.firstISODate(in: "编号12024-01-26") == nil)
        #expect(DateParsing.firstISODate(in: "2024年13月1日") == nil)
        #expect(DateParsing.firstISODate(in: "共办理案件1024件") == nil)
    }

    @Test func labelledDatesAndIssuers() {
        let line = "发布时间 : 2022-01-30 来源:天心区新开铺街道 字体大小:"
        #expect(PageMetadata.labeledDate(in: line) == "2022-01-30")
        #expect(PageMetadata.labeledIssuer(in: line) == "天心区新开铺街道")
        #expect(PageMetadata.labeledIssuer(in: "信息来源：梅川县司法局 2024-02-01 作者：王明") == "梅川县司法局")
        #expect(PageMetadata.labeledIssuer(in: "【发文机关：梅川县人民政府办公室】") == "梅川县人民政府办公室")
        // A word that merely ends in 来源 is no label.
        #expect(PageMetadata.labeledIssuer(in: "经费来源：县级财政") == nil)
        #expect(PageMetadata.labeledDate(in: "服务时间累积超过1800小时") == nil)
    }

    @Test func breadcrumbChains() {
        #expect(PageMetadata.breadcrumb(in: "首页 > 政务公开 > 规划计划") == ["首页", "政务公开", "规划计划"])
        #expect(PageMetadata.breadcrumb(in: "您现在的位置：首页 » 信息公开 » 法定主动公开内容") == ["首页", "信息公开", "法定主动公开内容"])
        #expect(PageMetadata.breadcrumb(in: "当前位置: 网站首页 → 工作动态") == ["网站首页", "工作动态"])
        #expect(PageMetadata.breadcrumb(in: "首页发布了一则通知") == nil)
    }

    @Test func titleSiteSuffixes() {
        #expect(PageMetadata.splitTitle("2023年度法治政府建设情况报告_政务公开_某某区人民政府") == ("2023年度法治政府建设情况报告", "某某区人民政府"))
        #expect(PageMetadata.splitTitle("某某县人民政府 - 某某县法治政府建设实施方案（2021-2025年）") == ("某某县法治政府建设实施方案（2021-2025年）", "某某县人民政府"))
        #expect(PageMetadata.splitTitle("关于推进依法行政的报告——以某镇为例｜某镇政府网") == ("关于推进依法行政的报告——以某镇为例", "某镇政府网"))
        #expect(PageMetadata.splitTitle("某某区2023年法治政府建设年度报告") == ("某某区2023年法治政府建设年度报告", ""))
    }

    @Test func outlineMarkers() {
        for heading in ["一、工作情况", "（二）深化法治宣传", "(三)强化执法", "1.强化领导责任", "2、加强培训", "十二、其他"] {
            #expect(PageMetadata.startsWithOutlineMarker(heading), "\(heading)")
        }
        #expect(PageMetadata.startsWithOutlineMarker("一是加强领导"))
        for line in ["2024年工作计划", "1.5万余份资料已发放", "2024.1.26发布"] {
            #expect(!PageMetadata.startsWithOutlineMarker(line), "\(line)")
        }
    }

    @Test func whitespaceCollapsing() {
        #expect(InlineText.collapse("  开展\n          法治讲堂  ", markupBreaks: true) == "开展法治讲堂")
        #expect(InlineText.collapse("开展 “法治讲堂”", markupBreaks: true) == "开展 “法治讲堂”")
        #expect(InlineText.collapse("共发放\n   1万余份", markupBreaks: true) == "共发放1万余份")
        #expect(InlineText.collapse("Rule\n  of law", markupBreaks: true) == "Rule of law")
        #expect(InlineText.collapse("\u{3000}\u{3000}来源：\u{A0}\u{A0}某局", markupBreaks: true) == "来源： 某局")
        #expect(InlineText.collapse("项目\t数量", markupBreaks: false) == "项目 数量")
    }

    @Test func chromeFilterKeepsProseAndHeadings() throws {
        let filter = try TextChromeFilter()
        for chrome in ["扫一扫在手机打开当前页", "【大 中 小】", "【打印本页】 【关闭窗口】", "分享到：", "浏览次数：1024",
                       "责任编辑：王小明", "主办单位：某某区人民政府办公室", "![]() |", "|", "| --- | --- |",
                       "上一篇：某某街道召开会议", "当前位置：首页 > 政务公开"] {
            #expect(filter.isChrome(chrome), "\(chrome)")
        }
        for prose in ["（二）推行“扫一扫”亮码执法", "时间就是效率，我们要提高办事效率。",
                      "全年共受理群众来信来访126件，办结率100%。", "石门乡人民政府", "2024年1月25日"] {
            #expect(!filter.isChrome(prose), "\(prose)")
        }
    }

    @Test func markdownCleanup() {
        #expect(TextChromeFilter.cleanMarkdown("![](a.png) 正文开始") == " 正文开始")
        #expect(TextChromeFilter.cleanMarkdown("[首页](/) > [政务公开](/zwgk/)") == "首页 > 政务公开")
        #expect(TextChromeFilter.cleanMarkdown("深度融合。 |") == "深度融合。")
        #expect(TextChromeFilter.cleanMarkdown("| 项目 | 数量 |") == "项目 | 数量")
    }

    @Test(arguments: [
        ("display:none", true), ("DISPLAY : None;", true), ("color:#333; visibility:\thidden", true),
        ("display:\nnone", true), ("display:block", false), ("color:red", false), ("", false),
        // Only CSS white space is skipped: a browser does not read this as display:none either.
        ("display:\u{3000}none", false),
        // CSS white space inside the keyword is skipped as well; a keyword alone hides nothing.
        ("display: n o\tn E", true), ("visibility:HID den", true), ("font-family:none", false), ("hidden", false),
    ])
    func inlineStylesThatHideAnElement(style: String, hidden: Bool) {
        let hides = style.withCString { $0.withMemoryRebound(to: UInt8.self, capacity: style.utf8.count + 1) { HTMLDocument.hidesElement(style: $0) } }
        #expect(hides == hidden)
    }

    @Test func titleNamesInIdsAndClasses() {
        for name in ["title", "article-title", "news_title big", "maintitle", "titlebar", "content tit", "bt", "x-biaoti",
                     "col\ttitle", "标题 title"] {
            #expect(HTMLStripper.namesTitle(name), "\(name)")
        }
        for name in ["", "subtitles", "entitled", "btn", "bti", "tt", "biao", "list--", "title\u{301}", "标题"] {
            #expect(!HTMLStripper.namesTitle(name), "\(name)")
        }
    }
}
