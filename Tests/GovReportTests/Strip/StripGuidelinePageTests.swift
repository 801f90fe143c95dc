import Testing
@testable import GovReport

/// A page from a site that follows the national government-website guidelines: the
/// ArticleTitle/PubDate/ContentSource/SiteName metas and the article in div#zoom.
@Suite struct StripGuidelinePageTests {
    static let page = """
    <!DOCTYPE html>
    <html lang="zh-CN">
    <head>
    <meta charset="utf-8">
    <meta name="SiteName" content="青禾市临川区人民政府">
    <meta name="SiteDomain" content="www.linchuan.example.gov.cn">
    <meta name="SiteIDCode" content="3601020001">
    <meta name="ColumnName" content="法治政府建设">
    <meta name="ColumnType" content="工作报告">
    <meta name="ArticleTitle" content="白鹭街道办事处2023年度法治政府建设情况报告">
    <meta name="PubDate" content="2024-01-26 09:30">
    <meta name="ContentSource" content="临川区白鹭街道办事处">
    <meta name="Keywords" content="法治政府,年度报告">
    <meta name="Description" content="白鹭街道办事处2023年度法治政府建设情况报告">
    <title>白鹭街道办事处2023年度法治政府建设情况报告_法治政府建设_青禾市临川区人民政府</title>
    <link rel="stylesheet" href="/css/main.css">
    <style>.zoom p{text-indent:2em;line-height:2}</style>
    <script>var _hmt = _hmt || []; (function(){ var hm = document.createElement("script"); })();</script>
    </head>
    <body>
    <div class="header">
      <div class="top-bar">今天是：2024年5月6日　<a href="/wza">无障碍</a> | <a href="/old">长者模式</a></div>
      <div class="logo"><img src="/img/logo.png" alt="青禾市临川区人民政府"></div>
      <div class="main-nav"><ul>
        <li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/zwfw">政务服务</a></li>
        <li><a href="/hdjl">互动交流</a></li><li><a href="/zjlc">走进临川</a></li></ul></div>
      <form class="search-form" action="/search"><input type="text" name="q" placeholder="请输入关键词"><button>搜索</button></form>
    </div>
    <div class="main w1200">
      <div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; <a href="/zwgk/fzzf">法治政府建设</a></div>
      <div class="article">
        <h1 class="article-title">白鹭街道办事处2023年度<br>法治政府建设情况报告</h1>
        <div class="article-info">
          <span>发布时间：2024-01-26 09:30</span>　<span>来源：临川区白鹭街道办事处</span>
          <span>浏览次数：<em id="hits">1024</em></span>
          <span class="font-size">字体：[<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>]</span>
        </div>
        <div id="zoom" class="zoom">
          <p>&nbsp;&nbsp;&nbsp;&nbsp;2023年，白鹭街道在区委、区政府的正确领导下，坚持以习近平新时代中国特色社会主义思想为指导，
          深入学习贯彻习近平法治思想，全面推进依法行政，法治政府建设取得新进展。现将有关情况报告如下：</p>
          <p><strong>一、2023年推进法治政府建设的主要举措和成效</strong></p>
          <p>（一）强化组织领导，压实第一责任人职责。街道党工委书记认真履行推进法治建设第一责任人职责，
          全年召开党工委会议专题研究法治建设工作4次，将法治建设纳入街道年度综合考核，
          考核权重不低于5%。</p>
          <p>（二）深化法治宣传，营造浓厚法治氛围。组织开展“法律进社区”活动36场次，发放宣传资料1.2万余份，
          解答群众法律咨询800余人次；依托新时代文明实践站举办“枫叶法治讲堂”12期。</p>
          <p>（三）规范行政执法，提升依法行政水平。全年办理行政处罚案件57件，罚没金额296100元，
          行政执法案卷评查合格率达到100%。</p>
          <p><strong>二、存在的不足和原因</strong></p>
          <p>一是部分干部运用法治思维解决问题的能力还有待提高；二是基层法治宣传的针对性还不够强。</p>
          <p><strong>三、2024年推进法治政府建设的主要安排</strong></p>
          <p>2024年，街道将持续深化法治宣传教育，推进综合行政执法规范化建设，确保法治政府建设各项任务落到实处。</p>
          <p style="text-align:right">青禾市临川区白鹭街道办事处</p>
          <p style="text-align:right">2024年1月25日</p>
        </div>
        <div class="article-tools">
          <a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a>
        </div>
        <div class="share-bar">分享到：<a href="#" class="wx">微信</a> <a href="#" class="wb">微博</a></div>
        <div class="qr-code"><img src="/qr.png" alt=""><p>扫一扫在手机打开当前页</p></div>
        <div class="pre-next"><p>上一篇：<a href="/a/1.html">白鹭街道召开2024年安全生产工作会议</a></p>
          <p>下一篇：<a href="/a/3.html">白鹭街道开展春节走访慰问活动</a></p></div>
      </div>
      <div class="sidebar">
        <h3>相关链接</h3>
        <ul>
          <li><a href="/a/11.html">临川区2022年度法治政府建设情况报告</a></li>
          <li><a href="/a/12.html">白鹭街道2022年度法治政府建设情况报告</a></li>
          <li><a href="/a/13.html">临川区司法局2023年度法治政府建设情况报告</a></li>
          <li><a href="/a/14.html">青禾市法治政府建设实施方案（2021-2025年）</a></li>
        </ul>
      </div>
    </div>
    <div class="footer">
      <p>主办单位：青禾市临川区人民政府办公室　承办单位：临川区大数据中心</p>
      <p>网站标识码：3601020001　赣ICP备12345678号　赣公网安备 36010202000123号</p>
    </div>
    <script type="text/javascript">document.write('<span id="_ideConac"></span>');</script>
    </body>
    </html>
    """

    @Test func metadataComesFromTheGuidelineMetas() throws {
        let doc = try stripDocument(Self.page)
        #expect(doc.title == "白鹭街道办事处2023年度法治政府建设情况报告")
        #expect(doc.publishDate == "2024-01-26")
        #expect(doc.issuer == "临川区白鹭街道办事处")
        #expect(doc.siteName == "青禾市临川区人民政府")
        #expect(doc.breadcrumb == ["首页", "政务公开", "法治政府建设"])
    }

    @Test func bodyIsTheZoomDivInReadingOrder() throws {
        let doc = try stripDocument(Self.page)
        #expect(doc.paragraphs.first == "2023年，白鹭街道在区委、区政府的正确领导下，坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，全面推进依法行政，法治政府建设取得新进展。现将有关情况报告如下：")
        #expect(doc.paragraphs.last == "2024年1月25日")
        #expect(doc.paragraphs.count == 11)
        #expect(doc.paragraphs[1] == "一、2023年推进法治政府建设的主要举措和成效")
        // Line breaks in the markup inside a Chinese sentence add no space.
        #expect(doc.paragraphs.contains("（一）强化组织领导，压实第一责任人职责。街道党工委书记认真履行推进法治建设第一责任人职责，全年召开党工委会议专题研究法治建设工作4次，将法治建设纳入街道年度综合考核，考核权重不低于5%。"))
        #expect(doc.paragraphs.contains("青禾市临川区白鹭街道办事处"))
        #expect(chromeLeft(in: doc.paragraphs, extra: ["无障碍", "微信", "白鹭街道办事处2023年度"]).isEmpty)
    }
}
