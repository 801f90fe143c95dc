import Testing
@testable import GovReport

/// A TRS-style page: only a SiteName meta, the headline in div.title (matched to a <title>
/// that puts the site first), a dotted date, 发布机构, and a small data table in the body.
@Suite struct StripDataTablePageTests {
    static let page = """
    <html>
    <head>
    <meta http-equiv="X-UA-Compatible" content="IE=edge">
    <meta name="SiteName" content="远山市司法局">
    <title>远山市司法局 | 远山市司法局关于2023年度法治政府建设情况的报告</title>
    <script type="text/javascript" src="/js/common.js"></script>
    </head>
    <body>
    <div id="top"><div class="topnav"><a href="/">首页</a><a href="/jgzn">机构职能</a><a href="/tzgg">通知公告</a><a href="/fzxc">法治宣传</a></div></div>
    <div class="wrap">
      <div class="crumbs">您的位置：<a href="/">首页</a> » <a href="/zfxxgk">政府信息公开</a> » <a href="/zfxxgk/ndbg">年度报告</a></div>
      <div class="detail-box">
        <div class="title">远山市司法局关于2023年度法治政府建设情况的报告</div>
        <div class="info">
          <span>时间：2024.3.5 10:20</span><span>发布机构：远山市司法局</span><span>【<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</span>
        </div>
        <div class="TRS_Editor">
          <div class="Custom_UnionStyle">
            <p align="justify">　　2023年，市司法局在市委、市政府的坚强领导下，认真履行统筹推进法治政府建设职责，各项工作取得明显成效。</p>
            <h2>一、行政复议和行政应诉工作情况</h2>
            <p align="justify">　　全年办理行政复议和行政应诉案件情况如下表：</p>
            <table border="1" cellspacing="0" cellpadding="4" width="600">
              <tbody>
              <tr><td><p>项目</p></td><td><p>2022年</p></td><td><p>2023年</p></td><td></td></tr>
              <tr><td>行政复议案件（件）</td><td>48</td><td>53</td><td></td></tr>
              <tr><td>行政应诉案件（件）</td><td>31</td><td>27</td><td></td></tr>
              <tr><td>行政机关负责人出庭应诉率</td><td>92%</td><td>100%</td><td></td></tr>
              </tbody>
            </table>
            <p align="justify">　　行政复议纠错率为13.2%，较上年下降2.1个百分点。</p>
            <h2>二、下一步工作打算</h2>
            <p align="justify">　　2024年，市司法局将进一步发挥行政复议化解行政争议主渠道作用，不断提升法治政府建设水平。</p>
            <p align="right">远山市司法局</p>
            <p align="right">2024年3月1日</p>
          </div>
        </div>
        <div class="bottom-tools"><span>【<a href="javascript:window.print()">打印</a>】</span><span>【<a href="javascript:window.close()">关闭</a>】</span></div>
      </div>
      <div class="rightbox">
        <div class="hd">相关新闻</div>
        <ul><li><a href="/x/1">远山市司法局召开2024年全市司法行政工作会议</a></li><li><a href="/x/2">远山市开展行政执法案卷评查</a></li>
        <li><a href="/x/3">远山市公共法律服务中心服务群众1.2万人次</a></li></ul>
      </div>
    </div>
    <div id="footer"><div class="foot-txt">版权所有：远山市司法局　主办：远山市司法局办公室　备案号：滇ICP备10002000号<br>地址：远山市青云路8号　邮编：650000</div>
    <div class="ewm"><img src="/ewm.png"><span>扫一扫 手机看</span></div></div>
    </body>
    </html>
    """

    @Test func metadataFromTitleMatchAndInfoLine() throws {
        let doc = try stripDocument(Self.page)
        #expect(doc.title == "远山市司法局关于2023年度法治政府建设情况的报告")
        #expect(doc.siteName == "远山市司法局")
        #expect(doc.publishDate == "2024-03-05")
        #expect(doc.issuer == "远山市司法局")
        #expect(doc.breadcrumb == ["首页", "政府信息公开", "年度报告"])
    }

    @Test func dataTableBecomesOneParagraphPerRow() throws {
        let doc = try stripDocument(Self.page)
        #expect(doc.paragraphs.first == "2023年，市司法局在市委、市政府的坚强领导下，认真履行统筹推进法治政府建设职责，各项工作取得明显成效。")
        #expect(doc.paragraphs.last == "2024年3月1日")
        let tableStart = try #require(doc.paragraphs.firstIndex(of: "项目 | 2022年 | 2023年"))
        #expect(Array(doc.paragraphs[tableStart...(tableStart + 4)]) == [
            "项目 | 2022年 | 2023年",
            "行政复议案件（件） | 48 | 53",
            "行政应诉案件（件） | 31 | 27",
            "行政机关负责人出庭应诉率 | 92% | 100%",
            "行政复议纠错率为13.2%，较上年下降2.1个百分点。",
        ])
        #expect(doc.paragraphs[tableStart - 1] == "全年办理行政复议和行政应诉案件情况如下表：")
        #expect(chromeLeft(in: doc.paragraphs, extra: ["相关新闻", "手机看", "地址："]).isEmpty)
    }

    @Test func tablesCanBeLeftOut() throws {
        var options = StripOptions()
        options.keepTables = false
        let doc = try stripDocument(Self.page, options: options)
        #expect(!doc.paragraphs.contains { $0.contains("行政复议案件（件）") })
        #expect(doc.paragraphs.contains("行政复议纠错率为13.2%，较上年下降2.1个百分点。"))
        #expect(doc.paragraphs.count == 8)
    }
}
