import Testing
@testable import GovReport

/// A modern HTML5 template: <header>/<nav>/<aside>/<footer>, a breadcrumb as an <ol> with no
/// separators, the article in .article-content with <h3> section headings, a long related-links
/// list inside the article and another one in the side column.
@Suite struct StripModernPageTests {
    static func relatedItems(_ prefix: String, _ n: Int) -> String {
        (1...n).map { "<li><a href=\"/art/2023/\($0).html\">\(prefix)第\($0)期工作动态：晴川县推进依法行政工作</a><span>2023-0\($0 % 9 + 1)-1\($0 % 9)</span></li>" }
            .joined(separator: "\n")
    }

    static let page = """
    <!doctype html>
    <html lang="zh">
    <head>
      <meta charset="UTF-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>晴川县2023年法治政府建设年度报告 - 晴川县人民政府门户网站</title>
      <script src="/js/jquery.min.js"></script>
      <script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}</script>
    </head>
    <body class="page-article">
      <header class="site-header">
        <div class="container"><a class="brand" href="/"><h1 class="site-name">晴川县人民政府</h1></a>
        <nav class="primary"><a href="/">首页</a><a href="/xxgk">信息公开</a><a href="/zwfw">政务服务</a><a href="/hdjl">互动交流</a></nav></div>
      </header>
      <nav class="breadcrumb" aria-label="breadcrumb">
        <ol><li><a href="/">首页</a></li><li><a href="/xxgk">信息公开</a></li><li><a href="/xxgk/fzzf">法治政府建设</a></li><li>正文</li></ol>
      </nav>
      <main class="container">
        <div class="row">
          <article class="article col-md-9">
            <h2 class="article-title">晴川县2023年法治政府建设年度报告</h2>
            <div class="article-meta">
              <span class="date">发布日期：2024-03-12</span>
              <span class="source">来源：晴川县司法局</span>
              <span class="views">阅读量：356</span>
              <span class="fontsize">字号：<a>大</a><a>中</a><a>小</a></span>
            </div>
            <div class="article-content">
              <p>2023年，晴川县深入贯彻落实党中央、国务院关于法治政府建设的决策部署，扎实推进法治政府建设各项工作，取得了积极成效。</p>
              <h3>一、主要举措和成效</h3>
              <p>（一）持续优化法治化营商环境。全面推行“证照分离”改革，涉企经营许可事项办理时限平均压缩62%，
                 新增市场主体4130户。</p>
              <p>（二）推进严格规范公正文明执法。组织全县行政执法人员培训6期，每人每年线下培训不少于60课时；
                 全县共办理行政处罚案件1.5万余件。</p>
              <ul>
                <li>县级行政执法机关全部公示执法事项清单；</li>
                <li>重大执法决定法制审核率达到100%。</li>
              </ul>
              <h3>二、存在的问题</h3>
              <p>一是法治政府建设发展还不够均衡；二是基层执法队伍专业化水平有待提升。</p>
              <h3>三、下一年度工作安排</h3>
              <p>2024年，我县将坚持以习近平法治思想为指导，持续深化行政执法体制改革，加快建设法治政府。</p>
              <p class="signature">晴川县人民政府</p>
              <p class="signature">2024年3月10日</p>
            </div>
            <div class="article-attachments">附件：<a href="/files/2023fzbg.pdf">晴川县2023年法治政府建设年度报告.pdf</a></div>
            <section class="related-articles">
              <h4>相关文章</h4>
              <ul>
              \(relatedItems("晴川法治", 15))
              </ul>
            </section>
            <div class="share">分享到：<a>微信</a><a>QQ空间</a><a>微博</a></div>
          </article>
          <aside class="col-md-3 side">
            <section><h4>热门排行</h4><ul>
            \(relatedItems("热门", 10))
            </ul></section>
            <div class="qrcode"><img src="/img/qr.png"><p>扫一扫，关注晴川发布</p></div>
          </aside>
        </div>
      </main>
      <footer class="site-footer">
        <p>主办单位：晴川县人民政府办公室　联系电话：0791-88886666</p>
        <p>网站标识码：3601230002　赣ICP备20001234号-1</p>
      </footer>
      <script>$(function(){ $('.share a').click(function(){ return false; }); });</script>
    </body>
    </html>
    """

    @Test func metadataFromHeadlineAndMetaLine() throws {
        let doc = try stripDocument(Self.page)
        #expect(doc.title == "晴川县2023年法治政府建设年度报告")
        #expect(doc.siteName == "晴川县人民政府门户网站")
        #expect(doc.publishDate == "2024-03-12")
        #expect(doc.issuer == "晴川县司法局")
        #expect(doc.breadcrumb == ["首页", "信息公开", "法治政府建设", "正文"])
    }

    @Test func bodyKeepsHeadingsAndListItemsAndDropsLinkLists() throws {
        let doc = try stripDocument(Self.page)
        #expect(doc.paragraphs.first == "2023年，晴川县深入贯彻落实党中央、国务院关于法治政府建设的决策部署，扎实推进法治政府建设各项工作，取得了积极成效。")
        #expect(doc.paragraphs.last == "2024年3月10日")
        #expect(doc.paragraphs.contains("一、主要举措和成效"))
        #expect(doc.paragraphs.contains("（一）持续优化法治化营商环境。全面推行“证照分离”改革，涉企经营许可事项办理时限平均压缩62%，新增市场主体4130户。"))
        #expect(doc.paragraphs.contains("重大执法决定法制审核率达到100%。"))
        #expect(doc.paragraphs.count == 12)
        #expect(chromeLeft(in: doc.paragraphs, extra: ["工作动态", "热门", "附件", "QQ空间"]).isEmpty)
    }
}
