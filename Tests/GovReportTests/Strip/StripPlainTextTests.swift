import Testing
@testable import GovReport

/// Plain-text inputs: pages saved as text or markdown, with their chrome lines.
@Suite struct StripPlainTextTests {
    static let savedPage = """
    首页 > 政务公开 > 街道信息公开目录 > 桂花坪街道 > 规划计划

    2022年度桂花坪街道法治政府建设情况报告

    发布时间 : 2023-01-30 来源:芙蓉区桂花坪街道 字体大小:


    为深入贯彻落实中央、省、市、区关于法治建设的部署要求,桂花坪街道党工委、办事处以建设法治街道为目标,统筹推进依法决策、依法行政和普法教育等工作。现将街道法治政府建设情况汇报如下:

    一、工作情况

    (一)加强组织领导,健全机制保障

    街道成立了以党工委书记为组长的法治政府建设工作领导小组,全年召开专题会议4次,研究解决法治建设重点问题9个。

    (二)深化法治宣传,营造法治氛围

    一是开展“宪法宣传周”活动,发放宣传资料3000余份;二是组织“法律进小区”活动20场次,服务群众1500余人次。

    二、下一步工作计划

    加大执法培训力度,进一步深入推进政务公开,抓好重大突发事件和群众关注热点问题的信息公开。

    桂花坪街道办事处

    2023年1月29

    扫一扫在手机打开当前页
    """

    @Test func savedPageGivesMetadataAndCleanBody() throws {
        let doc = try stripDocument(Self.savedPage, isHTML: false)
        #expect(doc.title == "2022年度桂花坪街道法治政府建设情况报告")
        #expect(doc.publishDate == "2023-01-30")
        #expect(doc.issuer == "芙蓉区桂花坪街道")
        #expect(doc.breadcrumb == ["首页", "政务公开", "街道信息公开目录", "桂花坪街道", "规划计划"])
        #expect(doc.siteName == "")
        #expect(doc.paragraphs.first == "为深入贯彻落实中央、省、市、区关于法治建设的部署要求,桂花坪街道党工委、办事处以建设法治街道为目标,统筹推进依法决策、依法行政和普法教育等工作。现将街道法治政府建设情况汇报如下:")
        #expect(Array(doc.paragraphs.suffix(2)) == ["桂花坪街道办事处", "2023年1月29"])
        #expect(doc.paragraphs.count == 10)
        #expect(chromeLeft(in: doc.paragraphs).isEmpty)
    }

    @Test func markdownLeftoversGo() throws {
        let text = """
        ![]() |
        |
        [首页](https://www.example.gov.cn/) > [政务公开](https://www.example.gov.cn/zwgk/) > [法治政府](https://www.example.gov.cn/zwgk/fz/)
        ![](https://www.example.gov.cn/images/banner.jpg)
        2024年,青桐街道在区委、区政府的坚强领导下,深入贯彻全面依法治国战略,积极推进法治政府建设。现将有关情况报告如下:
        一、2024年推进法治政府建设的主要举措和成效
        (一)夯实主体责任 |
        落实行政机关学法用法制度,组织干部参加网上学法用法活动,参学率100%。
        | --- | --- |
        分享到:
        """
        let doc = try stripDocument(text, isHTML: false)
        #expect(doc.breadcrumb == ["首页", "政务公开", "法治政府"])
        #expect(doc.title == "")
        #expect(doc.paragraphs == [
            "2024年,青桐街道在区委、区政府的坚强领导下,深入贯彻全面依法治国战略,积极推进法治政府建设。现将有关情况报告如下:",
            "一、2024年推进法治政府建设的主要举措和成效",
            "(一)夯实主体责任",
            "落实行政机关学法用法制度,组织干部参加网上学法用法活动,参学率100%。",
        ])
    }

    @Test func oneLineReportStaysOneParagraph() throws {
        let body = "2020年是法治政府建设的关键之年。湖岸路街道深入贯彻全面依法治国新理念新思想新战略,扎实推进法治政府建设工作。现将2020年度法治政府建设工作情况总结如下: 一、法治政府建设主要举措和成效 (一)加强疫情防控工作法治保障 全面做好涉疫法制审查工作,切实做到于法有据。 二、存在的不足 (一)法治宣传针对性不强 三、下一步工作计划 (一)科学制定街道“八五”普法规划。"
        let doc = try stripDocument(body + " |", isHTML: false)
        #expect(doc.paragraphs == [body])
        #expect(doc.title == "")
    }

    @Test func firstLineTitleWithoutBreadcrumb() throws {
        let text = """
        南湾区人民政府北沙街道办事处关于2024年度法治政府建设情况的报告
        2024年,在区委、区政府的正确领导下,我街坚持以习近平新时代中国特色社会主义思想为指导,推动法治政府建设工作落实落细,现将情况报告如下:
        一、2024年推进法治政府建设的主要举措和成效
        (一)坚持和加强党对法治政府建设的领导。开展党工委中心组学习9期,街道领导班子带头上党课64次。
        """
        let doc = try stripDocument(text, isHTML: false)
        #expect(doc.title == "南湾区人民政府北沙街道办事处关于2024年度法治政府建设情况的报告")
        #expect(doc.paragraphs.count == 3)
        #expect(doc.paragraphs.first?.hasPrefix("2024年,在区委") == true)
    }

    @Test func traditionalTextAndReportSentencesMentioningChromeWords() throws {
        let text = """
        2023年,在西嶺區委、區政府的正確領導下,興泉鎮人民政府堅持以習近平新時代中國特色社會主義思想為指導,深入推進法治政府建設工作。現將2023年法治政府建設工作總結如下。
        (三)推行“掃一掃”亮碼執法
        推行執法人員“掃一掃”亮碼執法,群眾用手機掃一掃即可查詢執法人員身份和執法依據,全年亮碼執法1200餘次。
        掃一掃 手機瀏覽
        """
        let doc = try stripDocument(text, isHTML: false)
        #expect(doc.paragraphs.count == 3)
        #expect(doc.paragraphs[1] == "(三)推行“掃一掃”亮碼執法")
        #expect(doc.paragraphs.last == "推行執法人員“掃一掃”亮碼執法,群眾用手機掃一掃即可查詢執法人員身份和執法依據,全年亮碼執法1200餘次。")
    }

    @Test func configuredPatternsAddToTheDefaults() throws {
        var options = StripOptions()
        options.chromePatterns = ["^本文链接[:：]", "^【我要评论】$"]
        let text = """
        2023年,临江镇扎实推进法治政府建设,全年开展法治宣传活动30余场次,受教育群众6000余人次。
        本文链接:https://www.example.gov.cn/art/2024/1/5/art_1.html
        【我要评论】
        临江镇人民政府
        """
        let doc = try stripDocument(text, isHTML: false, options: options)
        #expect(doc.paragraphs == ["2023年,临江镇扎实推进法治政府建设,全年开展法治宣传活动30余场次,受教育群众6000余人次。", "临江镇人民政府"])
    }

    @Test func textThatIsOnlyChromeFails() {
        let text = "首页 > 政务公开 > 工作报告\n发布时间：2024-01-02 来源：某某局\n扫一扫在手机打开当前页\n|"
        #expect(throws: StageFailure.self) { try stripDocument(text, isHTML: false) }
        do { _ = try stripDocument(text, isHTML: false) } catch let failure as StageFailure {
            #expect(failure.code == "strip.no_body")
        } catch { Issue.record("unexpected error \(error)") }
    }
}
